import Yams

/// Turns composed YAML nodes into raw spec structures, reporting every shape problem it meets.
struct NodeReader {
    let file: String
    var diagnostics = DiagnosticCollector()

    static let fileKeys = ["client", "module", "group", "swiftModule", "endpoints", "types", "pages", "errorCodes"]
    static let errorCatalogueKeys = ["statusCodes", "apiCodes"]
    static let errorCodeKeys = ["name", "meaning", "action"]
    static let endpointKeys = [
        "summary", "description", "method", "path", "pathParams", "query", "request", "encoding",
        "response", "auth", "deprecated", "example", "handwritten",
    ]
    static let handwrittenKeys = ["call", "parameters", "sample"]
    static let pageKeys = ["title", "path"]
    static let typeKeys = ["description", "properties", "enum", "originalName", "additionalProperties"]
    static let constraintKeys = ["minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "minimum", "maximum"]
    static let itemConstraintKeys = ["minLength", "maxLength", "minimum", "maximum"]
    static let propertyKeys = ["type", "required", "description", "default", "example", "deprecated", "enum", "oneOf"]
        + constraintKeys + ["items"]
    static let enumValueKeys = ["description", "name"]

    init(file: String) {
        self.file = file
    }

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    // MARK: - File

    mutating func readSpecFile(_ root: Node, path: String) -> RawSpecFile? {
        guard let entries = mapping(root, what: "the spec file") else { return nil }
        var spec = RawSpecFile(path: path, location: location(root))
        for (key, value) in entries {
            switch key.value {
            case "client": spec.client = scalar(value, what: "'client'")
            case "module": spec.module = text(value, what: "'module'")
            case "group": spec.group = text(value, what: "'group'")
            case "swiftModule": spec.swiftModule = scalar(value, what: "'swiftModule'")
            case "endpoints":
                for (name, node) in mapping(value, what: "'endpoints'") ?? [] {
                    if let endpoint = readEndpoint(node, name: name) { spec.endpoints.append(endpoint) }
                }
            case "types":
                for (name, node) in mapping(value, what: "'types'") ?? [] {
                    if let type = readType(node, name: name) { spec.types.append(type) }
                }
            case "pages":
                guard case .sequence(let items) = value else {
                    diagnostics.error("'pages' must be a list of {title, path}, not \(kind(value))", at: location(value))
                    continue
                }
                for item in items {
                    if let page = readPage(item) { spec.pages.append(page) }
                }
            case "errorCodes": spec.errorCodes = readErrorCatalogue(value)
            default:
                unknownKey(key, allowed: Self.fileKeys, in: "a spec file")
            }
        }
        return spec
    }

    // MARK: - Endpoint

    private mutating func readEndpoint(_ node: Node, name: Located<String>) -> RawEndpoint? {
        let what = { "endpoint '\(name.value)'" }
        guard let entries = mapping(node, what: what()) else { return nil }
        var endpoint = RawEndpoint(name: name)
        for (key, value) in entries {
            switch key.value {
            case "summary": endpoint.summary = text(value, what: "'summary'")
            case "description": endpoint.description = text(value, what: "'description'")
            case "method": endpoint.method = scalar(value, what: "'method'")
            case "path": endpoint.path = scalar(value, what: "'path'")
            case "pathParams":
                endpoint.pathParamsLocation = key.location
                endpoint.pathParams = properties(value, what: "'pathParams'")
            case "query": endpoint.query = properties(value, what: "'query'")
            case "request": endpoint.request = scalar(value, what: "'request'")
            case "encoding": endpoint.encoding = scalar(value, what: "'encoding'")
            case "response": endpoint.response = scalar(value, what: "'response'")
            case "auth": endpoint.auth = scalar(value, what: "'auth'")
            case "deprecated": endpoint.deprecated = deprecation(value)
            case "example": endpoint.example = value
            case "handwritten": endpoint.handwritten = readHandwritten(value, endpoint: name.value)
            default: unknownKey(key, allowed: Self.endpointKeys, in: what())
            }
        }
        for required in ["summary", "method", "path", "response"] where !entries.contains(where: { $0.0.value == required }) {
            diagnostics.error("\(what()) has no '\(required)'", at: name.location)
        }
        return endpoint
    }

    private mutating func readHandwritten(_ node: Node, endpoint: String) -> RawHandwritten? {
        let what = "'handwritten' of endpoint '\(endpoint)'"
        guard let entries = mapping(node, what: what) else { return nil }
        var handwritten = RawHandwritten(location: location(node))
        for (key, value) in entries {
            switch key.value {
            case "call": handwritten.call = scalar(value, what: "'call'")
            case "parameters": handwritten.parameters = properties(value, what: "'parameters'")
            case "sample": handwritten.sample = scalar(value, what: "'sample'")
            default: unknownKey(key, allowed: Self.handwrittenKeys, in: what)
            }
        }
        for required in ["call", "sample"] where !entries.contains(where: { $0.0.value == required }) {
            diagnostics.error("\(what) has no '\(required)'", at: handwritten.location)
        }
        return handwritten
    }

    private mutating func readPage(_ node: Node) -> RawPage? {
        guard let entries = mapping(node, what: "a page") else { return nil }
        var page = RawPage(location: location(node))
        for (key, value) in entries {
            switch key.value {
            case "title": page.title = text(value, what: "'title'")
            case "path": page.path = scalar(value, what: "'path'")
            default: unknownKey(key, allowed: Self.pageKeys, in: "a page")
            }
        }
        for required in ["title", "path"] where !entries.contains(where: { $0.0.value == required }) {
            diagnostics.error("a page has no '\(required)'", at: page.location)
        }
        return page
    }

    // MARK: - Error codes

    private mutating func readErrorCatalogue(_ node: Node) -> RawErrorCatalogue? {
        guard let entries = mapping(node, what: "'errorCodes'") else { return nil }
        var catalogue = RawErrorCatalogue(location: location(node))
        for (key, value) in entries {
            switch key.value {
            case "statusCodes": catalogue.statusCodes = readErrorCodes(value, what: "'statusCodes'")
            case "apiCodes": catalogue.apiCodes = readErrorCodes(value, what: "'apiCodes'")
            default: unknownKey(key, allowed: Self.errorCatalogueKeys, in: "'errorCodes'")
            }
        }
        return catalogue
    }

    private mutating func readErrorCodes(_ node: Node, what: String) -> [RawErrorCode] {
        (mapping(node, what: what) ?? []).compactMap { code, value in
            guard let entries = mapping(value, what: "code \(code.value)") else { return nil }
            var entry = RawErrorCode(code: code)
            for (key, value) in entries {
                switch key.value {
                case "name": entry.name = scalar(value, what: "'name'")
                case "meaning": entry.meaning = text(value, what: "'meaning'")
                case "action": entry.action = text(value, what: "'action'")
                default: unknownKey(key, allowed: Self.errorCodeKeys, in: "code \(code.value)")
                }
            }
            if !entries.contains(where: { $0.0.value == "meaning" }) {
                diagnostics.error("code \(code.value) has no 'meaning'", at: code.location)
            }
            return entry
        }
    }

    // MARK: - Type

    private mutating func readType(_ node: Node, name: Located<String>) -> RawType? {
        let what = { "type '\(name.value)'" }
        guard let entries = mapping(node, what: what()) else { return nil }
        var type = RawType(name: name)
        for (key, value) in entries {
            switch key.value {
            case "description": type.description = text(value, what: "'description'")
            case "properties": type.properties = properties(value, what: "'properties'")
            case "enum": type.enumeration = enumeration(value)
            case "originalName": type.originalName = scalar(value, what: "'originalName'")
            case "additionalProperties":
                if let flag = bool(value, what: "'additionalProperties'") { type.additionalProperties = Located(value: flag, location: key.location) }
            default: unknownKey(key, allowed: Self.typeKeys, in: what())
            }
        }
        let hasProperties = entries.contains { $0.0.value == "properties" }
        let hasEnum = entries.contains { $0.0.value == "enum" }
        if hasProperties && hasEnum {
            diagnostics.error("\(what()) has both 'properties' and 'enum'; a type is an object or an enum", at: name.location)
        } else if !hasProperties && !hasEnum {
            diagnostics.error("\(what()) has neither 'properties' nor 'enum'", at: name.location)
        }
        return type
    }

    // MARK: - Property

    private mutating func properties(_ node: Node, what: @autoclosure () -> String) -> [RawProperty] {
        guard let entries = mapping(node, what: what()) else { return [] }
        return entries.compactMap { key, value in readProperty(value, key: key) }
    }

    private mutating func readProperty(_ node: Node, key: Located<String>) -> RawProperty? {
        let what = { "property '\(key.value)'" }
        guard let entries = mapping(node, what: what()) else { return nil }
        var property = RawProperty(key: key)
        for (entryKey, value) in entries {
            switch entryKey.value {
            case "type": property.type = typeRef(value)
            case "required": property.required = bool(value, what: "'required'") ?? false
            case "description": property.description = text(value, what: "'description'")
            case "default": property.defaultValue = value
            case "example": property.example = value
            case "deprecated": property.deprecated = deprecation(value)
            case "enum": property.enumeration = enumeration(value)
            case "items": property.itemConstraints = itemConstraints(value)
            case "oneOf":
                property.oneOfLocation = entryKey.location
                property.oneOf = mapping(value, what: "'oneOf'")?.compactMap { key, node in readProperty(node, key: key) } ?? []
            case let name where Self.constraintKeys.contains(name): readConstraint(name, value, into: &property.constraints)
            default: unknownKey(entryKey, allowed: Self.propertyKeys, in: what())
            }
        }
        let kinds = ["type", "enum", "oneOf"].filter { kind in entries.contains { $0.0.value == kind } }
        if kinds == ["type", "enum"] {
            diagnostics.error("\(what()) has both 'type' and 'enum'; an inline enum is always a string", at: key.location)
        } else if kinds.count > 1 {
            diagnostics.error(
                "\(what()) has both \(kinds.map { "'\($0)'" }.joined(separator: " and ")); a property has one of them", at: key.location)
        } else if kinds.isEmpty {
            diagnostics.error("\(what()) has no 'type'", at: key.location)
        }
        return property
    }

    private mutating func typeRef(_ node: Node) -> RawTypeRef? {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain || scalar.style == .singleQuoted || scalar.style == .doubleQuoted,
                  !scalar.string.isEmpty
            else {
                diagnostics.error("expected a type name, found '\(scalar.string.prefix(40))'", at: location(node))
                return nil
            }
            return .name(Located(value: scalar.string, location: location(node)))
        case .sequence(let sequence):
            guard sequence.count == 1, let element = sequence.first else {
                diagnostics.error(
                    "an array type is a one-element sequence such as [UserDto]; found \(sequence.count) elements",
                    at: location(node))
                return nil
            }
            return typeRef(element).map { .array($0) }
        case .mapping(let mapping):
            guard mapping.count == 1, let (key, value) = mapping.first.map({ ($0.key, $0.value) }) else {
                diagnostics.error(
                    "a map type is a one-entry mapping such as {string: UserDto}; found \(mapping.count) entries",
                    at: location(node))
                return nil
            }
            guard key.string == "string" else {
                diagnostics.error("map keys are always strings: write {string: …}, not {\(key.string ?? "…"): …}", at: location(key))
                return nil
            }
            return typeRef(value).map { .map($0) }
        case .alias:
            diagnostics.error("YAML aliases are not supported in specs", at: location(node))
            return nil
        }
    }

    // MARK: - Constraints

    private mutating func readConstraint(_ name: String, _ node: Node, into constraints: inout RawConstraints) {
        switch name {
        case "minLength": constraints.minLength = count(node, what: name)
        case "maxLength": constraints.maxLength = count(node, what: name)
        case "minItems": constraints.minItems = count(node, what: name)
        case "maxItems": constraints.maxItems = count(node, what: name)
        case "uniqueItems": constraints.uniqueItems = bool(node, what: "'uniqueItems'").map { Located(value: $0, location: location(node)) }
        case "minimum": constraints.minimum = number(node, what: name)
        default: constraints.maximum = number(node, what: name)
        }
    }

    /// `items: {minLength: 1, maxLength: 50}`: what each element of an array must satisfy.
    private mutating func itemConstraints(_ node: Node) -> RawConstraints? {
        guard let entries = mapping(node, what: "'items'") else { return nil }
        var constraints = RawConstraints()
        for (key, value) in entries {
            if Self.itemConstraintKeys.contains(key.value) {
                readConstraint(key.value, value, into: &constraints)
            } else {
                unknownKey(key, allowed: Self.itemConstraintKeys, in: "'items'")
            }
        }
        return constraints
    }

    private mutating func count(_ node: Node, what: String) -> Located<Int>? {
        if case .scalar(let scalar) = node, scalar.style == .plain, let number = Int(scalar.string), number >= 0 {
            return Located(value: number, location: location(node))
        }
        diagnostics.error("expected a whole number of 0 or more for '\(what)', found \(kind(node))", at: location(node))
        return nil
    }

    private mutating func number(_ node: Node, what: String) -> Located<Double>? {
        if case .scalar(let scalar) = node, scalar.style == .plain, let number = Double(scalar.string), number.isFinite {
            return Located(value: number, location: location(node))
        }
        diagnostics.error("expected a number for '\(what)', found \(kind(node))", at: location(node))
        return nil
    }

    // MARK: - Enum

    private mutating func enumeration(_ node: Node) -> RawEnum? {
        var values: [RawEnumValue] = []
        switch node {
        case .sequence(let sequence):
            for element in sequence {
                if let raw = scalar(element, what: "an enum value") { values.append(RawEnumValue(rawValue: raw)) }
            }
        case .mapping:
            for (raw, value) in mapping(node, what: "'enum'") ?? [] {
                switch value {
                case .mapping(let mapping) where !Self.isTextMapping(mapping):
                    var entry = RawEnumValue(rawValue: raw)
                    for (key, field) in self.mapping(value, what: "enum value '\(raw.value)'") ?? [] {
                        switch key.value {
                        case "description": entry.description = text(field, what: "'description'")
                        case "name": entry.name = scalar(field, what: "'name'")
                        default: unknownKey(key, allowed: Self.enumValueKeys, in: "enum value '\(raw.value)'")
                        }
                    }
                    values.append(entry)
                default:
                    values.append(RawEnumValue(rawValue: raw, description: text(value, what: "the description of '\(raw.value)'")))
                }
            }
        default:
            diagnostics.error("expected a mapping or a list of enum values for 'enum', found \(kind(node))", at: location(node))
            return nil
        }
        if values.isEmpty {
            diagnostics.error("'enum' lists no values", at: location(node))
        }
        return RawEnum(location: location(node), values: values)
    }

    /// `{en: …, zh: …}` is a Text; `{description: …, name: …}` describes an enum value.
    private static func isTextMapping(_ mapping: Node.Mapping) -> Bool {
        mapping.keys.allSatisfy { key in Language(rawValue: key.string ?? "") != nil }
    }

    // MARK: - Values

    private mutating func deprecation(_ node: Node) -> Deprecation? {
        if case .scalar(let scalar) = node, scalar.style == .plain, let flag = Bool.yamlBool(scalar.string) {
            return flag ? .deprecated : nil
        }
        return text(node, what: "'deprecated'").map { .replacedBy($0) }
    }

    mutating func text(_ node: Node, what: @autoclosure () -> String) -> Text? {
        switch node {
        case .scalar(let scalar):
            return Text(plain: scalar.string)
        case .mapping:
            var translations: [Language: String] = [:]
            for (key, value) in mapping(node, what: what()) ?? [] {
                guard let language = Language(rawValue: key.value) else {
                    diagnostics.error(
                        "unknown language '\(key.value)' in \(what()); a text is a string or a mapping of en/zh to strings"
                            + Suggestions.hint(for: key.value, in: Language.allCases.map(\.rawValue)),
                        at: key.location)
                    continue
                }
                if let string = scalar(value, what: "the '\(key.value)' text of \(what())") {
                    translations[language] = string.value
                }
            }
            return translations.isEmpty ? nil : Text(translations: translations)
        default:
            diagnostics.error("expected a text for \(what()), found \(kind(node))", at: location(node))
            return nil
        }
    }

    private mutating func bool(_ node: Node, what: @autoclosure () -> String) -> Bool? {
        if case .scalar(let scalar) = node, scalar.style == .plain, let flag = Bool.yamlBool(scalar.string) {
            return flag
        }
        diagnostics.error("expected true or false for \(what()), found \(kind(node))", at: location(node))
        return nil
    }

    mutating func scalar(_ node: Node, what: @autoclosure () -> String) -> Located<String>? {
        guard case .scalar(let scalar) = node else {
            diagnostics.error("expected a string for \(what()), found \(kind(node))", at: location(node))
            return nil
        }
        return Located(value: scalar.string, location: location(node))
    }

    /// The entries of a mapping node, keys as located strings; reports anything that is not.
    mutating func mapping(_ node: Node, what: @autoclosure () -> String) -> [(Located<String>, Node)]? {
        guard case .mapping(let mapping) = node else {
            if case .scalar(let scalar) = node, scalar.string.isEmpty, scalar.style == .plain {
                return []  // `key:` with nothing after it: an empty mapping
            }
            diagnostics.error("expected a mapping for \(what()), found \(kind(node))", at: location(node))
            return nil
        }
        var entries: [(Located<String>, Node)] = []
        entries.reserveCapacity(mapping.count)
        // By index: iterating a Yams mapping copies all of its pairs into a new array first.
        for index in mapping.indices {
            let (key, value) = mapping[index]
            guard case .scalar(let scalar) = key else {
                diagnostics.error("expected a string key in \(what()), found \(kind(key))", at: location(key))
                continue
            }
            entries.append((Located(value: scalar.string, location: location(key)), value))
        }
        return entries
    }

    private mutating func unknownKey(_ key: Located<String>, allowed: [String], in what: @autoclosure () -> String) {
        diagnostics.error(
            "unknown key '\(key.value)' in \(what())" + Suggestions.hint(for: key.value, in: allowed),
            at: key.location)
    }

    func kind(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "the scalar '\(scalar.string.prefix(40))'"
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .alias: return "an alias"
        }
    }
}

extension Bool {
    /// YAML's booleans: `true`/`false` in any case; the YAML 1.1 words (`yes`, `on`) are not accepted.
    static func yamlBool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }
}
