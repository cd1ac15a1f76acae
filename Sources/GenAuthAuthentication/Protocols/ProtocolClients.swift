import Foundation

extension AuthenticationClient {
    /// OpenID Connect 1.0 with GenAuth as the provider: the authorization URL (with PKCE, `state` and `nonce`),
    /// the redirect back, tokens, user info, introspection, revocation, logout, and local validation of ID tokens
    /// (package trait `TokenValidation`).
    public var oidc: OIDCClient { OIDCClient(client: self) }
}

/// OpenID Connect 1.0 with GenAuth as the provider, at `{appHost}/oidc/…`; handed out by
/// ``AuthenticationClient/oidc``.
public struct OIDCClient: Sendable {
    /// The client whose options (application, host, redirect URI, endpoint authentication) and transport it uses.
    public let client: AuthenticationClient

    init(client: AuthenticationClient) {
        self.client = client
    }
}
