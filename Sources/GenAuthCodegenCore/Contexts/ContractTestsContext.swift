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
    /// Set for a paginated list: its `<name>Items` companion, iterated over an answer of one item.
    let pages: PagesContractContext?
}

struct PagesContractContext: TemplateContext {
    /// The example response with one item in its list and a total count of 1, as a Swift string literal.
    let pagesResponseLiteral: String
    /// The companion's call, indented for the test's closure.
    let itemsCallLines: [String]
    /// The page size the call asks for, which the test checks is sent (nil when the list has none).
    let pageSize: Int?
}

enum ContractTests {
    /// - Parameter calls: each endpoint's example call, by ``ExampleCall/key(_:)``.
    static func file(api: API, calls: [String: ExampleCall], specsFolder: String) -> ContractTestsFileContext {
        let endpoints = api.files.flatMap(\.generatedEndpoints)
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
            deprecatedCallType: endpoint.deprecated == nil ? nil : (Naming.upperCamelCase(endpoint.name) ?? endpoint.name) + "Call",
            pages: endpoint.deprecated == nil ? pagesContract(endpoint, call: call, api: api) : nil)
    }

    /// The companion of a paginated list, called with the example call's arguments but the page, over the
    /// example answer holding one item and a total count of 1.
    static func pagesContract(_ endpoint: Endpoint, call: ExampleCall, api: API) -> PagesContractContext? {
        guard let pagination = Pagination.of(endpoint, api: api),
              case .object(var entries) = Examples.complete(endpoint.response, api: api)
        else { return nil }
        let item: Value
        switch pagination.element {
        case .named(let name): item = Examples.complete(name, api: api)
        case .string: item = .string("ITEM")
        case .integer, .number: item = .integer(1)
        default: item = .object([])
        }
        var page: [Value.ObjectEntry] = []
        if case .object(let existing)? = entries.first(where: { $0.key == "data" })?.value { page = existing }
        page.removeAll { $0.key == "list" || $0.key == "totalCount" }
        page.append(.init(key: "list", value: .array([item])))
        page.append(.init(key: "totalCount", value: .integer(1)))  // a paginated list always has one
        entries.removeAll { $0.key == "data" }
        entries.append(.init(key: "data", value: .object(page)))
        // A page size no example uses, so that the test sees the companion's own.
        let pageSize = pagination.limit == nil ? nil : 7
        let arguments = pagination.itemsArguments(
            call.arguments, parameterNames: SwiftContexts.parameterNames(endpoint), size: pageSize ?? pagination.pageSize)
        let lines = SampleCode.callLines("client.\(endpoint.name)\(Pagination.companionSuffix)", arguments: arguments)
            .flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        return PagesContractContext(
            pagesResponseLiteral: Escaping.swiftStringLiteral(Examples.compactJSON(.object(entries))),
            itemsCallLines: lines.map { $0.isEmpty ? "" : "            " + $0 }, pageSize: pageSize)
    }
}
