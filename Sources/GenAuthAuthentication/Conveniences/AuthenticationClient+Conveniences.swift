import Foundation

// What GenAuth's hand-written SDKs offer over the generated calls: sign-in in one call, and the OIDC token
// endpoints' refresh and revocation as the client's own methods (the rest of OIDC is `client.oidc`).

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
    /// `grant_type=refresh_token`, form-encoded). The client keeps the new access token. The same as
    /// ``OIDCClient/getNewAccessTokenByRefreshToken(_:)``.
    ///
    /// - Parameter refreshToken: The refresh token of an earlier sign-in (ask for scope `offline_access`).
    /// - Returns: The new tokens.
    /// - Throws: ``/GenAuthCore/GenAuthError``; an expired or revoked refresh token is an ``/GenAuthCore/GenAuthError/oauth(_:)``
    ///   (`invalid_grant`).
    public func refreshToken(_ refreshToken: String) async throws(GenAuthError) -> OIDCTokenResponse {
        try await ProtocolFamily(kind: .oidc, client: self).tokensByRefreshToken(refreshToken, operation: "refreshToken")
    }

    /// Revokes an access token or a refresh token at the OIDC revocation endpoint (`POST /oidc/token/revocation`,
    /// form-encoded). Revoking the client's own access token stops sending it. The same as
    /// ``OIDCClient/revokeToken(_:tokenTypeHint:)``.
    ///
    /// - Parameter token: The token to revoke.
    /// - Throws: ``/GenAuthCore/GenAuthError``.
    public func revokeToken(_ token: String) async throws(GenAuthError) {
        try await ProtocolFamily(kind: .oidc, client: self).revoke(token, tokenTypeHint: nil, operation: "revokeToken")
    }
}
