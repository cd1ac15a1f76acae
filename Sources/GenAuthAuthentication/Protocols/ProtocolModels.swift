import Foundation

/// The response of the OIDC and OAuth token endpoints (`POST /oidc/token`, RFC 6749 §5.1).
public struct OIDCTokenResponse: Codable, Hashable, Sendable {
    /// The new access token.
    public var accessToken: String?
    /// The new ID token, when the scope includes `openid`.
    public var idToken: String?
    /// A new refresh token, when the scope includes `offline_access`.
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

/// The claims of the user info endpoint (OIDC Core §5.3.2).
public struct OIDCUserInfo: Codable, Hashable, Sendable {
    /// The user's ID.
    public var sub: String
    /// Every claim as sent.
    public var claims: [String: JSONValue]

    /// Creates user info.
    public init(sub: String, claims: [String: JSONValue]) {
        self.sub = sub
        self.claims = claims
    }

    /// Decodes the claims.
    public init(from decoder: any Decoder) throws {
        claims = try [String: JSONValue](from: decoder)
        guard case .string(let sub)? = claims["sub"] else {
            throw DecodingError.keyNotFound(
                JSONValueKey("sub"), DecodingError.Context(codingPath: [], debugDescription: "required claim 'sub' is missing"))
        }
        self.sub = sub
    }

    /// Encodes the claims.
    public func encode(to encoder: any Encoder) throws {
        try claims.encode(to: encoder)
    }
}

struct JSONValueKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// The answer of the introspection endpoint (RFC 7662 §2.2).
public struct TokenIntrospection: Codable, Hashable, Sendable {
    /// Whether the token is valid now.
    public var active: Bool
    /// The user.
    public var sub: String?
    /// The application the token was issued to.
    public var clientId: String?
    /// Expiry, in seconds since 1970.
    public var exp: Int?
    /// Issue time, in seconds since 1970.
    public var iat: Int?
    /// The issuer.
    public var iss: String?
    /// The token's ID.
    public var jti: String?
    /// The scopes.
    public var scope: String?
    /// `Bearer`.
    public var tokenType: String?

    /// Creates an introspection answer.
    public init(active: Bool, sub: String? = nil, clientId: String? = nil, exp: Int? = nil, iat: Int? = nil, iss: String? = nil, jti: String? = nil, scope: String? = nil, tokenType: String? = nil) {
        self.active = active
        self.sub = sub
        self.clientId = clientId
        self.exp = exp
        self.iat = iat
        self.iss = iss
        self.jti = jti
        self.scope = scope
        self.tokenType = tokenType
    }

    enum CodingKeys: String, CodingKey {
        case active, sub, exp, iat, iss, jti, scope
        case clientId = "client_id"
        case tokenType = "token_type"
    }
}
