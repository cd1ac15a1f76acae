import Foundation

/// `swift-contract-tests.mustache`: one test per endpoint, calling it against the loopback server with
/// the request its examples build; the server checks what arrives and answers with the example response.
struct ContractTestsFileContext: TemplateContext {
    let header: [String]
    /// The client's module, such as `GenAuthAuthentication`.
    let module: String
    /// The client's type, such as `AuthenticationClient`.
    let client: String
    let contracts: [ContractContext]
    /// The contracts of deprecated endpoints (see `deprecatedCallType`).
    let deprecatedContracts: [ContractContext]
}

struct ContractContext: TemplateContext {
    let notFirst: Bool
    let methodName: String
    let testName: String
    /// `POST /api/v3/send-sms`, for the doc comment.
    let summary: String
    /// The `EndpointContract(…)` arguments, as Swift string literals (or `nil`).
    let methodLiteral: String
    let pathLiteral: String
    let queryLiteral: String
    let bodyLiteral: String
    /// `json`, `form` or `none`.
    let encoding: String
    let responseLiteral: String
    /// The call's lines, indented for the test's closure.
    let callLines: [String]
    /// The call's lines, indented for a method body (the deprecated call types).
    let memberCallLines: [String]
    /// Set for a deprecated endpoint: the call is made in a deprecated method of this type, reached through
    /// the `DeprecatedEndpointCall` protocol, so that calling it raises no deprecation warning.
    let deprecatedCallType: String?
}

enum ContractTests {
    /// - Parameter calls: each endpoint's example call, by ``ExampleCall/key(_:)``.
    static func file(api: API, calls: [String: ExampleCall], specsFolder: String) -> ContractTestsFileContext {
        let endpoints = api.files.flatMap(\.endpoints)
        let contracts = endpoints.enumerated().map { index, endpoint in
            contract(endpoint, call: calls[ExampleCall.key(endpoint)] ?? ExampleCall(endpoint, api: api), api: api, notFirst: index > 0)
        }
        return ContractTestsFileContext(
            header: [
                "\(OutputNaming.swiftMarker) from the endpoints of \(specsFolder)/.",
                "// Do not edit: change the spec and run `swift run genauth-codegen generate`.",
            ],
            module: api.client.moduleName, client: api.client.rawValue,
            contracts: contracts, deprecatedContracts: contracts.filter { $0.deprecatedCallType != nil })
    }

    static func contract(_ endpoint: Endpoint, call: ExampleCall, api: API, notFirst: Bool) -> ContractContext {
        let response = Examples.complete(endpoint.response, api: api)
        let lines = SampleCode.callLines("_ = try await client.\(endpoint.name)", arguments: call.arguments)
            .flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let indented = { (spaces: Int) in lines.map { $0.isEmpty ? "" : String(repeating: " ", count: spaces) + $0 } }
        return ContractContext(
            notFirst: notFirst,
            methodName: endpoint.name,
            testName: endpoint.name,
            summary: Escaping.commentSafe("\(endpoint.method.rawValue) \(endpoint.path)"),
            methodLiteral: Escaping.swiftStringLiteral(endpoint.method.rawValue),
            pathLiteral: Escaping.swiftStringLiteral(call.path),
            queryLiteral: call.query.map(Escaping.swiftStringLiteral) ?? "nil",
            bodyLiteral: call.body.map { Escaping.swiftStringLiteral(Examples.compactJSON($0)) } ?? "nil",
            encoding: endpoint.request == nil ? "none" : endpoint.encoding.rawValue,
            responseLiteral: Escaping.swiftStringLiteral(Examples.compactJSON(response)),
            callLines: indented(12),
            memberCallLines: indented(8),
            deprecatedCallType: endpoint.deprecated == nil ? nil : (Naming.upperCamelCase(endpoint.name) ?? endpoint.name) + "Call")
    }
}
