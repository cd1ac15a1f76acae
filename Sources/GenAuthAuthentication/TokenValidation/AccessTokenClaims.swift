#if TokenValidation
import Foundation

/// The claims of a JWT access token that ``OIDCClient/introspectAccessTokenOffline(_:)`` validated: the standard ones
/// typed (RFC 9068 §2.2, and the `tenant_id` GenAuth adds), and every claim as sent in ``claims``.
public struct AccessTokenClaims: Sendable, Hashable {
    /// `iss`: the issuer, `https://YOUR_APP.genauth.ai/oidc`.
    public var iss: String
    /// `sub`: the user the token acts for; nil in a token a client got for itself (client credentials) that names none.
    public var sub: String?
    /// `aud`: the audiences; the app ID among them.
    public var aud: [String]
    /// `exp`: when the token expires.
    public var exp: Date
    /// `iat`: when the token was issued, if it says.
    public var iat: Date?
    /// `nbf`: when the token becomes valid, if it says.
    public var nbf: Date?
    /// `jti`: the token's unique ID, if it has one.
    public var jti: String?
    /// `scope`: the scopes granted, separated by spaces, such as `openid profile email`.
    public var scope: String?
    /// `client_id`: the client the token was issued to, if the token names it.
    public var clientId: String?
    /// `tenant_id`: the tenant the user signed in to, in a multi-tenant application.
    public var tenantId: String?
    /// Every claim of the token, as sent.
    public var claims: [String: JSONValue]

    /// ``scope`` split at spaces: `["openid", "profile"]`; empty when the token has no scope.
    public var scopes: [String] {
        scope?.split(separator: " ").map(String.init) ?? []
    }

    init(_ validated: ValidatedClaims) {
        iss = validated.iss
        sub = validated.sub
        aud = validated.aud
        exp = validated.exp
        iat = validated.iat
        nbf = validated.nbf
        jti = validated.claims.string("jti")
        scope = validated.claims.string("scope")
        clientId = validated.claims.string("client_id")
        tenantId = validated.claims.string("tenant_id")
        claims = validated.claims
    }
}
#endif
