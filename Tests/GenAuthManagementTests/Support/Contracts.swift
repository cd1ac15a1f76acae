import GenAuthManagement
import GenAuthTestSupport

extension EndpointContract {
    /// A ManagementClient of the loopback server, which answers its token request; every call carries the
    /// management token and the user pool the token names.
    static let management = Harness<ManagementClient>(
        makeClient: { Fixtures.client($0) },
        headers: ["authorization": "Bearer \(Fixtures.token())", "x-authing-userpool-id": Fixtures.userPoolId],
        auxiliary: { $0.path == Fixtures.tokenPath ? Fixtures.tokenAnswer() : nil })

    func check(_ call: @Sendable (ManagementClient) async throws -> Void) async throws {
        try await check(Self.management, call)
    }

    func checkItems<Element>(
        count: Int, pageSize: Int? = nil, _ items: @Sendable (ManagementClient) -> PageSequence<Element>
    ) async throws {
        try await checkItems(Self.management, count: count, pageSize: pageSize, items)
    }

    func mismatches(_ call: @Sendable (ManagementClient) async throws -> Void) async throws -> [String] {
        try await mismatches(Self.management, call)
    }
}

/// Reaches a deprecated endpoint through a protocol requirement, so that its contract test compiles
/// without a deprecation warning.
protocol DeprecatedEndpointCall: Sendable {
    func call(_ client: ManagementClient) async throws
}
