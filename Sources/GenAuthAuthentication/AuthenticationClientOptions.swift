import Foundation

/// How an ``AuthenticationClient`` reaches your GenAuth application.
///
/// ```swift
/// let client = AuthenticationClient(options: AuthenticationClientOptions(
///     appId: "GENAUTH_APP_ID",
///     appSecret: "GENAUTH_APP_SECRET",
///     appHost: "https://example.genauth.ai"
/// ))
/// print(client.options.appHost)
/// ```
public struct AuthenticationClientOptions: Sendable {
    /// The application's ID (GenAuth console → Applications), sent as `x-authing-app-id`.
    public var appId: String
    /// The application's secret. Only used by endpoints that authenticate the application itself;
    /// it never appears in an error description.
    public var appSecret: String?
    /// The application's address, such as `https://example.genauth.ai`.
    public var appHost: String
    /// The user's access token, sent as `authorization: Bearer <token>`; ``AuthenticationClient/setAccessToken(_:)``
    /// changes it later.
    public var accessToken: String?
    /// How long one request may take, in seconds, before it fails with ``/GenAuthCore/GenAuthError/transport(_:)``.
    public var timeout: TimeInterval
    /// What sends the requests. ``/GenAuthCore/URLSessionTransport`` unless you provide your own.
    public var transport: any HTTPTransport

    /// Creates the options of an ``AuthenticationClient``.
    ///
    /// - Parameters:
    ///   - appId: The application's ID.
    ///   - appSecret: The application's secret, where the endpoints you call need it.
    ///   - appHost: The application's address, such as `https://example.genauth.ai`.
    ///   - accessToken: A user's access token, if you already have one.
    ///   - timeout: Seconds one request may take; 10 by default.
    ///   - transport: What sends the requests; a ``/GenAuthCore/URLSessionTransport`` by default.
    public init(
        appId: String,
        appSecret: String? = nil,
        appHost: String,
        accessToken: String? = nil,
        timeout: TimeInterval = 10,
        transport: any HTTPTransport = URLSessionTransport()
    ) {
        self.appId = appId
        self.appSecret = appSecret
        self.appHost = appHost
        self.accessToken = accessToken
        self.timeout = timeout
        self.transport = transport
    }
}
