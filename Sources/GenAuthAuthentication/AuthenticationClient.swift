@_exported import GenAuthCore
import Foundation

/// The client of GenAuth's authentication API: sign-in, tokens, the user's profile, MFA, messages.
///
/// Its endpoint methods are generated from `specs/authentication` (see the `Generated` folder); each is
/// `async` and throws ``/GenAuthCore/GenAuthError``. One client may be shared by any number of tasks.
///
/// ```swift
/// let client = AuthenticationClient(options: AuthenticationClientOptions(
///     appId: "GENAUTH_APP_ID",
///     appHost: "https://example.genauth.ai"
/// ))
/// client.setAccessToken("USER_ACCESS_TOKEN")   // or sign in: signInByEmailPassword(email:password:)
/// let profile = try await client.getProfile()
/// print(profile.data.userId)
/// ```
public final class AuthenticationClient: Sendable {
    /// The options the client was created with (its access token is ``accessToken``).
    public let options: AuthenticationClientOptions
    let executor: RequestExecutor
    private let userToken: UserTokenAuthorizer
    #if TokenValidation
    /// The application's signing keys for local token validation, and the clock it checks expiry with: fetched once
    /// and shared by every validation of this client.
    let signingKeys: SigningKeyCache
    #endif

    /// Creates a client.
    ///
    /// - Parameter options: The application to talk to and how.
    public convenience init(options: AuthenticationClientOptions) {
        self.init(options: options, clock: { Date() })
    }

    /// A client whose clock the tests choose: local token validation reads it for `exp`, `iat` and `nbf` and for the
    /// key set's refetch interval.
    package init(options: AuthenticationClientOptions, clock: @escaping @Sendable () -> Date) {
        self.options = options
        self.userToken = UserTokenAuthorizer(token: options.accessToken)
        self.executor = RequestExecutor(
            host: options.appHost, hostOption: "appHost",
            headers: [HTTPHeader(name: "x-authing-app-id", value: options.appId)],
            secrets: [options.appSecret], timeout: options.timeout, transport: options.transport,
            authorizer: userToken, logger: options.logger)
        #if TokenValidation
        self.signingKeys = SigningKeyCache(options: options.tokenValidation, executor: executor, clock: clock)
        #endif
    }

    /// Sets the user's access token, sent as `authorization: Bearer <token>` with every later request;
    /// `nil` stops sending it.
    ///
    /// - Parameter accessToken: The token, as returned by a sign-in.
    public func setAccessToken(_ accessToken: String?) {
        userToken.token = accessToken
    }

    /// The access token the client currently sends, if any.
    public var accessToken: String? {
        userToken.token
    }
}

/// The user's access token, sent as a bearer token once set.
final class UserTokenAuthorizer: RequestAuthorizer, @unchecked Sendable {
    private let lock = NSLock()
    private var storedToken: String?

    init(token: String?) {
        storedToken = token
    }

    var token: String? {
        get { lock.withLock { storedToken } }
        set { lock.withLock { storedToken = newValue } }
    }

    func authorize(_ request: inout HTTPRequest) async throws(GenAuthError) -> [String] {
        guard let token, !token.isEmpty else { return [] }
        request.headers.append(HTTPHeader(name: "authorization", value: "Bearer \(token)"))
        return [token]
    }

    /// A user's token cannot be renewed here: a 401 is the caller's to handle.
    func credentialsRejected(_ request: HTTPRequest) async -> Bool { false }
}
