import Yams

/// `import.yaml` in the overlays folder: what the importer cannot read from the document itself.
///
/// ```yaml
/// module: { en: User authentication module, zh: 用户认证模块 }
/// groups:                           # swiftModule: the Swift module of the file's code (the client's home module without it)
///   消息服务: { file: message-service, en: Message service, swiftModule: GenAuthMessaging }
/// integers: [statusCode, apiCode]   # properties the document types as number that are integers
/// # or: integers: all, with the exceptions that are fractional numbers:
/// fractional: [lat, lon]
/// types:                            # schemas renamed in Swift (the docs show the document's name too)
///   Result: ResultDto
/// operations:                       # method names other than GenAuth's rule gives
///   TerminalManagementController_deleteDevice: deleteTerminalDevice
/// errorCodes: 开发准备/错误处理        # the tag whose description lists the statusCodes and apiCodes
/// ```
struct ImportSettings {
    struct Group {
        var file: String
        var english: String?
        var swiftModule: Located<String>?
        var location: SourceLocation
    }

    var module: Text?
    var groups: [String: Group] = [:]
    var integers: [String: SourceLocation] = [:]
    /// `integers: all`: every `number` is an integer but those in `fractional`.
    var allIntegers = false
    var fractional: [String: SourceLocation] = [:]
    /// Schema name → Swift type name.
    var typeNames: [String: Located<String>] = [:]
    /// operationId → method name.
    var operationNames: [String: Located<String>] = [:]
    /// The tag whose description holds GenAuth's error-code tables, imported into `error-codes.yaml`.
    var errorCodesTag: Located<String>?

    static let keys = ["module", "groups", "integers", "fractional", "types", "operations", "errorCodes"]

    /// Whether a property or parameter of type `number` named `name` is an integer.
    func isInteger(_ name: String) -> Bool {
        allIntegers ? fractional[name] == nil : integers[name] != nil
    }

    static let fileName = "import.yaml"

    static func load(_ source: SpecSource?, diagnostics: inout DiagnosticCollector) -> ImportSettings {
        var settings = ImportSettings()
        guard let source else { return settings }
        guard let root = loadNode(source, diagnostics: &diagnostics) else { return settings }
        var reader = NodeReader(file: source.displayPath)
        for (key, value) in reader.mapping(root, what: "the import settings") ?? [] {
            switch key.value {
            case "module":
                settings.module = reader.text(value, what: "'module'")
            case "groups":
                for (name, entry) in reader.mapping(value, what: "'groups'") ?? [] {
                    var file: String?
                    var english: String?
                    var swiftModule: Located<String>?
                    for (field, fieldValue) in reader.mapping(entry, what: "group '\(name.value)'") ?? [] {
                        switch field.value {
                        case "file": file = reader.scalar(fieldValue, what: "'file'")?.value
                        case "en": english = reader.scalar(fieldValue, what: "'en'")?.value
                        case "swiftModule": swiftModule = reader.scalar(fieldValue, what: "'swiftModule'")
                        default:
                            reader.diagnostics.error(
                                "unknown key '\(field.value)' in group '\(name.value)'"
                                    + Suggestions.hint(for: field.value, in: ["file", "en", "swiftModule"]),
                                at: field.location)
                        }
                    }
                    guard let file else {
                        reader.diagnostics.error("group '\(name.value)' has no 'file'", at: name.location)
                        continue
                    }
                    guard isFileStem(file) else {
                        reader.diagnostics.error("'\(file)' is not a file name: use lowercase letters, digits and '-'", at: name.location)
                        continue
                    }
                    settings.groups[name.value] = Group(file: file, english: english, swiftModule: swiftModule, location: name.location)
                }
            case "integers":
                if case .scalar(let scalar) = value, scalar.string == "all" {
                    settings.allIntegers = true
                    continue
                }
                settings.integers = names(value, what: "'integers'", reader: &reader)
            case "fractional":
                settings.fractional = names(value, what: "'fractional'", reader: &reader)
            case "types":
                for (name, entry) in reader.mapping(value, what: "'types'") ?? [] {
                    guard let swiftName = reader.scalar(entry, what: "the Swift name of '\(name.value)'") else { continue }
                    guard Naming.isTypeName(swiftName.value), !ReservedNames.types.contains(swiftName.value) else {
                        reader.diagnostics.error(
                            "'\(swiftName.value)' cannot name a Swift type: use an uppercase letter, then letters and digits, and no name Swift or the SDK already has",
                            at: swiftName.location)
                        continue
                    }
                    settings.typeNames[name.value] = swiftName
                }
            case "operations":
                for (operationId, entry) in reader.mapping(value, what: "'operations'") ?? [] {
                    guard let method = reader.scalar(entry, what: "the method name of '\(operationId.value)'") else { continue }
                    guard Naming.isMethodName(method.value), !Naming.keywords.contains(method.value) else {
                        reader.diagnostics.error(
                            "'\(method.value)' cannot name a method: use a lowercase letter, then letters and digits", at: method.location)
                        continue
                    }
                    settings.operationNames[operationId.value] = method
                }
            case "errorCodes":
                settings.errorCodesTag = reader.scalar(value, what: "'errorCodes'")
            default:
                reader.diagnostics.error(
                    "unknown key '\(key.value)' in the import settings" + Suggestions.hint(for: key.value, in: keys),
                    at: key.location)
            }
        }
        diagnostics.append(contentsOf: reader.diagnostics.diagnostics)
        return settings
    }

    private static func names(_ node: Node, what: String, reader: inout NodeReader) -> [String: SourceLocation] {
        guard case .sequence(let items) = node else {
            reader.diagnostics.error("expected a list of property names for \(what)", at: reader.location(node))
            return [:]
        }
        var result: [String: SourceLocation] = [:]
        for item in items {
            if let name = reader.scalar(item, what: "a property name") { result[name.value] = name.location }
        }
        return result
    }

    static func isFileStem(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCIILowercase || $0.isASCIIDigit || $0 == "-" } && text != "import"
    }

    /// Parses a YAML file into a node, reporting syntax errors.
    static func loadNode(_ source: SpecSource, diagnostics: inout DiagnosticCollector) -> Node? {
        guard let text = String(validatingUTF8Data: source.contents) else {
            diagnostics.error("file is not valid UTF-8", at: SourceLocation(file: source.displayPath, line: 1, column: 1))
            return nil
        }
        if let finding = AnchorScanner.firstAnchorOrAlias(in: text) {
            diagnostics.error(
                "YAML \(finding.isAlias ? "aliases" : "anchors") are not supported; write the value out",
                at: SourceLocation(file: source.displayPath, line: finding.line, column: finding.column))
            return nil
        }
        do {
            // Tags are resolved when asked (`Node.Scalar.tagName`), so parsing needs no resolver rules: Yams'
            // default ones run regular expressions on every scalar.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                diagnostics.error("file is empty", at: SourceLocation(file: source.displayPath, line: 1, column: 1))
                return nil
            }
            return node
        } catch {
            diagnostics.append(contentsOf: [SpecLoader.diagnostic(forYAMLError: error, file: source.displayPath)])
            return nil
        }
    }
}
