import Foundation

/// The Swift sample of a doc page, built from the examples. It is compiled by the tests
/// (`Tests/GenAuthTests/Generated/DocSamples.swift`).
struct SampleCode {
    /// The whole sample, `import` lines included.
    var code: String
    /// The modules it imports.
    var imports: [String]
    /// The sample without its `import` lines, as the body of a function.
    var body: [String]

    /// - Parameter pagination: The endpoint's pagination: the sample then goes through every item too.
    static func build(for endpoint: Endpoint, call: ExampleCall, language: Language, pagination: Pagination? = nil) -> SampleCode {
        var body: [String] = []
        let client = endpoint.client.rawValue
        switch endpoint.client {
        case .authenticationClient:
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
        case .managementClient:
            switch language {
            case .en: body.append("// Replace with your user pool's access key (GenAuth console → Settings → Access keys).")
            case .zh: body.append("// 替换为你的用户池的 Access Key（GenAuth 控制台 → 设置 → 密钥管理）。")
            }
            body += [
                "let client = \(client)(options: \(client)Options(",
                "    accessKeyId: \"GENAUTH_ACCESS_KEY_ID\",",
                "    accessKeySecret: \"GENAUTH_ACCESS_KEY_SECRET\"",
                "))",
            ]
        }
        body.append("")
        if let handwritten = endpoint.handwritten {
            body += handwritten.sample.trimmingCharacters(in: .whitespacesAndNewlines)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        } else {
            body += callLines("let response = try await client.\(endpoint.name)", arguments: call.arguments)
            body.append("print(response)")
            if let pagination {
                body += itemsLines(endpoint, call: call, pagination: pagination, language: language)
            }
        }
        body = body.flatMap { line in
            line.utf8.contains(UInt8(ascii: "\n")) ? line.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) : [line]
        }

        let usesFoundation = endpoint.handwritten.map { $0.sample.contains("URL") || $0.sample.contains("Date") } ?? call.usesFoundation
        let imports = (usesFoundation ? ["Foundation"] : []) + [endpoint.client.moduleName]
        let code = (imports.map { "import \($0)" } + [""] + body).joined(separator: "\n") + "\n"
        return SampleCode(code: code, imports: imports, body: body)
    }

    /// Every item of a paginated list through its `…Items` companion, the largest page size.
    static func itemsLines(_ endpoint: Endpoint, call: ExampleCall, pagination: Pagination, language: Language) -> [String] {
        let size = pagination.pageSize
        var arguments = call.arguments
        if case .body = pagination.location, let request = pagination.defaultRequest, !arguments.isEmpty {
            arguments[0] = request  // every item: no filter of the example's
        }
        arguments = pagination.itemsArguments(arguments, parameterNames: SwiftContexts.parameterNames(endpoint), size: size)
        var lines = [""]
        switch language {
        case .en: lines.append(pagination.limit == nil ? "// Every item, page after page:" : "// Every item, page after page, \(size) per page:")
        case .zh: lines.append(pagination.limit == nil ? "// 逐页获取，遍历全部数据：" : "// 逐页获取（每页 \(size) 条），遍历全部数据：")
        }
        let name = "client.\(endpoint.name)\(Pagination.companionSuffix)"
        let oneLine = "for try await item in \(name)(\(arguments.joined(separator: ", "))) {"
        if oneLine.count <= SwiftContexts.lineLimit, !arguments.contains(where: { $0.contains("\n") }) {
            return lines + [oneLine, "    print(item)", "}"]
        }
        let call = callLines(name, arguments: arguments)
        if call.count == 1 {
            lines.append("for try await item in \(call[0]) {")
        } else {
            lines.append("for try await item in \(call[0])")
            lines += call.dropFirst().dropLast()
            lines.append("\(call[call.count - 1]) {")
        }
        lines += ["    print(item)", "}"]
        return lines
    }

    /// `prefix(arguments)`: on one line with one argument, else one argument per line.
    static func callLines(_ prefix: String, arguments: [String]) -> [String] {
        if arguments.isEmpty { return ["\(prefix)()"] }
        if arguments.count == 1 { return ["\(prefix)(\(arguments[0]))"] }
        let indented = arguments.map { argument in
            argument.utf8.contains(UInt8(ascii: "\n"))
                ? argument.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ") : argument
        }
        return ["\(prefix)("] + indented.enumerated().map { "    " + $1 + ($0 == indented.count - 1 ? "" : ",") } + [")"]
    }
}
