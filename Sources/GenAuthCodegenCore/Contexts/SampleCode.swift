import Foundation

/// The Swift sample of a doc page, built from the examples. It is compiled by the tests (`DocSamples.swift`).
struct SampleCode {
    /// The whole sample, `import` lines included.
    var code: String
    /// The modules it imports.
    var imports: [String]
    /// The sample without its `import` lines, as the body of a function.
    var body: [String]

    static func build(for endpoint: Endpoint, api: API, language: Language) -> SampleCode {
        var usesFoundation = false
        var body: [String] = []
        let client = endpoint.client.rawValue
        switch language {
        case .en: body.append("// Replace with your application's ID, secret and address (GenAuth console → Applications).")
        case .zh: body.append("// 替换为你的应用 ID、应用密钥和应用地址（GenAuth 控制台 → 应用）。")
        }
        body += [
            "let client = \(client)(options: \(client)Options(",
            "    appId: \"GENAUTH_APP_ID\",",
            "    appSecret: \"GENAUTH_APP_SECRET\",",
            "    appHost: \"https://YOUR_APP.genauth.ai\"",
            "))",
        ]
        if endpoint.auth == .accessToken {
            switch language {
            case .en: body.append("// The user's access token, as returned by a sign-in.")
            case .zh: body.append("// 用户的 access token，登录后获得。")
            }
            body.append("client.setAccessToken(\"USER_ACCESS_TOKEN\")")
        }
        body.append("")

        var arguments: [String] = []
        if let request = endpoint.request {
            arguments.append(objectExpression(request, api: api, usesFoundation: &usesFoundation, multiline: true))
        }
        for property in endpoint.pathParams + endpoint.query where property.required || property.example != nil {
            let value = argument(for: property, api: api, usesFoundation: &usesFoundation)
            arguments.append("\(property.swiftName): \(value)")
        }
        let call = "try await client.\(endpoint.name)"
        if arguments.isEmpty {
            body.append("let response = \(call)()")
        } else if arguments.count == 1 {
            body.append("let response = \(call)(\(arguments[0]))")
        } else {
            body.append("let response = \(call)(")
            let indented = arguments.map { $0.replacingOccurrences(of: "\n", with: "\n    ") }
            body += indented.enumerated().map { "    " + $1 + ($0 == indented.count - 1 ? "" : ",") }
            body.append(")")
        }
        body.append("print(response)")
        body = body.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

        let imports = (usesFoundation ? ["Foundation"] : []) + ["GenAuth"]
        let code = (imports.map { "import \($0)" } + [""] + body).joined(separator: "\n") + "\n"
        return SampleCode(code: code, imports: imports, body: body)
    }

    /// `SendSMSDto(…)` with the required properties and those that have an example.
    private static func objectExpression(_ typeName: String, api: API, usesFoundation: inout Bool, multiline: Bool, depth: Int = 0) -> String {
        let properties = api.types[typeName]?.properties ?? []
        let arguments = properties.filter { $0.required || $0.example != nil }.map { property in
            "\(property.swiftName): \(argument(for: property, api: api, usesFoundation: &usesFoundation, depth: depth + 1))"
        }
        if arguments.isEmpty { return "\(typeName)()" }
        if multiline {
            return "\(typeName)(\n" + arguments.map { "    " + $0 }.joined(separator: ",\n") + "\n)"
        }
        return "\(typeName)(" + arguments.joined(separator: ", ") + ")"
    }

    private static func argument(for property: Property, api: API, usesFoundation: inout Bool, depth: Int = 0) -> String {
        if SwiftSyntax.usesFoundation(property.type) { usesFoundation = true }
        if let example = property.example,
           let literal = SwiftSyntax.literal(example, as: property.type, inlineEnum: property.inlineEnum, api: api) {
            return literal
        }
        return placeholder(property.type, key: property.key, inlineEnum: property.inlineEnum, api: api, usesFoundation: &usesFoundation, depth: depth)
    }

    /// A value of the right type where the spec gives no example.
    private static func placeholder(
        _ type: TypeRef, key: String, inlineEnum: EnumDecl?, api: API, usesFoundation: inout Bool, depth: Int
    ) -> String {
        switch type {
        case .string: return Escaping.swiftStringLiteral(key)
        case .integer: return "0"
        case .number: return "0.0"
        case .boolean: return "false"
        case .dateTime:
            usesFoundation = true
            return "Date()"
        case .json: return "[:]"
        case .inlineEnum(let qualified):
            return inlineEnum?.cases.first.map { SwiftSyntax.enumLiteral($0.rawValue, cases: [$0], typeName: qualified) }
                ?? ".init(rawValue: \"\")"
        case .named(let name):
            switch api.types[name]?.kind {
            case .enumeration(let decl)?:
                return decl.cases.first.map { SwiftSyntax.enumLiteral($0.rawValue, cases: [$0], typeName: name) }
                    ?? ".init(rawValue: \"\")"
            case .object?:
                guard depth < 8 else { return "\(name)()" }
                return objectExpression(name, api: api, usesFoundation: &usesFoundation, multiline: false, depth: depth)
            case nil:
                return "nil"
            }
        case .array: return "[]"
        case .map: return "[:]"
        }
    }
}
