import Foundation

/// OpenID Connect 1.0 with GenAuth as the provider, at `{appHost}/oidc/…`; handed out by ``AuthenticationClient/oidc``.
///
/// The authorization code flow with PKCE, in an app or on a server:
///
/// ```swift
/// let client = AuthenticationClient(options: AuthenticationClientOptions(
///     appId: "GENAUTH_APP_ID",
///     appHost: "https://example.genauth.ai",
///     redirectUri: "com.example.app://callback",
///     tokenEndpointAuthMethod: .none   // an app on a device keeps no secret: PKCE proves it
/// ))
/// let request = try client.oidc.buildAuthorizeUrl(AuthorizationOptions(scope: "openid profile offline_access"))
/// // Open request.url in the browser; GenAuth redirects back to the redirect URI:
/// let callback = "com.example.app://callback?code=…&state=…"
/// let tokens = try await client.oidc.handleRedirectCallback(callback, request: request)
/// print(tokens.idToken ?? "", tokens.refreshToken ?? "")
/// ```
///
/// Each method is named as GenAuth's Java, Node, Python and Go SDKs name it. Failures of the endpoints are
/// ``/GenAuthCore/GenAuthError/oauth(_:)`` with the server's `error` and `error_description`.
public struct OIDCClient: Sendable {
    /// The client whose options (application, host, redirect URI, endpoint authentication) and transport it uses.
    public let client: AuthenticationClient

    var family: ProtocolFamily { ProtocolFamily(kind: .oidc, client: client) }

    init(client: AuthenticationClient) {
        self.client = client
    }

    /// The URL that starts a sign-in (`GET {appHost}/oidc/auth`, OIDC Core §3.1.2.1), with a fresh `state`, `nonce`
    /// and PKCE S256 challenge unless the options say otherwise, every parameter percent-encoded.
    ///
    /// - Parameter options: What to ask for; by default the client's redirect URI and scope, `response_type=code`.
    /// - Returns: The URL, and what the redirect back is checked against: keep it until then.
    /// - Throws: ``/GenAuthCore/GenAuthError/invalidRequest(_:)`` without a redirect URI, with a scope without `openid`,
    ///   or when `appHost` is not an http(s) URL.
    public func buildAuthorizeUrl(_ options: AuthorizationOptions = AuthorizationOptions()) throws(GenAuthError) -> AuthorizationRequest {
        try family.authorizationRequest(options, operation: "buildAuthorizeUrl")
    }

    /// Checks the redirect back without exchanging its code: the redirect URI, each parameter once, the `state`
    /// (RFC 6749 §10.12), `iss` when present (RFC 9207), an `error` thrown as ``/GenAuthCore/GenAuthError/oauth(_:)``.
    ///
    /// - Parameters:
    ///   - callbackURL: The URL GenAuth redirected to, as received.
    ///   - request: The request ``buildAuthorizeUrl(_:)`` returned.
    /// - Returns: The code and the other parameters.
    /// - Throws: ``/GenAuthCore/GenAuthError/invalidCallback(_:)`` when the redirect does not answer `request`.
    public func parseRedirectCallback(_ callbackURL: String, request: AuthorizationRequest) throws(GenAuthError) -> AuthorizationCallback {
        try RedirectCallback.parse(url: callbackURL, request: request, call: callbackCall("parseRedirectCallback"))
    }

    /// Checks the redirect back and exchanges its code for tokens with the request's PKCE verifier; the client keeps
    /// the access token, as ``AuthenticationClient/setAccessToken(_:)`` does.
    ///
    /// - Parameters:
    ///   - callbackURL: The URL GenAuth redirected to, as received.
    ///   - request: The request ``buildAuthorizeUrl(_:)`` returned.
    /// - Returns: The tokens.
    /// - Throws: ``/GenAuthCore/GenAuthError/invalidCallback(_:)``, ``/GenAuthCore/GenAuthError/oauth(_:)``, or
    ///   another ``/GenAuthCore/GenAuthError`` of the token request.
    public func handleRedirectCallback(_ callbackURL: String, request: AuthorizationRequest) async throws(GenAuthError) -> OIDCTokenResponse {
        let callback = try RedirectCallback.parse(url: callbackURL, request: request, call: callbackCall("handleRedirectCallback"))
        return try await exchange(callback, request: request, operation: "handleRedirectCallback")
    }

    /// The same for an answer that arrived as parameters: a `form_post` body, or a query your web framework has split.
    ///
    /// - Parameters:
    ///   - parameters: The answer's parameters, each as received (a repeated name is rejected).
    ///   - request: The request ``buildAuthorizeUrl(_:)`` returned.
    /// - Returns: The tokens.
    /// - Throws: As ``handleRedirectCallback(_:request:)``.
    public func handleRedirectCallback(parameters: [URLQueryItem], request: AuthorizationRequest) async throws(GenAuthError) -> OIDCTokenResponse {
        let callback = try RedirectCallback.check(
            parameters.map { ($0.name, $0.value ?? "") }, request: request, call: callbackCall("handleRedirectCallback"))
        return try await exchange(callback, request: request, operation: "handleRedirectCallback")
    }

    private func exchange(_ callback: AuthorizationCallback, request: AuthorizationRequest, operation: String) async throws(GenAuthError) -> OIDCTokenResponse {
        guard let code = callback.code else {
            throw GenAuthError.invalidCallback(CallbackFailure(kind: .missingCode, message: "the redirect back has no code"))
                .thrown(by: callbackCall(operation))
        }
        return try await family.tokensByCode(
            code, codeVerifier: request.codeVerifier, redirectUri: request.redirectUri, operation: operation)
    }

    private func callbackCall(_ operation: String) -> GenAuthCall {
        GenAuthCall(operation: operation, method: "", path: "")
    }

    /// Exchanges an authorization code for tokens (`POST {appHost}/oidc/token`, `grant_type=authorization_code`,
    /// RFC 6749 §4.1.3), the client authenticated as `tokenEndpointAuthMethod` says; the client keeps the access token.
    ///
    /// - Parameters:
    ///   - code: The code of the redirect back (valid for ten minutes, once).
    ///   - codeVerifier: The PKCE verifier of the request (``AuthorizationRequest/codeVerifier``).
    ///   - redirectUri: The authorization request's redirect URI; the options' by default.
    /// - Returns: The tokens: `access_token`, `id_token`, `refresh_token` (with `offline_access`), `expires_in`.
    /// - Throws: ``/GenAuthCore/GenAuthError/oauth(_:)`` (`invalid_grant` for a used or expired code), or another
    ///   ``/GenAuthCore/GenAuthError``.
    public func getAccessTokenByCode(_ code: String, codeVerifier: String? = nil, redirectUri: String? = nil) async throws(GenAuthError) -> OIDCTokenResponse {
        try await family.tokensByCode(code, codeVerifier: codeVerifier, redirectUri: redirectUri, operation: "getAccessTokenByCode")
    }

    /// New tokens for a refresh token (`POST {appHost}/oidc/token`, `grant_type=refresh_token`, RFC 6749 §6); the
    /// client keeps the new access token.
    ///
    /// - Parameter refreshToken: A refresh token (ask for scope `offline_access`).
    /// - Returns: The new tokens.
    /// - Throws: ``/GenAuthCore/GenAuthError/oauth(_:)`` (`invalid_grant` for an expired or revoked token), or another
    ///   ``/GenAuthCore/GenAuthError``.
    public func getNewAccessTokenByRefreshToken(_ refreshToken: String) async throws(GenAuthError) -> OIDCTokenResponse {
        try await family.tokensByRefreshToken(refreshToken, operation: "getNewAccessTokenByRefreshToken")
    }

    /// A token for a machine, with a programmatic access account's key (`grant_type=client_credentials`,
    /// RFC 6749 §4.4).
    ///
    /// - Parameters:
    ///   - scope: The resources and actions asked for, space-separated.
    ///   - accessKey: The programmatic access account's key (console → the application → access authorization).
    ///   - accessSecret: Its secret.
    /// - Returns: The access token.
    /// - Throws: ``/GenAuthCore/GenAuthError/oauth(_:)`` or another ``/GenAuthCore/GenAuthError``.
    public func getAccessTokenByClientCredentials(scope: String, accessKey: String, accessSecret: String) async throws(GenAuthError) -> OIDCTokenResponse {
        try await family.tokensByClientCredentials(
            scope: scope, accessKey: accessKey, accessSecret: accessSecret, operation: "getAccessTokenByClientCredentials")
    }

    /// The user's claims (`GET {appHost}/oidc/me`, OIDC Core §5.3), the access token sent as a bearer token in the
    /// header (RFC 6750 §2.1).
    ///
    /// - Parameter accessToken: The user's access token; the client's by default.
    /// - Returns: The claims the token's scope allows (`sub`, `name`, `email`, `phone_number`, …), every one kept.
    /// - Throws: ``/GenAuthCore/GenAuthError/oauth(_:)`` (`invalid_token`) or another ``/GenAuthCore/GenAuthError``.
    public func getUserInfoByAccessToken(_ accessToken: String? = nil) async throws(GenAuthError) -> OIDCUserInfo {
        try await family.userInfo(accessToken: accessToken, operation: "getUserInfoByAccessToken")
    }

    /// Asks GenAuth whether a token is valid now (`POST {appHost}/oidc/token/introspection`, RFC 7662), the client
    /// authenticated as `introspectionEndpointAuthMethod` says.
    ///
    /// - Parameters:
    ///   - token: An access token or a refresh token.
    ///   - tokenTypeHint: Which it is, when you know.
    /// - Returns: `active`, and for an active token its user, application, scopes and times.
    /// - Throws: ``/GenAuthCore/GenAuthError/oauth(_:)`` or another ``/GenAuthCore/GenAuthError``.
    public func introspectToken(_ token: String, tokenTypeHint: TokenTypeHint? = nil) async throws(GenAuthError) -> TokenIntrospection {
        try await family.introspect(token, tokenTypeHint: tokenTypeHint, operation: "introspectToken")
    }

    /// Revokes an access token or a refresh token (`POST {appHost}/oidc/token/revocation`, RFC 7009), the client
    /// authenticated as `revocationEndpointAuthMethod` says. Revoking the client's own access token stops sending it.
    ///
    /// - Parameters:
    ///   - token: The token.
    ///   - tokenTypeHint: Which kind it is, when you know.
    /// - Throws: ``/GenAuthCore/GenAuthError/oauth(_:)`` or another ``/GenAuthCore/GenAuthError``.
    public func revokeToken(_ token: String, tokenTypeHint: TokenTypeHint? = nil) async throws(GenAuthError) {
        try await family.revoke(token, tokenTypeHint: tokenTypeHint, operation: "revokeToken")
    }

    /// The URL that signs the user out of GenAuth (`GET {appHost}/oidc/session/end`, OpenID Connect RP-Initiated
    /// Logout 1.0 §2).
    ///
    /// - Parameters:
    ///   - idToken: The user's ID token (`id_token_hint`); needed to redirect back after the logout.
    ///   - redirectUri: Where to go afterwards (`post_logout_redirect_uri`), one of the console's logout callback URLs;
    ///     the options' `logoutRedirectUri` when an ID token is given.
    ///   - state: A value GenAuth passes back to the redirect.
    /// - Returns: The URL to open.
    /// - Throws: ``/GenAuthCore/GenAuthError/invalidRequest(_:)`` for a redirect without an ID token (GenAuth
    ///   redirects only with one), or when `appHost` is not an http(s) URL.
    public func buildLogoutUrl(idToken: String? = nil, redirectUri: String? = nil, state: String? = nil) throws(GenAuthError) -> URL {
        let path = "/oidc/session/end"
        let redirect = redirectUri ?? (idToken != nil ? client.options.logoutRedirectUri : nil)
        if redirect != nil, idToken == nil {
            throw GenAuthError.invalidRequest(reason: "a logout redirect needs the user's ID token (id_token_hint)")
                .thrown(by: GenAuthCall(operation: "buildLogoutUrl", method: "GET", path: path))
        }
        var parameters: [(String, String)] = []
        if let idToken { parameters.append(("id_token_hint", idToken)) }
        if let redirect { parameters.append(("post_logout_redirect_uri", redirect)) }
        if let state, redirect != nil { parameters.append(("state", state)) }
        return try family.browserURL(path: path, parameters, operation: "buildLogoutUrl")
    }

    /// The provider's configuration (`GET {appHost}/oidc/.well-known/openid-configuration`, OpenID Connect Discovery
    /// 1.0 §4): its issuer, endpoints and what it supports.
    ///
    /// - Returns: The configuration; fields the type does not list are in `additionalProperties`.
    /// - Throws: ``/GenAuthCore/GenAuthError``.
    public func getOpenIDConfiguration() async throws(GenAuthError) -> OIDCDiscoveryMetadata {
        var request = APIRequest(operation: "getOpenIDConfiguration", method: "GET", path: "/oidc/.well-known/openid-configuration")
        request.sendsClientCredentials = false
        request.errorFormat = .oauth
        return try await client.executor.send(request, as: OIDCDiscoveryMetadata.self)
    }

    /// A new PKCE verifier, 64 characters from the system's secure generator (GenAuth's SDKs call it
    /// `generateCodeChallenge`; RFC 7636 §4.1 calls it the code verifier).
    ///
    /// - Returns: The verifier.
    public func generateCodeChallenge() -> String {
        PKCE(method: .plain).verifier
    }

    /// The challenge of a verifier: `BASE64URL(SHA256(verifier))` for S256, the verifier itself for plain
    /// (RFC 7636 §4.2).
    ///
    /// - Parameters:
    ///   - codeChallenge: The verifier.
    ///   - method: `.s256` by default.
    /// - Returns: The challenge.
    public func getCodeChallengeDigest(_ codeChallenge: String, method: PKCE.Method = .s256) -> String {
        PKCE.challenge(of: codeChallenge, method: method)
    }
}
