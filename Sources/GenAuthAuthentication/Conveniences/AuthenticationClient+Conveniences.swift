import Foundation

// What GenAuth's hand-written SDKs offer over the generated calls: sign-in in one call, and the OIDC token
// endpoints, which GenAuth's document hides from SDKs.

extension AuthenticationClient {
    /// Signs a user in with an email address and password (`POST /api/v3/signin`, connection `PASSWORD`).
    ///
    /// When the sign-in succeeds (`statusCode` 200 with an access token), the client keeps the token and
    /// sends it with every later request, as ``setAccessToken(_:)`` does. The app ID and, when the options
    /// have one, the app secret are sent as `client_id` and `client_secret`.
    ///
    /// - Parameters:
    ///   - email: The user's email address.
    ///   - password: The user's password, sent as it is over HTTPS.
    ///   - options: Optional sign-in options (scope, client IP, tenant, …).
    /// - Returns: The response; its `data` holds the tokens.
    /// - Throws: ``/GenAuthCore/GenAuthError``.
    public func signInByEmailPassword(email: String, password: String, options: SignInOptionsDto? = nil) async throws(GenAuthError) -> LoginTokenRespDto {
        try await signIn(operation: "signInByEmailPassword", SigninByCredentialsDto(
            connection: .password,
            passwordPayload: SignInByPasswordPayloadDto(password: password, email: email),
            options: options,
            clientId: self.options.appId,
            clientSecret: self.options.appSecret))
    }

    /// Signs a user in with a phone number and the one-time pass code sent to it by ``sendSms(_:)``
    /// (`POST /api/v3/signin`, connection `PASSCODE`). Keeps the access token on success, like
    /// ``signInByEmailPassword(email:password:options:)``.
    ///
    /// - Parameters:
    ///   - phone: The phone number, without its country code.
    ///   - passCode: The code the user received.
    ///   - phoneCountryCode: The country code, such as `+86`; optional for mainland China numbers.
    ///   - options: Optional sign-in options.
    /// - Returns: The response; its `data` holds the tokens.
    /// - Throws: ``/GenAuthCore/GenAuthError``.
    public func signInByPhonePassCode(
        phone: String, passCode: String, phoneCountryCode: String? = nil, options: SignInOptionsDto? = nil
    ) async throws(GenAuthError) -> LoginTokenRespDto {
        try await signIn(operation: "signInByPhonePassCode", SigninByCredentialsDto(
            connection: .passcode,
            passCodePayload: SignInByPassCodePayloadDto(passCode: passCode, phone: phone, phoneCountryCode: phoneCountryCode),
            options: options,
            clientId: self.options.appId,
            clientSecret: self.options.appSecret))
    }

    private func signIn(operation: String, _ request: SigninByCredentialsDto) async throws(GenAuthError) -> LoginTokenRespDto {
        let response: LoginTokenRespDto
        do {
            response = try await signInByCredentials(request)
        } catch {
            throw error.thrown(byOperation: operation)
        }
        if response.statusCode == 200, let token = response.data.accessToken, !token.isEmpty {
            setAccessToken(token)
        }
        return response
    }

    /// Exchanges a refresh token for new tokens at the OIDC token endpoint (`POST /oidc/token`,
    /// `grant_type=refresh_token`, form-encoded). The client keeps the new access token.
    ///
    /// - Parameter refreshToken: The refresh token of an earlier sign-in (ask for scope `offline_access`).
    /// - Returns: The new tokens.
    /// - Throws: ``/GenAuthCore/GenAuthError``; an expired or revoked refresh token is an ``/GenAuthCore/GenAuthError/httpStatus(_:)`` (400).
    public func refreshToken(_ refreshToken: String) async throws(GenAuthError) -> OIDCTokenResponse {
        let response = try await executor.send(
            APIRequest(operation: "refreshToken", method: "POST", path: "/oidc/token", body: .form(OIDCTokenForm(
                grantType: "refresh_token", refreshToken: refreshToken, token: nil,
                clientId: options.appId, clientSecret: options.appSecret)), secrets: [refreshToken]),
            as: OIDCTokenResponse.self)
        if let token = response.accessToken, !token.isEmpty { setAccessToken(token) }
        return response
    }

    /// Revokes an access token or a refresh token at the OIDC revocation endpoint
    /// (`POST /oidc/token/revocation`, form-encoded). Revoking the client's own access token stops sending it.
    ///
    /// - Parameter token: The token to revoke.
    /// - Throws: ``/GenAuthCore/GenAuthError``.
    public func revokeToken(_ token: String) async throws(GenAuthError) {
        try await executor.sendIgnoringBody(
            APIRequest(operation: "revokeToken", method: "POST", path: "/oidc/token/revocation", body: .form(OIDCTokenForm(
                grantType: nil, refreshToken: nil, token: token,
                clientId: options.appId, clientSecret: options.appSecret)), secrets: [token]))
        if token == accessToken { setAccessToken(nil) }
    }
}

/// The fields of a request to GenAuth's OIDC token endpoints.
struct OIDCTokenForm: Encodable, Sendable {
    var grantType: String?
    var refreshToken: String?
    var token: String?
    var clientId: String
    var clientSecret: String?

    enum CodingKeys: String, CodingKey {
        case grantType = "grant_type"
        case refreshToken = "refresh_token"
        case token
        case clientId = "client_id"
        case clientSecret = "client_secret"
    }
}

/// The response of the OIDC token endpoint (`POST /oidc/token`).
public struct OIDCTokenResponse: Codable, Hashable, Sendable {
    /// The new access token.
    public var accessToken: String?
    /// The new ID token, when the scope includes `openid`.
    public var idToken: String?
    /// A new refresh token, when the application rotates them.
    public var refreshToken: String?
    /// `Bearer`.
    public var tokenType: String?
    /// Seconds until the access token expires.
    public var expiresIn: Int?
    /// The scopes granted.
    public var scope: String?

    /// Creates a token response.
    public init(accessToken: String? = nil, idToken: String? = nil, refreshToken: String? = nil, tokenType: String? = nil, expiresIn: Int? = nil, scope: String? = nil) {
        self.accessToken = accessToken
        self.idToken = idToken
        self.refreshToken = refreshToken
        self.tokenType = tokenType
        self.expiresIn = expiresIn
        self.scope = scope
    }

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case idToken = "id_token"
        case refreshToken = "refresh_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case scope
    }
}
