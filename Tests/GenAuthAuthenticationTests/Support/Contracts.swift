import GenAuthAuthentication
import GenAuthTestSupport

extension EndpointContract {
    /// An AuthenticationClient of the loopback server with the user's token set; every call carries the app ID
    /// and the token.
    static let authentication = Harness<AuthenticationClient>(
        makeClient: { Fixtures.client($0) },
        headers: ["x-authing-app-id": Fixtures.appId, "authorization": "Bearer \(Fixtures.accessToken)"])

    func check(_ call: @Sendable (AuthenticationClient) async throws -> Void) async throws {
        try await check(Self.authentication, call)
    }

    func checkItems<Element>(
        count: Int, pageSize: Int? = nil, _ items: @Sendable (AuthenticationClient) -> PageSequence<Element>
    ) async throws {
        try await checkItems(Self.authentication, count: count, pageSize: pageSize, items)
    }

    func mismatches(_ call: @Sendable (AuthenticationClient) async throws -> Void) async throws -> [String] {
        try await mismatches(Self.authentication, call)
    }
}

/// Reaches a deprecated endpoint through a protocol requirement, so that its contract test compiles
/// without a deprecation warning.
protocol DeprecatedEndpointCall: Sendable {
    func call(_ client: AuthenticationClient) async throws
}
