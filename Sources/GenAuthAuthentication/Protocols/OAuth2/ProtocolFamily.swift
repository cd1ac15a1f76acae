import Foundation

/// What OIDC (`/oidc/*`) and OAuth 2.0 (`/oauth/*`) share at GenAuth: the authorization URL, the token endpoint and
/// its client authentication, user info, introspection and revocation. ``OIDCClient`` and ``OAuthClient`` are thin
/// public faces of this.
struct ProtocolFamily: Sendable {
    enum Kind: Sendable {
        case oidc, oauth
    }

    let kind: Kind
    let client: AuthenticationClient

    private var options: AuthenticationClientOptions { client.options }

    /// `/oidc` or `/oauth`.
    var prefix: String { kind == .oidc ? "/oidc" : "/oauth" }

    /// The application's address without a trailing slash.
    var host: String {
        var host = options.appHost.trimmingCharacters(in: .whitespaces)
        while host.hasSuffix("/") { host.removeLast() }
        return host
    }

    /// GenAuth's issuer for this family: `https://<host>/oidc` (the `iss` of its tokens and of RFC 9207's parameter).
    var issuer: String { host + prefix }

    var defaultScope: String { options.scope ?? (kind == .oidc ? "openid profile" : "user") }

    // MARK: - URLs for the browser

    /// `{appHost}{path}?{parameters}`, each name and value percent-encoded (RFC 3986 §2.1: all but the unreserved
    /// characters), so that a redirect URI with `?`, `&` or `#` stays one parameter.
    func browserURL(path: String, _ parameters: [(String, String)], operation: String) throws(GenAuthError) -> URL {
        var text = host + path
        if !parameters.isEmpty { text += "?" + PercentEncoding.formEncode(parameters) }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil
        else {
            throw GenAuthError.invalidRequest(reason: "appHost '\(options.appHost)' is not an http(s) URL such as https://example.genauth.ai")
                .thrown(by: GenAuthCall(operation: operation, method: "GET", path: path))
        }
        return url
    }

    /// The authorization request of RFC 6749 §4.1.1 (OIDC Core §3.1.2.1), with PKCE (RFC 7636 §4.3).
    func authorizationRequest(_ authorization: AuthorizationOptions, operation: String) throws(GenAuthError) -> AuthorizationRequest {
        let path = prefix + "/auth"
        let call = GenAuthCall(operation: operation, method: "GET", path: path)
        guard let redirectUri = authorization.redirectUri ?? options.redirectUri, !redirectUri.isEmpty else {
            throw GenAuthError.invalidRequest(
                reason: "a redirect URI is needed: AuthorizationOptions(redirectUri:) or AuthenticationClientOptions(redirectUri:)"
            ).thrown(by: call)
        }
        let scope = authorization.scope ?? defaultScope
        let scopes = scope.split(separator: " ")
        if kind == .oidc, !scopes.contains("openid") {
            throw GenAuthError.invalidRequest(reason: "an OpenID Connect scope must contain 'openid' (OIDC Core §3.1.2.1)")
                .thrown(by: call)
        }
        let state = authorization.state ?? SecureRandom.token()
        let nonce = kind == .oidc ? (authorization.nonce ?? SecureRandom.token()) : nil
        let pkce = authorization.responseType.includesCode ? authorization.pkce.map { PKCE(method: $0) } : nil
        let prompt = authorization.prompt ?? (scopes.contains("offline_access") ? .consent : nil)
        let mode = authorization.responseMode ?? (authorization.responseType.defaultsToFragment ? .fragment : .query)

        var parameters: [(String, String)] = [
            ("client_id", options.appId),
            ("redirect_uri", redirectUri),
            ("response_type", authorization.responseType.rawValue),
            ("scope", scope),
            ("state", state),
        ]
        if let nonce { parameters.append(("nonce", nonce)) }
        if let pkce {
            parameters.append(("code_challenge", pkce.challenge))
            parameters.append(("code_challenge_method", pkce.method.rawValue))
        }
        if let responseMode = authorization.responseMode { parameters.append(("response_mode", responseMode.rawValue)) }
        if let prompt { parameters.append(("prompt", prompt.rawValue)) }
        if let tenantId = authorization.tenantId { parameters.append(("tenant_id", tenantId)) }
        let named = Set(parameters.map(\.0))
        for (name, value) in authorization.additionalParameters.sorted(by: { $0.key < $1.key }) where !named.contains(name) {
            parameters.append((name, value))
        }
        return AuthorizationRequest(
            url: try browserURL(path: path, parameters, operation: operation), state: state, nonce: nonce,
            codeVerifier: pkce?.verifier, redirectUri: redirectUri, responseType: authorization.responseType,
            responseMode: mode, issuer: issuer)
    }

    // MARK: - Endpoints the server calls

    /// Which endpoint a form goes to, for its client authentication method.
    enum Endpoint {
        case token, introspection, revocation

        var path: String {
            switch self {
            case .token: return "/token"
            case .introspection: return "/token/introspection"
            case .revocation: return "/token/revocation"
            }
        }
    }

    /// A form POST to one of the token endpoints, the client authenticated as the options say for that endpoint
    /// (RFC 6749 §2.3.1; OIDC Core §9): the user's token is never sent there.
    func formRequest(
        _ endpoint: Endpoint, fields: [String: String], operation: String, secrets: [String]
    ) throws(GenAuthError) -> APIRequest {
        let path = prefix + endpoint.path
        let method: AuthenticationClientOptions.EndpointAuthMethod
        switch endpoint {
        case .token: method = options.tokenEndpointAuthMethod
        case .introspection: method = options.introspectionEndpointAuthMethod
        case .revocation: method = options.revocationEndpointAuthMethod
        }
        var fields = fields
        var headers: [HTTPHeader] = []
        var secrets = secrets
        func secret() throws(GenAuthError) -> String {
            guard let secret = options.appSecret, !secret.isEmpty else {
                throw GenAuthError.invalidRequest(
                    reason: "\(method.rawValue) needs the app secret (AuthenticationClientOptions.appSecret); an app that "
                        + "cannot keep one authenticates with 'none' and PKCE"
                ).thrown(by: GenAuthCall(operation: operation, method: "POST", path: path))
            }
            return secret
        }
        switch method {
        case .clientSecretPost:
            fields["client_id"] = options.appId
            fields["client_secret"] = try secret()
        case .clientSecretBasic:
            // RFC 6749 §2.3.1: the ID and the secret form-encoded, then joined with ':' and base64-encoded.
            let credentials = PercentEncoding.encode(options.appId) + ":" + PercentEncoding.encode(try secret())
            let header = "Basic " + Data(credentials.utf8).base64EncodedString()
            headers.append(HTTPHeader(name: "authorization", value: header))
            secrets.append(header)
            secrets.append(String(header.dropFirst("Basic ".count)))
        case .none:
            fields["client_id"] = options.appId
        }
        var request = APIRequest(operation: operation, method: "POST", path: path, body: .form(fields), secrets: secrets)
        request.headers = headers
        request.sendsClientCredentials = false
        request.errorFormat = .oauth
        return request
    }

    /// Sends a request to the token endpoint and decodes the tokens.
    func tokens(_ fields: [String: String], operation: String, secrets: [String]) async throws(GenAuthError) -> OIDCTokenResponse {
        let request = try formRequest(.token, fields: fields, operation: operation, secrets: secrets)
        return try await client.executor.send(request, as: OIDCTokenResponse.self)
    }

    /// `grant_type=authorization_code` (RFC 6749 §4.1.3, RFC 7636 §4.5).
    func tokensByCode(_ code: String, codeVerifier: String?, redirectUri: String?, operation: String) async throws(GenAuthError) -> OIDCTokenResponse {
        guard let redirectUri = redirectUri ?? options.redirectUri, !redirectUri.isEmpty else {
            throw GenAuthError.invalidRequest(
                reason: "the token request repeats the authorization request's redirect URI (RFC 6749 §4.1.3): pass "
                    + "redirectUri or set AuthenticationClientOptions(redirectUri:)"
            ).thrown(by: GenAuthCall(operation: operation, method: "POST", path: prefix + "/token"))
        }
        var fields = ["grant_type": "authorization_code", "code": code, "redirect_uri": redirectUri]
        if let codeVerifier { fields["code_verifier"] = codeVerifier }
        let response = try await tokens(fields, operation: operation, secrets: [code] + (codeVerifier.map { [$0] } ?? []))
        keep(response)
        return response
    }

    /// `grant_type=refresh_token` (RFC 6749 §6).
    func tokensByRefreshToken(_ refreshToken: String, operation: String) async throws(GenAuthError) -> OIDCTokenResponse {
        let response = try await tokens(
            ["grant_type": "refresh_token", "refresh_token": refreshToken], operation: operation, secrets: [refreshToken])
        keep(response)
        return response
    }

    /// `grant_type=client_credentials` (RFC 6749 §4.4) with a programmatic access account's key, not the app's.
    func tokensByClientCredentials(scope: String, accessKey: String, accessSecret: String, operation: String) async throws(GenAuthError) -> OIDCTokenResponse {
        var request = APIRequest(
            operation: operation, method: "POST", path: prefix + "/token",
            body: .form([
                "grant_type": "client_credentials", "scope": scope, "client_id": accessKey, "client_secret": accessSecret,
            ]),
            secrets: [accessSecret])
        request.sendsClientCredentials = false
        request.errorFormat = .oauth
        return try await client.executor.send(request, as: OIDCTokenResponse.self)
    }

    /// The client keeps the access token a token endpoint issued, as a sign-in does.
    private func keep(_ response: OIDCTokenResponse) {
        if let token = response.accessToken, !token.isEmpty { client.setAccessToken(token) }
    }

    /// The user info endpoint with the token as a bearer token in the header (RFC 6750 §2.1; never in the URL,
    /// §2.3 and RFC 9700 §4.3.2).
    func userInfo(accessToken: String?, operation: String) async throws(GenAuthError) -> OIDCUserInfo {
        let path = prefix + "/me"
        guard let token = accessToken ?? client.accessToken, !token.isEmpty else {
            throw GenAuthError.invalidRequest(reason: "user info needs an access token: pass one or sign in first")
                .thrown(by: GenAuthCall(operation: operation, method: "GET", path: path))
        }
        var request = APIRequest(operation: operation, method: "GET", path: path, secrets: [token])
        request.headers = [HTTPHeader(name: "authorization", value: "Bearer \(token)")]
        request.sendsClientCredentials = false
        request.errorFormat = .oauth
        return try await client.executor.send(request, as: OIDCUserInfo.self)
    }

    /// RFC 7662 §2.1.
    func introspect(_ token: String, tokenTypeHint: TokenTypeHint?, operation: String) async throws(GenAuthError) -> TokenIntrospection {
        var fields = ["token": token]
        if let tokenTypeHint { fields["token_type_hint"] = tokenTypeHint.rawValue }
        let request = try formRequest(.introspection, fields: fields, operation: operation, secrets: [token])
        return try await client.executor.send(request, as: TokenIntrospection.self)
    }

    /// RFC 7009 §2.1. A token the server does not know is revoked as far as the client is concerned (§2.2).
    func revoke(_ token: String, tokenTypeHint: TokenTypeHint?, operation: String) async throws(GenAuthError) {
        if kind == .oauth, options.revocationEndpointAuthMethod == .clientSecretBasic {
            throw GenAuthError.invalidRequest(
                reason: "GenAuth's OAuth 2.0 revocation endpoint does not take client_secret_basic; use client_secret_post"
            ).thrown(by: GenAuthCall(operation: operation, method: "POST", path: prefix + Endpoint.revocation.path))
        }
        var fields = ["token": token]
        if let tokenTypeHint { fields["token_type_hint"] = tokenTypeHint.rawValue }
        let request = try formRequest(.revocation, fields: fields, operation: operation, secrets: [token])
        try await client.executor.sendIgnoringBody(request)
        if token == client.accessToken { client.setAccessToken(nil) }
    }
}

/// `token_type_hint` (RFC 7009 §2.1, RFC 7662 §2.1).
public struct TokenTypeHint: RawRepresentable, Sendable, Hashable {
    /// The value, such as `access_token`.
    public let rawValue: String
    /// Creates a hint from its value.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// An access token.
    public static let accessToken = TokenTypeHint(rawValue: "access_token")
    /// A refresh token.
    public static let refreshToken = TokenTypeHint(rawValue: "refresh_token")
}
