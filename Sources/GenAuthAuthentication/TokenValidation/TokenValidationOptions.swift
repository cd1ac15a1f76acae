import Foundation

/// How ``OIDCClient/parseIDToken(_:nonce:accessToken:)`` and ``OIDCClient/introspectAccessTokenOffline(_:)`` validate tokens
/// locally: the issuer they expect, the clock skew they allow, and where and how often they fetch the application's
/// signing keys.
///
/// Plain values, declared whether or not the package trait `TokenValidation` is enabled, so that options can be
/// written the same way in every build. The defaults suit a GenAuth application:
///
/// ```swift
/// let options = AuthenticationClientOptions(
///     appId: "GENAUTH_APP_ID",
///     appSecret: "GENAUTH_APP_SECRET",
///     appHost: "https://YOUR_APP.genauth.ai",
///     tokenValidation: TokenValidationOptions(leeway: 30)
/// )
/// print(options.tokenValidation.jwksPath)   // /oidc/.well-known/jwks.json
/// ```
public struct TokenValidationOptions: Sendable, Hashable {
    /// The issuer tokens must name in `iss`, compared character for character (OpenID Connect Core 1.0 §3.1.3.7
    /// item 2). `nil`, the default, expects `{appHost}/oidc` (without a trailing slash on `appHost`), the issuer
    /// GenAuth writes in its tokens and its discovery document.
    public var issuer: String?
    /// How many seconds of clock skew between GenAuth and this machine are allowed when `exp`, `iat` and `nbf` are
    /// checked (RFC 7519 §4.1.4–4.1.6 allow "some small leeway"); 60 by default. NaN and negative values count as 0.
    public var leeway: TimeInterval
    /// The path, on `appHost`, of the JSON Web Key Set that holds the keys of RS256 tokens:
    /// `/oidc/.well-known/jwks.json` by default, as GenAuth's discovery document, its Java, Python and Go SDKs and its
    /// older Node SDK use. GenAuth's newest Node SDK uses `/{appId}/oidc/.well-known/jwks.json`; set that here if your
    /// application's keys are there. It must start with `/`.
    public var jwksPath: String
    /// The least number of seconds between two fetches of the key set made because a token names a key the client
    /// does not know (after GenAuth rotated its keys, say): 60 by default. Tokens with made-up `kid`s then make at
    /// most one request per interval, however many arrive. A client that has no keys yet always fetches them (one
    /// request for any number of concurrent validations). NaN counts as the default; negative values as 0.
    public var jwksRefetchInterval: TimeInterval

    /// `/oidc/.well-known/jwks.json`, the default ``jwksPath``.
    public static let defaultJWKSPath = "/oidc/.well-known/jwks.json"

    /// Creates token validation options.
    ///
    /// - Parameters:
    ///   - issuer: The expected `iss`; `{appHost}/oidc` when nil.
    ///   - leeway: Seconds of clock skew allowed for `exp`, `iat` and `nbf`; 60 by default.
    ///   - jwksPath: The key set's path on `appHost`; `/oidc/.well-known/jwks.json` by default.
    ///   - jwksRefetchInterval: The least number of seconds between two fetches of the key set for an unknown
    ///     `kid`; 60 by default.
    public init(
        issuer: String? = nil,
        leeway: TimeInterval = 60,
        jwksPath: String = TokenValidationOptions.defaultJWKSPath,
        jwksRefetchInterval: TimeInterval = 60
    ) {
        self.issuer = issuer
        self.leeway = leeway
        self.jwksPath = jwksPath
        self.jwksRefetchInterval = jwksRefetchInterval
    }
}
