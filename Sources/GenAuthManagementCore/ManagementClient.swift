@_exported import GenAuthCore
import Foundation

/// The client of GenAuth's management API: users, organisations, roles, permissions, applications, tenants,
/// audit logs, for servers.
///
/// Its endpoint methods are generated from `specs/management` (see the `Generated` folder); each is `async`
/// and throws ``/GenAuthCore/GenAuthError``. It authenticates every call with the access key of the options: by default it
/// gets a management token, keeps it until shortly before it expires, shares one token request among any
/// number of concurrent calls, and when GenAuth rejects the token (401) gets a new one and tries the call once
/// more. One client may be shared by any number of tasks.
///
/// ```swift
/// let client = ManagementClient(options: ManagementClientOptions(
///     accessKeyId: "GENAUTH_ACCESS_KEY_ID",
///     accessKeySecret: "GENAUTH_ACCESS_KEY_SECRET"
/// ))
/// let user = try await client.getUser(userId: "6229ffaxxxxxxxxcade3e3d9")
/// print(user.data.userId)
/// ```
public final class ManagementClient: Sendable {
    /// The options the client was created with.
    public let options: ManagementClientOptions
    /// Sends every call: the generated methods of the client's other modules use it too.
    package let executor: RequestExecutor

    /// Creates a client. Nothing is sent until the first call.
    ///
    /// - Parameter options: The user pool to manage, and the access key to do it with.
    public convenience init(options: ManagementClientOptions) {
        self.init(options: options, clock: { Date() }, nonce: { UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased() })
    }

    /// A client whose clock and signature nonces the tests choose.
    package init(options: ManagementClientOptions, clock: @escaping @Sendable () -> Date, nonce: @escaping @Sendable () -> String) {
        self.options = options
        var headers: [HTTPHeader] = []
        if let tenantId = options.tenantId, !tenantId.isEmpty {
            headers.append(HTTPHeader(name: "x-authing-app-tenant-id", value: tenantId))
        }
        if let language = options.language {
            headers.append(HTTPHeader(name: "x-authing-lang", value: language.rawValue))
        }
        let authorizer: any RequestAuthorizer
        switch options.credentials {
        case .managementToken:
            let tokens = ManagementTokenProvider(
                fetch: ManagementTokenProvider.fetcher(options: options, headers: headers, clock: clock),
                margin: options.tokenRefreshMargin, clock: clock)
            authorizer = ManagementTokenAuthorizer(tokens: tokens, userPoolId: options.userPoolId)
        case .signature:
            authorizer = AccessKeySigner(
                accessKeyId: options.accessKeyId, accessKeySecret: options.accessKeySecret, userPoolId: options.userPoolId,
                clock: clock, nonce: nonce)
        }
        executor = RequestExecutor(
            host: options.host, hostOption: "host", headers: headers, secrets: [options.accessKeySecret],
            timeout: options.timeout, transport: options.transport, authorizer: authorizer, logger: options.logger)
    }
}
