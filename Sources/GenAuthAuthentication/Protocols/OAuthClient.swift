import Foundation

/// OAuth 2.0 (RFC 6749) with GenAuth as the authorization server, at `{appHost}/oauth/…`; handed out by
/// ``AuthenticationClient/oauth``.
///
/// The same flows as ``OIDCClient`` without OpenID Connect: the default scope is `user`, no `nonce` is sent and no ID
/// token comes back; GenAuth's OAuth access tokens are opaque (introspect them online).
///
/// ```swift
/// let client = AuthenticationClient(options: AuthenticationClientOptions(
///     appId: "GENAUTH_APP_ID",
///     appSecret: "GENAUTH_APP_SECRET",
///     appHost: "https://example.genauth.ai",
///     redirectUri: "https://example.com/callback"
/// ))
/// let request = try client.oauth.buildAuthorizeUrl()
/// print(request.url)   // send the browser there; keep `request` in the user's session
/// ```
public struct OAuthClient: Sendable {
    /// The client whose options and transport it uses.
    public let client: AuthenticationClient

    var family: ProtocolFamily { ProtocolFamily(kind: .oauth, client: client) }

    init(client: AuthenticationClient) {
        self.client = client
    }

    /// The URL that starts an authorization (`GET {appHost}/oauth/auth`, RFC 6749 §4.1.1), with a fresh `state` and
    /// PKCE S256 challenge unless the options say otherwise (the `nonce` option is not sent).
    ///
    /// - Parameter options: What to ask for; by default the client's redirect URI and scope `user`.
    /// - Returns: The URL, and what the redirect back is checked against.
    /// - Throws: ``/GenAuthCore/GenAuthError/invalidRequest(_:)`` without a redirect URI.
    public func buildAuthorizeUrl(_ options: AuthorizationOptions = AuthorizationOptions()) throws(GenAuthError) -> AuthorizationRequest {
        try family.authorizationRequest(options, operation: "buildAuthorizeUrl")
    }

    /// Checks the redirect back without exchanging its code, as ``OIDCClient/parseRedirectCallback(_:request:)`` does.
    ///
    /// - Parameters:
    ///   - callbackURL: The URL GenAuth redirected to.
    ///   - request: The request ``buildAuthorizeUrl(_:)`` returned.
    /// - Returns: The code and the other parameters.
    /// - Throws: ``/GenAuthCore/GenAuthError/invalidCallback(_:)`` or ``/GenAuthCore/GenAuthError/oauth(_:)``.
    public func parseRedirectCallback(_ callbackURL: String, request: AuthorizationRequest) throws(GenAuthError) -> AuthorizationCallback {
        try RedirectCallback.parse(url: callbackURL, request: request, call: GenAuthCall(operation: "parseRedirectCallback", method: "", path: ""))
    }

    /// Checks the redirect back and exchanges its code for tokens at `/oauth/token`; the client keeps the access token.
    ///
    /// - Parameters:
    ///   - callbackURL: The URL GenAuth redirected to.
    ///   - request: The request ``buildAuthorizeUrl(_:)`` returned.
    /// - Returns: The tokens (no ID token).
    /// - Throws: ``/GenAuthCore/GenAuthError/invalidCallback(_:)``, ``/GenAuthCore/GenAuthError/oauth(_:)``, or another
    ///   ``/GenAuthCore/GenAuthError``.
    public func handleRedirectCallback(_ callbackURL: String, request: AuthorizationRequest) async throws(GenAuthError) -> OIDCTokenResponse {
        let call = GenAuthCall(operation: "handleRedirectCallback", method: "", path: "")
        let callback = try RedirectCallback.parse(url: callbackURL, request: request, call: call)
        guard let code = callback.code else {
            throw GenAuthError.invalidCallback(CallbackFailure(kind: .missingCode, message: "the redirect back has no code", call: call))
        }
        return try await family.tokensByCode(
            code, codeVerifier: request.codeVerifier, redirectUri: request.redirectUri, operation: "handleRedirectCallback")
    }

    /// The same for an answer that arrived as parameters: a `form_post` body, or a query your web framework has split.
    ///
    /// - Parameters:
    ///   - parameters: The answer's parameters, each as received (a repeated name is rejected).
    ///   - request: The request ``buildAuthorizeUrl(_:)`` returned.
    /// - Returns: The tokens.
    /// - Throws: As ``handleRedirectCallback(_:request:)``.
    public func handleRedirectCallback(parameters: [URLQueryItem], request: AuthorizationRequest) async throws(GenAuthError) -> OIDCTokenResponse {
        let call = GenAuthCall(operation: "handleRedirectCallback", method: "", path: "")
        let callback = try RedirectCallback.check(parameters.map { ($0.name, $0.value ?? "") }, request: request, call: call)
        guard let code = callback.code else {
            throw GenAuthError.invalidCallback(CallbackFailure(kind: .missingCode, message: "the redirect back has no code", call: call))
        }
        return try await family.tokensByCode(
            code, codeVerifier: request.codeVerifier, redirectUri: request.redirectUri, operation: "handleRedirectCallback")
    }

    /// Exchanges an authorization code for tokens (`POST {appHost}/oauth/token`, RFC 6749 §4.1.3); the client keeps
    /// the access token.
    ///
    /// - Parameters:
    ///   - code: The code of the redirect back.
    ///   - codeVerifier: The PKCE verifier of the request.
    ///   - redirectUri: The authorization request's redirect URI; the options' by default.
    /// - Returns: The tokens.
    /// - Throws: ``/GenAuthCore/GenAuthError/oauth(_:)`` or another ``/GenAuthCore/GenAuthError``.
    public func getAccessTokenByCode(_ code: String, codeVerifier: String? = nil, redirectUri: String? = nil) async throws(GenAuthError) -> OIDCTokenResponse {
        try await family.tokensByCode(code, codeVerifier: codeVerifier, redirectUri: redirectUri, operation: "getAccessTokenByCode")
    }

    /// New tokens for a refresh token (`POST {appHost}/oauth/token`, RFC 6749 §6); the client keeps the access token.
    ///
    /// - Parameter refreshToken: The refresh token.
    /// - Returns: The new tokens.
    /// - Throws: ``/GenAuthCore/GenAuthError/oauth(_:)`` or another ``/GenAuthCore/GenAuthError``.
    public func getNewAccessTokenByRefreshToken(_ refreshToken: String) async throws(GenAuthError) -> OIDCTokenResponse {
        try await family.tokensByRefreshToken(refreshToken, operation: "getNewAccessTokenByRefreshToken")
    }

    /// The user's profile (`GET {appHost}/oauth/me`), the access token in the `authorization` header (RFC 6750 §2.1).
    ///
    /// - Parameter accessToken: The user's access token; the client's by default.
    /// - Returns: The user's fields, every one kept.
    /// - Throws: ``/GenAuthCore/GenAuthError/oauth(_:)`` or another ``/GenAuthCore/GenAuthError``.
    public func getUserInfoByAccessToken(_ accessToken: String? = nil) async throws(GenAuthError) -> OIDCUserInfo {
        try await family.userInfo(accessToken: accessToken, operation: "getUserInfoByAccessToken")
    }

    /// Asks GenAuth whether a token is valid now (`POST {appHost}/oauth/token/introspection`, RFC 7662).
    ///
    /// - Parameters:
    ///   - token: An access token or a refresh token.
    ///   - tokenTypeHint: Which it is, when you know.
    /// - Returns: `active`, and for an active token its user, application and scopes.
    /// - Throws: ``/GenAuthCore/GenAuthError/oauth(_:)`` or another ``/GenAuthCore/GenAuthError``.
    public func introspectToken(_ token: String, tokenTypeHint: TokenTypeHint? = nil) async throws(GenAuthError) -> TokenIntrospection {
        try await family.introspect(token, tokenTypeHint: tokenTypeHint, operation: "introspectToken")
    }

    /// Revokes a token (`POST {appHost}/oauth/token/revocation`, RFC 7009). GenAuth's OAuth revocation does not take
    /// `client_secret_basic`: with that method it throws before sending, as GenAuth's SDKs do.
    ///
    /// - Parameters:
    ///   - token: The token.
    ///   - tokenTypeHint: Which kind it is, when you know.
    /// - Throws: ``/GenAuthCore/GenAuthError/oauth(_:)`` or another ``/GenAuthCore/GenAuthError``.
    public func revokeToken(_ token: String, tokenTypeHint: TokenTypeHint? = nil) async throws(GenAuthError) {
        try await family.revoke(token, tokenTypeHint: tokenTypeHint, operation: "revokeToken")
    }

    /// The URL that ends the user's GenAuth session and goes to `redirectUri` (`GET {appHost}/login/profile/logout`,
    /// GenAuth's logout for applications without OpenID Connect).
    ///
    /// - Parameter redirectUri: Where to go afterwards; the options' `logoutRedirectUri` by default.
    /// - Returns: The URL to open.
    /// - Throws: ``/GenAuthCore/GenAuthError/invalidRequest(_:)`` when `appHost` is not an http(s) URL.
    public func buildLogoutUrl(redirectUri: String? = nil) throws(GenAuthError) -> URL {
        let redirect = redirectUri ?? client.options.logoutRedirectUri
        return try family.browserURL(
            path: "/login/profile/logout", redirect.map { [("redirect_uri", $0)] } ?? [], operation: "buildLogoutUrl")
    }
}
