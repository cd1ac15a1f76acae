#if TokenValidation
import Foundation

/// The claims of an ID token that ``OIDCClient/parseIDToken(_:nonce:accessToken:)`` validated: the standard ones typed, and every
/// claim as GenAuth sent it in ``claims``.
///
/// The claims that were checked (`iss`, `aud`, `exp`, `iat`, `nbf`, `azp`, `nonce`, `sub`, `auth_time`) have the types
/// the specifications give them, or the token was refused. The profile, email and phone claims (OpenID Connect Core
/// 1.0 §5.1) are read as sent: one GenAuth sends with another type is `nil` here and stays in ``claims``.
public struct IDTokenClaims: Sendable, Hashable {
    /// `iss`: the issuer, `https://YOUR_APP.genauth.ai/oidc`.
    public var iss: String
    /// `sub`: the user's ID in GenAuth.
    public var sub: String
    /// `aud`: the audiences; the app ID among them.
    public var aud: [String]
    /// `exp`: when the token expires.
    public var exp: Date
    /// `iat`: when the token was issued.
    public var iat: Date
    /// `nbf`: when the token becomes valid, if it says.
    public var nbf: Date?
    /// `auth_time`: when the user signed in, if the token says.
    public var authTime: Date?
    /// `nonce`: the value of the authorization request's `nonce`, if it had one.
    public var nonce: String?
    /// `azp`: the client the token was issued to (the app ID), when the token names one.
    public var azp: String?
    /// `at_hash`: the left half of the SHA-256 of the access token issued with it, base64url-encoded (OpenID Connect
    /// Core 1.0 §3.1.3.6); checked when ``OIDCClient/parseIDToken(_:nonce:accessToken:)`` is given the access token.
    public var atHash: String?

    /// `name`: the user's full name.
    public var name: String?
    /// `given_name`
    public var givenName: String?
    /// `family_name`
    public var familyName: String?
    /// `middle_name`
    public var middleName: String?
    /// `nickname`
    public var nickname: String?
    /// `preferred_username`: the name the user signs in with, if they have one.
    public var preferredUsername: String?
    /// `profile`: the URL of the user's profile page.
    public var profile: String?
    /// `picture`: the URL of the user's picture.
    public var picture: String?
    /// `website`
    public var website: String?
    /// `gender`, as GenAuth writes it (`M`, `F` or `U`, or OpenID's `male`, `female`).
    public var gender: String?
    /// `birthdate`, as written (`YYYY-MM-DD`, or `YYYY`).
    public var birthdate: String?
    /// `zoneinfo`: the user's time zone, such as `Asia/Shanghai`.
    public var zoneinfo: String?
    /// `locale`, such as `zh-CN`.
    public var locale: String?
    /// `updated_at`: when the profile last changed. OpenID Connect sends seconds since 1970; a date GenAuth writes as
    /// text (`2023-11-01T08:00:00.000Z`) or in milliseconds is read too.
    public var updatedAt: Date?
    /// `email`
    public var email: String?
    /// `email_verified`: whether GenAuth verified ``email``.
    public var emailVerified: Bool?
    /// `phone_number`
    public var phoneNumber: String?
    /// `phone_number_verified`: whether GenAuth verified ``phoneNumber``.
    public var phoneNumberVerified: Bool?

    /// Every claim of the token, as sent: the standard ones above and any other (custom claims, `address`, …).
    public var claims: [String: JSONValue]

    init(_ validated: ValidatedClaims) {
        let claims = validated.claims
        iss = validated.iss
        // ClaimChecks requires `sub` and `iat` of ID tokens: the fallbacks are never used.
        sub = validated.sub ?? ""
        aud = validated.aud
        exp = validated.exp
        iat = validated.iat ?? validated.exp
        nbf = validated.nbf
        authTime = validated.authTime
        azp = validated.azp
        nonce = claims.string("nonce")
        atHash = claims.string("at_hash")
        name = claims.string("name")
        givenName = claims.string("given_name")
        familyName = claims.string("family_name")
        middleName = claims.string("middle_name")
        nickname = claims.string("nickname")
        preferredUsername = claims.string("preferred_username")
        profile = claims.string("profile")
        picture = claims.string("picture")
        website = claims.string("website")
        gender = claims.string("gender")
        birthdate = claims.string("birthdate")
        zoneinfo = claims.string("zoneinfo")
        locale = claims.string("locale")
        updatedAt = claims.date("updated_at")
        email = claims.string("email")
        emailVerified = claims.bool("email_verified")
        phoneNumber = claims.string("phone_number")
        phoneNumberVerified = claims.bool("phone_number_verified")
        self.claims = claims
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// The claim `name` when it is a string.
    func string(_ name: String) -> String? {
        if case .string(let value)? = self[name] { return value }
        return nil
    }

    /// The claim `name` when it is a boolean.
    func bool(_ name: String) -> Bool? {
        if case .bool(let value)? = self[name] { return value }
        return nil
    }

    /// The claim `name` as a date: a number (seconds, or milliseconds as GenAuth writes some), or text GenAuth's date
    /// parser reads.
    func date(_ name: String) -> Date? {
        switch self[name] {
        case .integer(let number)?: return GenAuthDate.fromUnixTime(Double(number))
        case .number(let number)?: return GenAuthDate.fromUnixTime(number)
        case .string(let text)?: return GenAuthDate.parse(text)
        default: return nil
        }
    }
}
#endif
