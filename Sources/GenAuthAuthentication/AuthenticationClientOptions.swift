import Foundation
import Logging

/// How an ``AuthenticationClient`` reaches your GenAuth application.
///
/// ```swift
/// let client = AuthenticationClient(options: AuthenticationClientOptions(
///     appId: "GENAUTH_APP_ID",
///     appSecret: "GENAUTH_APP_SECRET",
///     appHost: "https://example.genauth.ai",
///     redirectUri: "https://example.com/callback"
/// ))
/// print(client.options.appHost)
/// ```
public struct AuthenticationClientOptions: Sendable {
    /// How the client proves who it is to an OAuth 2.0 endpoint (RFC 6749 §2.3, OpenID Connect Core §9). Each
    /// endpoint's method must match the application's settings in GenAuth's console.
    public enum EndpointAuthMethod: String, Sendable, Hashable {
        /// `client_id` and `client_secret` in the form body (GenAuth's default).
        case clientSecretPost = "client_secret_post"
        /// `authorization: Basic base64(client_id:client_secret)`, each percent-encoded first (RFC 6749 §2.3.1).
        case clientSecretBasic = "client_secret_basic"
        /// `client_id` only: a public client (an app on a device), which proves itself with PKCE instead.
        case none
    }

    /// The application's ID (GenAuth console → Applications), sent as `x-authing-app-id`; the OAuth `client_id`.
    public var appId: String
    /// The application's secret; the OAuth `client_secret`, and the key of HS256 ID tokens. An app on a user's device
    /// has none (it cannot keep one): leave it nil and use PKCE. It never appears in an error or a log line.
    public var appSecret: String?
    /// The application's address, such as `https://example.genauth.ai`.
    public var appHost: String
    /// Where the client's log records go: one record per request at `debug` (method, path, status, GenAuth's
    /// `statusCode` and `apiCode`, `requestId`, duration), never a secret or a token. By default nothing is logged.
    public var logger: Logger
    /// The redirect URI of the application's sign-in (`redirect_uri`): one of the login callback URLs of the console.
    public var redirectUri: String?
    /// Where GenAuth sends the user after signing out (`post_logout_redirect_uri`): one of the logout callback URLs
    /// of the console.
    public var logoutRedirectUri: String?
    /// The scope asked for by ``OIDCClient/buildAuthorizeUrl(_:)`` and its OAuth counterpart when the call gives
    /// none: `openid profile` for OIDC (add `offline_access` for a refresh token); OAuth's default is `user`.
    public var scope: String?
    /// How the client authenticates at the token endpoint (`/oidc/token`, `/oauth/token`).
    public var tokenEndpointAuthMethod: EndpointAuthMethod
    /// How the client authenticates at the introspection endpoint (`/oidc/token/introspection`, …).
    public var introspectionEndpointAuthMethod: EndpointAuthMethod
    /// How the client authenticates at the revocation endpoint (`/oidc/token/revocation`, …).
    public var revocationEndpointAuthMethod: EndpointAuthMethod
    /// How ``OIDCClient/parseIDToken(_:nonce:accessToken:)`` and ``OIDCClient/introspectAccessTokenOffline(_:)`` validate tokens
    /// locally (package trait `TokenValidation`): the expected issuer, the clock skew allowed, the key set's path and
    /// how often it may be fetched again.
    public var tokenValidation: TokenValidationOptions
    /// The user's access token, sent as `authorization: Bearer <token>`; ``AuthenticationClient/setAccessToken(_:)``
    /// changes it later.
    public var accessToken: String?
    /// The host of GenAuth's event centre, for ``AuthenticationClient`` subscriptions (package trait `Events`):
    /// `wss://openevent.genauth.ai` by default.
    public var eventsHost: String
    /// How long one request may take, in seconds, before it fails with ``/GenAuthCore/GenAuthError/transport(_:)``.
    public var timeout: TimeInterval
    /// What sends the requests. ``/GenAuthCore/URLSessionTransport`` unless you provide your own.
    public var transport: any HTTPTransport

    /// Creates the options of an ``AuthenticationClient``.
    ///
    /// - Parameters:
    ///   - appId: The application's ID.
    ///   - appSecret: The application's secret, where the endpoints you call need it; nil in an app on a device.
    ///   - appHost: The application's address, such as `https://example.genauth.ai`.
    ///   - logger: Where log records go; nothing is logged by default.
    ///   - redirectUri: The sign-in's redirect URI.
    ///   - logoutRedirectUri: Where GenAuth sends the user after signing out.
    ///   - scope: The scope of authorization requests that give none.
    ///   - tokenEndpointAuthMethod: How the client authenticates at the token endpoint; `client_secret_post` by default.
    ///   - introspectionEndpointAuthMethod: The same at the introspection endpoint.
    ///   - revocationEndpointAuthMethod: The same at the revocation endpoint.
    ///   - tokenValidation: How tokens are validated locally; GenAuth's issuer, key set and a 60 s leeway by default.
    ///   - accessToken: A user's access token, if you already have one.
    ///   - eventsHost: The event centre's host; `wss://openevent.genauth.ai` by default.
    ///   - timeout: Seconds one request may take; 10 by default.
    ///   - transport: What sends the requests; a ``/GenAuthCore/URLSessionTransport`` by default.
    public init(
        appId: String,
        appSecret: String? = nil,
        appHost: String,
        logger: Logger = GenAuthLogging.disabled,
        redirectUri: String? = nil,
        logoutRedirectUri: String? = nil,
        scope: String? = nil,
        tokenEndpointAuthMethod: EndpointAuthMethod = .clientSecretPost,
        introspectionEndpointAuthMethod: EndpointAuthMethod = .clientSecretPost,
        revocationEndpointAuthMethod: EndpointAuthMethod = .clientSecretPost,
        tokenValidation: TokenValidationOptions = TokenValidationOptions(),
        accessToken: String? = nil,
        eventsHost: String = GenAuthSDK.defaultEventsHost,
        timeout: TimeInterval = 10,
        transport: any HTTPTransport = URLSessionTransport()
    ) {
        self.appId = appId
        self.appSecret = appSecret
        self.appHost = appHost
        self.logger = logger
        self.redirectUri = redirectUri
        self.logoutRedirectUri = logoutRedirectUri
        self.scope = scope
        self.tokenEndpointAuthMethod = tokenEndpointAuthMethod
        self.introspectionEndpointAuthMethod = introspectionEndpointAuthMethod
        self.revocationEndpointAuthMethod = revocationEndpointAuthMethod
        self.tokenValidation = tokenValidation
        self.accessToken = accessToken
        self.eventsHost = eventsHost
        self.timeout = timeout
        self.transport = transport
    }
}
