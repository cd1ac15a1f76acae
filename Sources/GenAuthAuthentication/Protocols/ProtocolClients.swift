import Foundation

extension AuthenticationClient {
    /// OpenID Connect 1.0 with GenAuth as the provider: the authorization URL (with PKCE, `state` and `nonce`),
    /// the redirect back, tokens, user info, introspection, revocation, logout, and local validation of ID tokens
    /// (package trait `TokenValidation`).
    public var oidc: OIDCClient { OIDCClient(client: self) }

    /// OAuth 2.0 with GenAuth as the authorization server (`/oauth/*`): the same flows as ``oidc`` without ID tokens.
    public var oauth: OAuthClient { OAuthClient(client: self) }

    /// SAML 2.0 with GenAuth as the identity provider: the login link.
    public var saml: SAMLClient { SAMLClient(client: self) }

    /// CAS with GenAuth as the CAS server: the login link, service ticket validation (CAS 1.0 and 2.0), the logout link.
    public var cas: CASClient { CASClient(client: self) }
}
