import Foundation

#if TokenValidation
extension OIDCClient {
    /// Validates an ID token locally and returns its claims: GenAuth's `parseIDToken` (Node, Go), but checking
    /// everything OpenID Connect asks of a client, where GenAuth's own SDKs check the signature at most.
    ///
    /// The token is refused (``/GenAuthCore/GenAuthError/invalidToken(_:)``, with the kind of the check that failed)
    /// unless:
    /// - it is a JWS in compact serialization: three base64url parts without padding, a header and a payload that are
    ///   JSON objects with unique member names, no `crit` extension (RFC 7515 §5.2, §4.1.11; RFC 7519 §7.2) —
    ///   `malformed`;
    /// - its `alg` is RS256 or HS256 (RFC 8725 §3.1); `none` and every other algorithm are refused —
    ///   `unsupportedAlgorithm`;
    /// - its signature verifies (RFC 7515 §5.2 step 8) — `invalidSignature`: an RS256 token with the key of the
    ///   application's key set that its `kid` names (RFC 7517 §4.5; a token without `kid` with the set's only RSA key),
    ///   an HS256 token with the app secret, compared in constant time. The algorithm decides the key: an RSA key is
    ///   never used as an HMAC secret (RFC 8725 §2.1). No key with that `kid`, or no app secret for HS256: `unknownKey`;
    /// - `iss` is the expected issuer, `{appHost}/oidc` by default (OpenID Connect Core 1.0 §3.1.3.7 item 2) —
    ///   `issuerMismatch`;
    /// - `aud` contains the app ID (item 3) and `azp`, when present, is the app ID (item 5) — `audienceMismatch`; a
    ///   token with several audiences must have `azp` (item 4) — `missingClaim`;
    /// - `exp` is in the future (item 9, RFC 7519 §4.1.4) — `expired`; `nbf`, if present, and `iat` are not in the
    ///   future (RFC 7519 §4.1.5–4.1.6, item 10) — `notYetValid`; each with the options' leeway (60 s by default);
    /// - `nonce` is the one given, when one is given (item 11) — `nonceMismatch`;
    /// - `at_hash`, when the token has one and an access token is given, is the base64url of the left half of the
    ///   access token's SHA-256 (§3.1.3.8, §3.3.2.11): the two were issued together — `accessTokenMismatch`. A token
    ///   without `at_hash` passes: the code flow makes it optional (§3.1.3.6);
    /// - `iss`, `sub`, `aud`, `exp` and `iat` are present with their types, and `nbf`, `azp`, `auth_time` and `nonce` have
    ///   theirs when present — `missingClaim`, naming the claim.
    ///
    /// RS256 keys come from `GET {appHost}/oidc/.well-known/jwks.json` (``TokenValidationOptions/jwksPath``), fetched
    /// with the client's transport when first needed and then cached by the client; fetched again when a token names
    /// an unknown `kid`, at most once per ``TokenValidationOptions/jwksRefetchInterval``. Concurrent validations share
    /// one fetch. A failed fetch is thrown as what it is (``/GenAuthCore/GenAuthError/httpStatus(_:)``, say), its
    /// ``/GenAuthCore/GenAuthCall/step`` naming the fetch of the signing keys.
    ///
    /// No error, description or message contains the token or the app secret.
    ///
    /// ```swift
    /// let client = AuthenticationClient(options: AuthenticationClientOptions(
    ///     appId: "GENAUTH_APP_ID",
    ///     appSecret: "GENAUTH_APP_SECRET",
    ///     appHost: "https://YOUR_APP.genauth.ai"
    /// ))
    /// let claims = try await client.oidc.parseIDToken("ID_TOKEN", nonce: "NONCE_OF_THE_AUTHORIZATION_REQUEST")
    /// print(claims.sub, claims.email ?? "-", claims.exp)
    /// ```
    ///
    /// - Parameters:
    ///   - idToken: The ID token, as the token endpoint returned it (`id_token`).
    ///   - nonce: The `nonce` the authorization request sent, to check that the token answers that request; nil to
    ///     skip the check (a token with a nonce is then not refused for it).
    ///   - accessToken: The access token issued with the ID token (`access_token` of the same answer), to check the
    ///     ID token's `at_hash` against; nil to skip the check.
    /// - Returns: The token's claims.
    /// - Throws: ``/GenAuthCore/GenAuthError/invalidToken(_:)`` for a token that fails a check; the fetch's error
    ///   when the signing keys could not be fetched.
    public func parseIDToken(_ idToken: String, nonce: String? = nil, accessToken: String? = nil) async throws(GenAuthError) -> IDTokenClaims {
        IDTokenClaims(try await LocalTokenValidator(client: client, operation: "parseIDToken")
            .validate(idToken, as: .idToken(nonce: nonce, accessToken: accessToken)))
    }

    /// Validates a JWT access token locally, without asking GenAuth, and returns its claims: GenAuth's
    /// `introspectAccessTokenOffline` (Java, Go), but checking the claims too. For a server that receives the
    /// token as `authorization: Bearer …`.
    ///
    /// The token is refused (``/GenAuthCore/GenAuthError/invalidToken(_:)``, with the kind of the check that failed)
    /// unless:
    /// - it is a JWS in compact serialization, as ``parseIDToken(_:nonce:accessToken:)`` checks (RFC 7515 §5.2, RFC 7519 §7.2) —
    ///   `malformed`; its `typ`, when present, is `JWT` or `at+jwt` (RFC 8725 §3.11) — `malformed`;
    /// - its `alg` is RS256 (RFC 9068 §4 item 4, RFC 8725 §3.1); HS256, `none` and every other algorithm are
    ///   refused — `unsupportedAlgorithm`;
    /// - its signature verifies with the key of the application's key set that its `kid` names (RFC 7515 §5.2 step 8,
    ///   RFC 7517 §4.5) — `invalidSignature`, or `unknownKey` when the set has no such key even after fetching it again;
    /// - `iss` is the expected issuer (RFC 9068 §4 item 2) — `issuerMismatch`;
    /// - `aud` contains the app ID (RFC 9068 §4 item 3) — `audienceMismatch`;
    /// - `exp` is in the future (RFC 9068 §4 item 5, RFC 7519 §4.1.4) — `expired`; `nbf` and `iat`, when present, are
    ///   not in the future (RFC 7519 §4.1.5–4.1.6) — `notYetValid`; each with the options' leeway;
    /// - `iss`, `aud` and `exp` are present with their types, and `sub`, `iat` and `nbf` have theirs when present —
    ///   `missingClaim`, naming the claim.
    ///
    /// The key set is fetched, cached and fetched again as for ``parseIDToken(_:nonce:accessToken:)``; the two share it.
    /// Validating locally cannot tell whether the token was revoked: use GenAuth's introspection endpoint for that.
    ///
    /// No error, description or message contains the token or the app secret.
    ///
    /// ```swift
    /// let client = AuthenticationClient(options: AuthenticationClientOptions(
    ///     appId: "GENAUTH_APP_ID",
    ///     appHost: "https://YOUR_APP.genauth.ai"
    /// ))
    /// let claims = try await client.oidc.introspectAccessTokenOffline("ACCESS_TOKEN")
    /// print(claims.sub ?? "-", claims.scopes, claims.exp)
    /// ```
    ///
    /// - Parameter accessToken: The access token, as the client sent it (without `Bearer `).
    /// - Returns: The token's claims.
    /// - Throws: ``/GenAuthCore/GenAuthError/invalidToken(_:)`` for a token that fails a check; the fetch's error
    ///   when the signing keys could not be fetched.
    public func introspectAccessTokenOffline(_ accessToken: String) async throws(GenAuthError) -> AccessTokenClaims {
        AccessTokenClaims(try await LocalTokenValidator(client: client, operation: "introspectAccessTokenOffline").validate(accessToken, as: .accessToken))
    }
}
#else
extension OIDCClient {
    /// Local validation of ID tokens: needs the package trait `TokenValidation`.
    @available(
        *, unavailable,
        message: "local token validation needs the package trait TokenValidation: .package(url: \"…/genauth-swift\", branch: \"main\", traits: [\"TokenValidation\"])"
    )
    public func parseIDToken(_ idToken: String, nonce: String? = nil, accessToken: String? = nil) async throws(GenAuthError) -> IDTokenClaims {
        fatalError("unavailable")
    }

    /// Local validation of access tokens: needs the package trait `TokenValidation`.
    @available(
        *, unavailable,
        message: "local token validation needs the package trait TokenValidation: .package(url: \"…/genauth-swift\", branch: \"main\", traits: [\"TokenValidation\"])"
    )
    public func introspectAccessTokenOffline(_ accessToken: String) async throws(GenAuthError) -> AccessTokenClaims {
        fatalError("unavailable")
    }
}

/// The claims of a validated ID token: needs the package trait `TokenValidation`.
@available(
    *, unavailable,
    message: "local token validation needs the package trait TokenValidation: .package(url: \"…/genauth-swift\", branch: \"main\", traits: [\"TokenValidation\"])"
)
public struct IDTokenClaims {}

/// The claims of a validated access token: needs the package trait `TokenValidation`.
@available(
    *, unavailable,
    message: "local token validation needs the package trait TokenValidation: .package(url: \"…/genauth-swift\", branch: \"main\", traits: [\"TokenValidation\"])"
)
public struct AccessTokenClaims {}
#endif
