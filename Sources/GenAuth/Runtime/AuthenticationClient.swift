import Foundation

/// The client of GenAuth's authentication API: sign-in, tokens, the user's profile, MFA, messages.
///
/// Its endpoint methods are generated from `specs/` (see the `Generated` folder); each is `async`
/// and throws ``GenAuthError``. One client may be shared by any number of tasks.
///
/// ```swift
/// let client = AuthenticationClient(options: AuthenticationClientOptions(
///     appId: "GENAUTH_APP_ID",
///     appHost: "https://example.genauth.ai"
/// ))
/// client.setAccessToken(accessToken)
/// let response = try await client.sendSms(SendSMSDto(phoneNumber: "188xxxx8888", channel: .channelLogin))
/// ```
public final class AuthenticationClient: Sendable {
    /// The options the client was created with (its access token is ``accessToken``).
    public let options: AuthenticationClientOptions
    let executor: RequestExecutor

    /// Creates a client.
    ///
    /// - Parameter options: The application to talk to and how.
    public init(options: AuthenticationClientOptions) {
        self.options = options
        self.executor = RequestExecutor(
            appId: options.appId,
            appSecret: options.appSecret,
            appHost: options.appHost,
            accessToken: options.accessToken,
            timeout: options.timeout,
            transport: options.transport)
    }

    /// Sets the user's access token, sent as `authorization: Bearer <token>` with every later request;
    /// `nil` stops sending it.
    ///
    /// - Parameter accessToken: The token, as returned by a sign-in.
    public func setAccessToken(_ accessToken: String?) {
        executor.accessToken = accessToken
    }

    /// The access token the client currently sends, if any.
    public var accessToken: String? {
        executor.accessToken
    }
}
