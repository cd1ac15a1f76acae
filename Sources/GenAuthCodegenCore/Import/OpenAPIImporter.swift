import Foundation
import Yams

/// Reads the document. Everything it cannot express is reported with its JSON pointer.
struct OpenAPIImporter {
    struct SpecFileDraft {
        var path: String
        var node: Node
    }

    let root: Node
    let file: String
    let settings: ImportSettings
    let client: String
    var diagnostics = DiagnosticCollector()
    private(set) var operationCount = 0
    private(set) var hidden: [String] = []
    private(set) var deprecated: [String] = []
    var schemas: [String: Node] = [:]
    var reportedSchemes = Set<String>()
    /// The names of the `number` properties and parameters met, to check `integers` and `fractional` against.
    var usedNumberNames = Set<String>()
    /// Where each endpoint, type, property and parameter of the spec files comes from in the document.
    var trace: [String: Pointer] = [:]
    var usedOperationIds = Set<String>()
    var typeReferences: [String: [String]] = [:]

    init(root: Node, file: String, settings: ImportSettings, client: String) {
        self.root = root
        self.file = file
        self.settings = settings
        self.client = client
        for (name, schema, _) in YAMLTree.pairs(YAMLTree.value(YAMLTree.value(root, "components"), "schemas")) {
            schemas[name] = schema
        }
    }

    func location(_ node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }

    mutating func warn(_ pointer: Pointer, _ message: String, at node: Node?) {
        diagnostics.warning("\(pointer): \(message)", at: location(node))
    }

    // MARK: - Operations

    struct Operation {
        var name: String
        var group: String
        var node: Node
        var types: [String]
    }

    mutating func importSpecs() -> [SpecFileDraft] {
        if YAMLTree.value(root, "openapi")?.string?.hasPrefix("3.") != true {
            diagnostics.error("not an OpenAPI 3 document: 'openapi: 3.x' is missing", at: location(root))
            return []
        }
        checkDescriptions()
        let definedSchemes = Set(YAMLTree.pairs(YAMLTree.value(YAMLTree.value(root, "components"), "securitySchemes")).map(\.key))
        var operations: [Operation] = []
        var names: [String: Pointer] = [:]
        for (path, item, _) in YAMLTree.pairs(YAMLTree.value(root, "paths")) {
            for (method, operation, _) in YAMLTree.pairs(item) {
                let pointer = Pointer(["paths", path, method])
                guard ["get", "post", "put", "patch", "delete"].contains(method) else {
                    if method != "parameters" { warn(pointer, "HTTP method '\(method)' is not supported; skipped", at: operation) }
                    continue
                }
                let operationId = YAMLTree.value(operation, "operationId")?.string ?? ""
                let label = "\(method.uppercased()) \(path) (\(operationId))"
                if YAMLTree.value(operation, "x-authing-hidden-from-sdk")?.bool == true {
                    hidden.append(label)
                    continue
                }
                let explicit = settings.operationNames[operationId]
                guard var name = explicit?.value ?? Self.methodName(operationId) else {
                    warn(pointer, "operation has no usable operationId; skipped", at: operation)
                    continue
                }
                if let previous = names[name] {
                    // GenAuth's SDKs keep the first and drop the others; here each keeps a name of its own.
                    let alternative = name + Self.controllerStem(operationId)
                    guard explicit == nil, names[alternative] == nil, alternative != name else {
                        warn(pointer, "operationId '\(operationId)' gives the method name '\(name)', already taken by \(previous); skipped (name it in import.yaml's 'operations')", at: operation)
                        continue
                    }
                    warn(pointer, "operationId '\(operationId)' gives the method name '\(name)', already taken by \(previous); this one is named '\(alternative)' (name it otherwise in import.yaml's 'operations')", at: operation)
                    name = alternative
                }
                usedOperationIds.insert(operationId)
                guard let converted = convertOperation(operation, name: name, path: path, method: method, pointer: pointer, schemes: definedSchemes) else {
                    continue
                }
                names[name] = pointer
                if YAMLTree.value(operation, "deprecated")?.bool == true { deprecated.append(label) }
                let tags = YAMLTree.value(operation, "tags").map { $0.array().compactMap(\.string) } ?? []
                let group = tags.first.map { String($0.split(separator: "/").first ?? "") } ?? "其他"
                operations.append(Operation(name: name, group: group, node: converted.node, types: converted.types))
            }
        }
        operationCount = operations.count
        var drafts = files(for: operations)
        if let tag = settings.errorCodesTag, let catalogue = errorCodesFile(tag: tag) { drafts.append(catalogue) }
        for (key, names) in [("integers", settings.integers), ("fractional", settings.fractional)] {
            for (name, location) in names.sorted(by: { $0.key < $1.key }) where !usedNumberNames.contains(name) {
                diagnostics.error("'\(key)' names '\(name)', which no imported property of type number has", at: location)
            }
        }
        for (operationId, name) in settings.operationNames.sorted(by: { $0.key < $1.key }) where !usedOperationIds.contains(operationId) {
            diagnostics.error("'operations' names the operationId '\(operationId)', which the document has no visible operation of", at: name.location)
        }
        for (schema, name) in settings.typeNames.sorted(by: { $0.key < $1.key }) where schemas[schema] == nil {
            diagnostics.error("'types' renames the schema '\(schema)', which the document does not have", at: name.location)
        }
        return drafts
    }

    /// `TerminalManagementController_deleteDevice` → `TerminalManagement`: what tells apart two operations whose
    /// method names collide.
    static func controllerStem(_ operationId: String) -> String {
        var controller = String(operationId.split(separator: "_").first ?? "")
        if let range = controller.range(of: #"(V\d+)?Controller$"#, options: .regularExpression) { controller.removeSubrange(range) }
        return Naming.upperCamelCase(controller) ?? controller
    }

    /// The Swift name of a schema: as in the document, or as `import.yaml` renames it.
    func swiftTypeName(_ schema: String) -> String {
        settings.typeNames[schema]?.value ?? schema
    }

    /// `MessageV3Controller_sendSms` → `sendSms`; `SignInV3Controller_geneQRCode` → `geneQrCode` (GenAuth's rule).
    static func methodName(_ operationId: String) -> String? {
        let part = operationId.split(separator: "_", maxSplits: 1).last.map(String.init) ?? operationId
        return Naming.lowerCamelCase(part)
    }

    mutating func convertOperation(
        _ operation: Node, name: String, path: String, method: String, pointer: Pointer, schemes: Set<String>
    ) -> (node: Node, types: [String])? {
        var entries: [(String, Node)] = []
        var types: [String] = []
        trace[TraceKey.endpoint(name)] = pointer
        if let summary = YAMLTree.value(operation, "summary")?.string, !summary.isEmpty {
            entries.append(("summary", YAMLTree.text([(.zh, Self.clean(summary))])))
        } else {
            entries.append(("summary", YAMLTree.text([(.zh, name)])))
            warn(pointer, "operation has no summary; the method name is used", at: operation)
        }
        if let description = YAMLTree.value(operation, "description")?.string, !Self.clean(description).isEmpty {
            entries.append(("description", YAMLTree.text([(.zh, Self.clean(description))])))
        }
        entries.append(("method", YAMLTree.string(method.uppercased())))
        entries.append(("path", YAMLTree.string(path)))
        entries.append(("auth", YAMLTree.string(auth(operation, pointer: pointer.appending("security"), schemes: schemes))))
        if YAMLTree.value(operation, "deprecated")?.bool == true { entries.append(("deprecated", YAMLTree.bool(true))) }

        var pathParams: [(String, Node)] = []
        var query: [(String, Node)] = []
        for (index, parameter) in (YAMLTree.value(operation, "parameters")?.array() ?? []).enumerated() {
            let parameterPointer = pointer.appending("parameters", String(index))
            var parameter = parameter
            if let reference = YAMLTree.value(parameter, "$ref")?.string {
                guard let resolved = resolveParameter(reference) else {
                    warn(parameterPointer, "cannot resolve '\(reference)'; parameter skipped", at: parameter)
                    continue
                }
                parameter = resolved
            }
            guard let parameterName = YAMLTree.value(parameter, "name")?.string else { continue }
            trace[TraceKey.parameter(name, parameterName)] = parameterPointer
            let location = YAMLTree.value(parameter, "in")?.string ?? ""
            guard location == "query" || location == "path" else {
                warn(parameterPointer, "'\(location)' parameters are not supported; '\(parameterName)' skipped", at: parameter)
                continue
            }
            let required = location == "path" || YAMLTree.value(parameter, "required")?.bool == true
            let context = ValueContext(parameter: parameter, inURL: true)
            var property = convertSchema(
                YAMLTree.value(parameter, "schema"), pointer: parameterPointer.appending("schema"), propertyName: parameterName,
                types: &types, context: context)
            if location == "query", required {
                property.insert(("required", YAMLTree.bool(true)), at: min(1, property.count))
            }
            if let description = YAMLTree.value(parameter, "description")?.string, !Self.clean(description).isEmpty,
               !property.contains(where: { $0.0 == "description" }) {
                property = insertDescription(property, Self.clean(description), enumValues: YAMLTree.value(YAMLTree.value(parameter, "schema"), "enum"))
            }
            if let example = YAMLTree.value(parameter, "example"), !property.contains(where: { $0.0 == "example" }) {
                let examplePointer = parameterPointer.appending("example")
                if let value = exampleValue(example, schema: YAMLTree.value(parameter, "schema"), pointer: examplePointer, propertyName: parameterName),
                   let kept = keptExample(value, schema: YAMLTree.value(parameter, "schema"), context: context, pointer: examplePointer, at: example) {
                    property.append(("example", kept))
                }
            }
            (location == "path" ? { pathParams.append((parameterName, YAMLTree.mapping(property))) } : { query.append((parameterName, YAMLTree.mapping(property))) })()
        }
        if !pathParams.isEmpty { entries.append(("pathParams", YAMLTree.mapping(pathParams))) }
        if !query.isEmpty { entries.append(("query", YAMLTree.mapping(query))) }

        if let body = YAMLTree.value(operation, "requestBody") {
            let bodyPointer = pointer.appending("requestBody", "content")
            let content = YAMLTree.pairs(YAMLTree.value(body, "content"))
            if let json = content.first(where: { $0.key == "application/json" }) {
                if let type = referencedType(YAMLTree.value(json.value, "schema"), pointer: bodyPointer.appending("application/json", "schema")) {
                    entries.append(("request", YAMLTree.string(swiftTypeName(type))))
                    types.append(type)
                }
            } else if let form = content.first(where: { $0.key == "application/x-www-form-urlencoded" }) {
                if let type = referencedType(YAMLTree.value(form.value, "schema"), pointer: bodyPointer.appending("application/x-www-form-urlencoded", "schema")) {
                    entries.append(("request", YAMLTree.string(swiftTypeName(type))))
                    entries.append(("encoding", YAMLTree.string("form")))
                    types.append(type)
                }
            } else {
                warn(bodyPointer, "request bodies of type \(content.map(\.key).joined(separator: ", ")) are not supported; body skipped", at: body)
            }
        }

        let responses = YAMLTree.pairs(YAMLTree.value(operation, "responses"))
        guard let response = responses.first(where: { $0.key == "200" }) ?? responses.first(where: { $0.key == "201" })
            ?? responses.first(where: { $0.key == "default" })
        else {
            warn(pointer.appending("responses"), "no 200, 201 or default response (\(responses.map(\.key).joined(separator: ", "))); operation skipped", at: operation)
            return nil
        }
        let responsePointer = pointer.appending("responses", response.key)
        if response.key == "default" {
            warn(responsePointer, "no 200 or 201 response; the default response's schema is used", at: response.keyNode)
        }
        guard let schema = YAMLTree.value(YAMLTree.value(YAMLTree.value(response.value, "content"), "application/json"), "schema"),
              let type = referencedType(schema, pointer: responsePointer.appending("content", "application/json", "schema"))
        else {
            warn(responsePointer, "the response has no application/json schema reference; operation skipped", at: response.keyNode)
            return nil
        }
        entries.append(("response", YAMLTree.string(swiftTypeName(type))))
        types.append(type)
        return (YAMLTree.mapping(entries), types)
    }

    mutating func auth(_ operation: Node, pointer: Pointer, schemes: Set<String>) -> String {
        guard case .sequence(let requirements)? = YAMLTree.value(operation, "security") else { return "none" }
        var names: [String] = []
        for (index, requirement) in requirements.enumerated() {
            for (scheme, _, keyNode) in YAMLTree.pairs(requirement) {
                names.append(scheme)
                if !schemes.contains(scheme), reportedSchemes.insert(scheme).inserted {
                    warn(pointer.appending(String(index), scheme),
                         "security scheme '\(scheme)' is not defined in components.securitySchemes; ignored", at: keyNode)
                }
            }
        }
        if ClientName(rawValue: client) == .managementClient {
            // The management client authenticates every call with its access key, whatever the scheme's name.
            return names.isEmpty ? "none" : "accessKey"
        }
        if names.contains("bearer") { return "accessToken" }
        if names.contains("x-authing-app-id") { return "appId" }
        return "none"
    }

    func resolveParameter(_ reference: String) -> Node? {
        let prefix = "#/components/parameters/"
        guard reference.hasPrefix(prefix) else { return nil }
        return YAMLTree.value(YAMLTree.value(YAMLTree.value(root, "components"), "parameters"), String(reference.dropFirst(prefix.count)))
    }

    /// The schema name of a `$ref` (or `allOf: [{$ref}]`) to an object schema.
    mutating func referencedType(_ schema: Node?, pointer: Pointer) -> String? {
        var schema = schema
        if let allOf = YAMLTree.value(schema, "allOf")?.array(), allOf.count == 1 { schema = allOf[0] }
        guard let reference = YAMLTree.value(schema, "$ref")?.string else {
            warn(pointer, "inline schemas are not supported here; a $ref to a components schema is", at: schema)
            return nil
        }
        let prefix = "#/components/schemas/"
        guard reference.hasPrefix(prefix), schemas[String(reference.dropFirst(prefix.count))] != nil else {
            warn(pointer, "cannot resolve '\(reference)'", at: schema)
            return nil
        }
        return String(reference.dropFirst(prefix.count))
    }
}

/// The keys of ``OpenAPIImporter/trace``: an element of the spec files, named as they name it.
enum TraceKey {
    static func type(_ name: String) -> String { "types/\(name)" }
    static func property(_ type: String, _ key: String) -> String { "types/\(type)/\(key)" }
    static func endpoint(_ name: String) -> String { "endpoints/\(name)" }
    static func parameter(_ endpoint: String, _ key: String) -> String { "endpoints/\(endpoint)/\(key)" }
}

/// A JSON pointer into the document, printed as `#/paths/~1api~1v3~1send-sms/post`.
struct Pointer: CustomStringConvertible {
    var tokens: [String]

    init(_ tokens: [String]) {
        self.tokens = tokens
    }

    func appending(_ more: String...) -> Pointer {
        Pointer(tokens + more)
    }

    var description: String {
        "#/" + tokens.map { $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined(separator: "/")
    }
}
