import Foundation

// The contexts of the Swift templates. Every key a template may use is a stored property here, and
// every context level defines all the keys its section uses (Mustache would otherwise find a parent's).
// Strings are final Swift: names escaped, literals quoted, doc comments split into `///` lines.

/// `swift-model.mustache`: the types of one spec file (or part of them), in `<Group>/<Group>.swift` beside the methods.
struct SwiftModelFileContext: TemplateContext {
    /// `//` lines saying the file is generated, and from which spec.
    let header: [String]
    /// Modules to import besides none (`Foundation` when a `Date` is used; the runtime and the client's home module in
    /// its other modules).
    let imports: [String]
    /// Whether there is any: a blank line then separates them from the header.
    let hasImports: Bool
    let models: [ModelContext]
}

/// One type of a models file: an object or an enum.
struct ModelContext: TemplateContext {
    /// Set for an object type.
    var object: ObjectContext?
    /// Set for an enum type.
    let enumeration: EnumContext?
}

struct ObjectContext: TemplateContext {
    let typeName: String
    let typeDoc: [String]
    /// An object without declared properties: it keeps every field the server sends, as JSON.
    let isFreeForm: Bool
    let properties: [PropertyContext]
    /// Whether the fields the spec does not list are kept, in `additionalProperties`.
    let keepsAdditionalProperties: Bool
    let initDoc: [String]
    /// One line: `init(a: A, b: B? = nil)`; else one parameter per line.
    let singleLineInit: Bool
    let initParameters: [ParameterContext]
    /// The statements of `init(from:)` after the container: `self.a = try container.decode(forKey: "a")`.
    let decodeLines: [String]
    /// The statements of `encode(to:)` after the container: `try container.encode(self.a, forKey: "a")`.
    let encodeLines: [String]
    /// Inline enums, declared in an extension of the type (each rendered with the `swift-enum` partial).
    let nestedEnums: [EnumContext]
    let hasNestedEnums: Bool
    /// Inline unions (`oneOf`), declared in an extension of the type (the `swift-union` partial).
    let nestedUnions: [UnionContext]
    let hasNestedUnions: Bool
}

/// `swift-union.mustache` (a partial): an enum with one case per alternative, decoded by the JSON kind of the
/// value.
struct UnionContext: TemplateContext {
    var notFirst = false
    let unionName: String
    let unionDoc: [String]
    let alternatives: [AlternativeContext]
    /// "an object, a string or an array", for the error of a value of none of these kinds.
    let kindsText: String
}

struct AlternativeContext: TemplateContext {
    let caseDoc: [String]
    /// Escaped.
    let caseName: String
    /// The payload's Swift type.
    let payloadType: String
    /// The `JSONValue` cases of this alternative's kind: `.object`, `.integer, .number`, …
    let jsonPattern: String
}

struct PropertyContext: TemplateContext {
    let propertyDoc: [String]
    /// The Swift name, escaped.
    let name: String
    /// The stored property's name: `name`, or `_name` behind a deprecated accessor.
    let storageName: String
    let type: String
    /// `@available(*, deprecated, …)` for a deprecated property.
    let availability: String?
}

struct ParameterContext: TemplateContext {
    /// `channel: Channel`, `phoneCountryCode: String? = nil`
    let declaration: String
    /// `self.channel = channel`
    let assignment: String
    /// What follows the declaration: `, `, `,` or nothing after the last.
    let separator: String
}

/// `swift-enum.mustache` (a partial): one string enum.
struct EnumContext: TemplateContext {
    /// In a list of enums, every enum but the first is preceded by a blank line.
    var notFirst = false
    let enumName: String
    let enumDoc: [String]
    let cases: [EnumCaseContext]
}

struct EnumCaseContext: TemplateContext {
    let caseDoc: [String]
    /// Escaped, for declarations and `.name` references.
    let caseName: String
    let rawLiteral: String
}

/// `swift-exports.mustache`: the module apps import for a client whose code is in several modules.
struct SwiftExportsFileContext: TemplateContext {
    let header: [String]
    /// The module itself (`GenAuthManagement`).
    let product: String
    /// The modules it re-exports: the client's home module first.
    let modules: [String]
}

/// `swift-client.mustache`: the endpoints of one spec file, as an extension of their client.
struct SwiftClientFileContext: TemplateContext {
    let header: [String]
    let imports: [String]
    let hasImports: Bool
    let client: String
    let methods: [MethodContext]
    /// Inline enums of query and path parameters, nested in the client.
    let parameterEnums: [EnumContext]
}

struct MethodContext: TemplateContext {
    /// Every method but the first is preceded by a blank line.
    let notFirst: Bool
    let methodDoc: [String]
    let availability: String?
    let methodName: String
    let singleLineSignature: Bool
    let parameters: [ParameterContext]
    let returnType: String
    /// The method's name as a Swift string literal, for the errors of the call (`"sendSms"`).
    let operationName: String
    let httpMethod: String
    /// A Swift string literal; path parameters are interpolated through `pathSegment(_:)`.
    let pathExpression: String
    let queryItems: [QueryItemContext]
    let hasQuery: Bool
    /// `.json(request)` or `.form(request)`; nil without a body.
    let bodyExpression: String?
    /// The lines of the `<name>Items` companion of a paginated list (see ``Pagination``); empty for others.
    let paginator: [String]
    let hasPaginator: Bool
}

struct QueryItemContext: TemplateContext {
    let queryName: String
    let queryValue: String
}

enum SwiftContexts {
    static let lineLimit = 110

    static func header(for specPath: String, specsFolder: String) -> [String] {
        [
            "\(OutputNaming.swiftMarker) from \(specsFolder)/\(specPath).",
            "// Do not edit: change the spec and run `swift run genauth-codegen generate`.",
        ]
    }

    // MARK: - Models

    /// The types of one models file (see ``OutputNaming/modelFiles(of:)``).
    static func modelFile(
        _ types: [TypeDecl], specPath: String, specsFolder: String, moduleImports: [String] = []
    ) -> SwiftModelFileContext {
        let usesDate = types.contains { $0.properties.contains { SwiftSyntax.usesFoundation($0.type) } }
        let imports = (usesDate ? ["Foundation"] : []) + moduleImports
        return SwiftModelFileContext(
            header: header(for: specPath, specsFolder: specsFolder), imports: imports, hasImports: !imports.isEmpty,
            models: types.map { type in
                switch type.kind {
                case .enumeration(let decl): return ModelContext(object: nil, enumeration: enumContext(decl))
                case .object(let properties): return ModelContext(object: objectContext(type, properties: properties), enumeration: nil)
                }
            })
    }

    static func objectContext(_ type: TypeDecl, properties: [Property]) -> ObjectContext {
        let owner = type.name
        var typeDoc = docLines(type.description, fallback: "\(type.name).")
        if let original = type.originalName {
            typeDoc += ["///", "/// GenAuth's API document calls this type `\(Escaping.commentSafe(original))`."]
        }

        let propertyContexts = properties.map { property -> PropertyContext in
            let optional = property.required ? "" : "?"
            let name = Naming.escaped(property.swiftName)
            return PropertyContext(
                propertyDoc: propertyDocLines(property),
                name: name,
                storageName: property.deprecated == nil ? name : "_\(property.swiftName)",
                type: SwiftSyntax.typeName(property.type, owner: owner) + optional,
                availability: property.deprecated.map { availability($0) })
        }

        let keeps = type.keepsAdditionalProperties
        var declarations = properties.map { property in
            let type = SwiftSyntax.typeName(property.type, owner: owner)
            return "\(Naming.parameter(property.swiftName).declaration): \(type)\(property.required ? "" : "? = nil")"
        }
        if keeps { declarations.append("additionalProperties: [String: JSONValue] = [:]") }
        let singleLine = ("    public init(" + declarations.joined(separator: ", ") + ") {").count <= lineLimit
        var assignments = properties.map { property in
            let storage = property.deprecated == nil ? Naming.escaped(property.swiftName) : "_\(property.swiftName)"
            return "self.\(storage) = \(Naming.parameter(property.swiftName).use)"
        }
        if keeps { assignments.append("self.additionalProperties = additionalProperties") }
        let initParameters = zip(assignments, declarations).enumerated().map { index, pair in
            ParameterContext(
                declaration: pair.1, assignment: pair.0,
                separator: index == declarations.count - 1 ? "" : (singleLine ? ", " : ","))
        }
        var initDoc = ["    /// Creates a `\(type.name)`."]
        if !properties.isEmpty {
            initDoc += ["    ///", "    /// - Parameters:"]
            initDoc += properties.map { "    ///   - \($0.swiftName): \(parameterSummary($0.description, fallback: "The `\($0.key)` field."))" }
            if keeps { initDoc.append("    ///   - additionalProperties: Fields beyond the ones above, sent as they are.") }
        }

        // Explicit coding through GenAuthCore's model containers, one call per field with the type taken from the
        // property: no `CodingKeys` enum, with its conformances, per type, and no key or metatype built at each call.
        var decodeLines: [String] = []
        var encodeLines: [String] = []
        for property in properties {
            let storage = property.deprecated == nil ? Naming.escaped(property.swiftName) : "_\(property.swiftName)"
            let key = Escaping.swiftStringLiteral(property.key)
            let (decode, encode) = property.required ? ("decode", "encode") : ("decodeIfPresent", "encodeIfPresent")
            decodeLines.append("self.\(storage) = try container.\(decode)(forKey: \(key))")
            encodeLines.append("try container.\(encode)(self.\(storage), forKey: \(key))")
        }
        if keeps {
            let keys = properties.map { Escaping.swiftStringLiteral($0.key) }
            let oneLine = "self.additionalProperties = try container.additionalProperties(excluding: [\(keys.joined(separator: ", "))])"
            if oneLine.count + 8 <= lineLimit {
                decodeLines.append(oneLine)
            } else {
                decodeLines.append("self.additionalProperties = try container.additionalProperties(excluding: [")
                decodeLines += keys.map { "    \($0)," }
                decodeLines.append("])")
            }
            // First, so that a declared property wins over an extra field of the same key.
            encodeLines.insert("try container.encodeAdditionalProperties(self.additionalProperties)", at: 0)
        }

        let nested = properties.compactMap(\.inlineEnum).enumerated().map { enumContext($1, notFirst: $0 > 0) }
        let unions = properties.compactMap(\.inlineUnion).enumerated().map { unionContext($1, owner: owner, notFirst: $0 > 0) }
        return ObjectContext(
            typeName: type.name, typeDoc: typeDoc, isFreeForm: properties.isEmpty, properties: propertyContexts,
            keepsAdditionalProperties: keeps, initDoc: initDoc,
            singleLineInit: singleLine, initParameters: initParameters,
            decodeLines: decodeLines, encodeLines: encodeLines,
            nestedEnums: nested, hasNestedEnums: !nested.isEmpty,
            nestedUnions: unions, hasNestedUnions: !unions.isEmpty)
    }

    private static func propertyDocLines(_ property: Property) -> [String] {
        var lines = docLines(property.description, fallback: "The `\(property.key)` field.", indent: "    ")
        if property.key != property.swiftName { lines += ["    ///", "    /// JSON key: `\(Escaping.commentSafe(property.key))`."] }
        return lines
    }

    /// A description as doc comment lines (DocC Markdown), or the fallback where there is none.
    static func docLines(_ text: Text?, fallback: String, indent: String = "") -> [String] {
        let lines = MarkdownRendering.docComment(text?.resolved(.en) ?? "", indent: indent)
        return lines.isEmpty ? Escaping.docCommentLines(fallback, indent: indent) : lines
    }

    /// Not indented: where the enum is nested, the template indents the partial.
    static func enumContext(_ decl: EnumDecl, notFirst: Bool = false) -> EnumContext {
        EnumContext(
            notFirst: notFirst,
            enumName: decl.name,
            enumDoc: docLines(decl.description, fallback: "\(decl.name)."),
            cases: decl.cases.map { value in
                EnumCaseContext(
                    caseDoc: docLines(value.description, fallback: "`\(Escaping.commentSafe(value.rawValue))`", indent: "    "),
                    caseName: Naming.escaped(value.swiftName),
                    rawLiteral: Escaping.swiftStringLiteral(value.rawValue))
            })
    }

    /// Not indented: where the union is nested, the template indents the partial.
    static func unionContext(_ decl: UnionDecl, owner: String, notFirst: Bool = false) -> UnionContext {
        let kinds = decl.kinds.map { kind -> (article: String, kind: String, pattern: String) in
            switch kind {
            case "string": return ("a", "string", ".string")
            case "number": return ("a", "number", ".integer, .number")
            case "boolean": return ("a", "boolean", ".bool")
            case "array": return ("an", "array", ".array")
            default: return ("an", "object", ".object")
            }
        }
        let described = kinds.map { "\($0.article) \($0.kind)" }
        let kindsText = described.count > 1 ? described.dropLast().joined(separator: ", ") + " or " + described.last! : described.joined()
        return UnionContext(
            notFirst: notFirst,
            unionName: decl.name,
            unionDoc: docLines(decl.description, fallback: "\(decl.name).")
                + ["///", "/// One of several types, told apart by the kind of JSON value: \(kindsText)."],
            alternatives: zip(decl.cases, kinds).map { alternative, kind in
                AlternativeContext(
                    caseDoc: docLines(alternative.description, fallback: "`\(alternative.key)`", indent: "    "),
                    caseName: Naming.escaped(alternative.swiftName),
                    payloadType: SwiftSyntax.typeName(alternative.type, owner: owner),
                    jsonPattern: kind.pattern)
            },
            kindsText: kindsText)
    }

    // MARK: - Clients

    /// What the generated code of a module other than the client's home module imports: the runtime (the home module
    /// re-exports it to its own files) and the home module, with the client and the shared types.
    static func moduleImports(_ module: String, client: ClientName) -> [String] {
        module == client.homeModule ? [] : ["GenAuthCore", client.homeModule]
    }

    /// `swift-exports.mustache`: the product module of a client whose code is split into modules.
    static func exportsFile(_ modules: [String], client: ClientName, specsFolder: String) -> SwiftExportsFileContext {
        SwiftExportsFileContext(
            header: [
                "\(OutputNaming.swiftMarker) from the \(client.rawValue) files of \(specsFolder)/ (their `swiftModule`).",
                "// Do not edit: change the specs and run `swift run genauth-codegen generate`.",
            ],
            product: client.moduleName, modules: modules)
    }

    static func clientFile(
        _ file: SpecFile, client: ClientName, api: API, specsFolder: String, moduleImports: [String] = []
    ) -> SwiftClientFileContext {
        let methods = file.generatedEndpoints.enumerated().map { methodContext($1, api: api, notFirst: $0 > 0) }
        let parameterEnums = file.generatedEndpoints.flatMap { ($0.pathParams + $0.query).compactMap(\.inlineEnum) }
            .map { enumContext($0) }
        let usesDate = file.generatedEndpoints.contains { ($0.pathParams + $0.query).contains { SwiftSyntax.usesFoundation($0.type) } }
        let imports = (usesDate ? ["Foundation"] : []) + moduleImports
        return SwiftClientFileContext(
            header: header(for: file.path, specsFolder: specsFolder),
            imports: imports, hasImports: !imports.isEmpty,
            client: client.rawValue, methods: methods,
            parameterEnums: parameterEnums)
    }

    /// The argument labels of an endpoint's method, nil for the unlabelled body: `sendSms(_:)` has `[nil]`.
    static func parameterNames(_ endpoint: Endpoint) -> [String?] {
        (endpoint.request == nil ? [] : [nil]) + (endpoint.pathParams + endpoint.query).map { Optional($0.swiftName) }
    }

    static func methodContext(_ endpoint: Endpoint, api: API, notFirst: Bool) -> MethodContext {
        let owner = endpoint.client.rawValue
        var declarations: [String] = []
        var docParameters: [(String, String)] = []
        if let request = endpoint.request {
            declarations.append("_ request: \(request)")
            docParameters.append(("request", parameterSummary(api.types[request]?.description, fallback: "The request body.")))
        }
        for property in endpoint.pathParams + endpoint.query {
            let type = SwiftSyntax.typeName(property.type, owner: owner)
            let name = Naming.parameter(property.swiftName).declaration
            if property.required {
                declarations.append("\(name): \(type)")
            } else if let value = property.defaultValue,
                      let literal = SwiftSyntax.literal(value, as: property.type, inlineEnum: property.inlineEnum, api: api),
                      literal != "nil" {
                declarations.append("\(name): \(type) = \(literal)")
            } else {
                declarations.append("\(name): \(type)? = nil")
            }
            docParameters.append((property.swiftName, parameterSummary(property.description, fallback: "The `\(property.key)` parameter.")))
        }

        var doc = Escaping.docCommentLines(MarkdownRendering.docPlain(endpoint.summary.resolved(.en)), indent: "    ")
        let description = MarkdownRendering.docComment(endpoint.description?.resolved(.en) ?? "", indent: "    ")
        if !description.isEmpty {
            doc += ["    ///"] + description
        }
        if endpoint.auth == .accessToken {
            doc += ["    ///", "    /// Needs a user's access token: call ``\(owner)/setAccessToken(_:)`` first."]
        }
        doc.append("    ///")
        if docParameters.count == 1 {
            doc.append("    /// - Parameter \(docParameters[0].0): \(docParameters[0].1)")
        } else if !docParameters.isEmpty {
            doc.append("    /// - Parameters:")
            doc += docParameters.map { "    ///   - \($0.0): \($0.1)" }
        }
        doc.append("    /// - Returns: The decoded response, once GenAuth has reported success.")
        doc.append("    /// - Throws: ``/GenAuthCore/GenAuthError``: ``/GenAuthCore/GenAuthError/api(_:)`` with GenAuth's `statusCode`, `apiCode`, `message` and")
        doc.append("    ///   `requestId` when its answer reports a failure; otherwise when no response arrives, the HTTP status is not")
        doc.append("    ///   2xx, or the body does not decode.")

        let signature = "    public func \(endpoint.name)(" + declarations.joined(separator: ", ")
            + ") async throws(GenAuthError) -> \(endpoint.response) {"
        let singleLine = signature.count <= lineLimit
        let parameters = declarations.enumerated().map { index, declaration in
            ParameterContext(
                declaration: declaration, assignment: "",
                separator: index == declarations.count - 1 ? "" : (singleLine ? ", " : ","))
        }
        let availabilityLine = endpoint.deprecated.map { "    " + availability($0) }
        let paginator = Pagination.of(endpoint, api: api).map { pagination in
            pagination.companion(
                for: endpoint, declarations: declarations,
                parameterNames: parameterNames(endpoint),
                documentation: docParameters.map(\.1), availability: availabilityLine)
        } ?? []
        let queryItems = endpoint.query.map {
            QueryItemContext(queryName: Escaping.swiftStringLiteral($0.key), queryValue: Naming.parameter($0.swiftName).use)
        }
        return MethodContext(
            notFirst: notFirst,
            methodDoc: doc,
            availability: availabilityLine,
            methodName: endpoint.name,
            singleLineSignature: singleLine,
            parameters: parameters,
            returnType: endpoint.response,
            operationName: Escaping.swiftStringLiteral(endpoint.name),
            httpMethod: Escaping.swiftStringLiteral(endpoint.method.rawValue),
            pathExpression: pathExpression(endpoint),
            queryItems: queryItems, hasQuery: !queryItems.isEmpty,
            bodyExpression: endpoint.request.map { _ in endpoint.encoding == .form ? ".form(request)" : ".json(request)" },
            paginator: paginator, hasPaginator: !paginator.isEmpty)
    }

    /// `"/api/v3/users/\(pathSegment(userId))"`
    static func pathExpression(_ endpoint: Endpoint) -> String {
        var result = ""
        var rest = Substring(endpoint.path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += String(Escaping.swiftStringLiteral(String(rest[..<open])).dropFirst().dropLast())
            let key = String(rest[rest.index(after: open)..<close])
            let name = endpoint.pathParams.first { $0.key == key }.map { Naming.parameter($0.swiftName).use } ?? key
            result += "\\(pathSegment(\(name)))"
            rest = rest[rest.index(after: close)...]
        }
        result += String(Escaping.swiftStringLiteral(String(rest)).dropFirst().dropLast())
        return "\"\(result)\""
    }

    static func availability(_ deprecation: Deprecation) -> String {
        switch deprecation {
        case .deprecated: return "@available(*, deprecated)"
        case .replacedBy(let text):
            let message = Escaping.normalizedLines(text.resolved(.en)).joined(separator: " ")
            return "@available(*, deprecated, message: \(Escaping.swiftStringLiteral(message)))"
        }
    }

    /// The first paragraph of a description, on one line, for a `- Parameter` entry.
    static func parameterSummary(_ text: Text?, fallback: String) -> String {
        MarkdownRendering.docSummary(text?.resolved(.en) ?? "") ?? fallback
    }
}
