#if TokenValidation
import Foundation
import GenAuthCrypto

/// The claims of a token whose signature verified, checked as RFC 7519 §7.2 step 10 leaves to the application:
/// OpenID Connect Core 1.0 §3.1.3.7 for ID tokens, RFC 9068 §4 for access tokens.
struct ClaimChecks {
    /// What the token must be, and what the caller expects of it.
    enum Expectation {
        /// An ID token; `nonce`, when given, is the one the authorization request sent, and `accessToken` the access
        /// token issued with it.
        case idToken(nonce: String?, accessToken: String?)
        /// A JWT access token.
        case accessToken
    }

    /// The claims set, as the payload holds it.
    let claims: [String: JSONValue]
    /// The `iss` to expect.
    let issuer: String
    /// The application's ID: the audience to expect, and the authorized party of an ID token with several.
    let appId: String
    /// Now, by the client's clock.
    let now: Date
    /// Seconds of clock skew allowed for `exp`, `iat` and `nbf`.
    let leeway: TimeInterval
    let failures: TokenFailures

    init(claims: [String: JSONValue], issuer: String, appId: String, now: Date, leeway: TimeInterval, _ failures: TokenFailures) {
        self.claims = claims
        self.issuer = issuer
        self.appId = appId
        self.now = now
        self.leeway = leeway.isNaN ? 0 : max(0, leeway)
        self.failures = failures
    }

    /// Runs every check for `expectation`; throws the first that fails.
    func validate(_ expectation: Expectation) throws(GenAuthError) -> ValidatedClaims {
        let isIDToken: Bool
        if case .idToken = expectation { isIDToken = true } else { isIDToken = false }

        // OIDC Core §3.1.3.7 item 2, RFC 9068 §4 item 2: the issuer, exactly.
        let iss = try string("iss", required: true)!
        guard iss == issuer else {
            throw failures.error(.issuerMismatch, "iss is \(failures.quote(iss)), not the expected issuer \(failures.quote(issuer))", claim: "iss")
        }
        // OIDC Core §3.1.3.7 item 3, RFC 9068 §4 item 3: the application is an audience.
        let aud = try audience()
        guard aud.contains(appId) else {
            let listed = aud.prefix(3).map(failures.quote).joined(separator: ", ") + (aud.count > 3 ? ", …" : "")
            throw failures.error(.audienceMismatch, aud.isEmpty
                ? "aud is an empty list, so it does not name the app ID \(failures.quote(appId))"
                : "aud (\(listed)) does not contain the app ID \(failures.quote(appId))", claim: "aud")
        }
        // OIDC Core §3.1.3.7 items 4–5: with several audiences the authorized party must be named, and be this app.
        let azp = try string("azp", required: false)
        if isIDToken, let azp, azp != appId {
            throw failures.error(.audienceMismatch, "azp is \(failures.quote(azp)), not the app ID \(failures.quote(appId)): the token was issued to another client", claim: "azp")
        }
        if isIDToken, aud.count > 1, azp == nil {
            throw failures.error(.missingClaim, "the token has \(aud.count) audiences and no azp to say which is the client it was issued to (OpenID Connect Core 1.0 §3.1.3.7 items 4–5)", claim: "azp")
        }

        // RFC 7519 §4.1.4, OIDC Core §3.1.3.7 item 9, RFC 9068 §4 item 5: not expired.
        let exp = try numericDate("exp", required: true)!
        guard now < exp.addingTimeInterval(leeway) else {
            throw failures.error(.expired, "the token expired at \(Self.describe(exp)), \(Self.seconds(now.timeIntervalSince(exp))) ago, beyond the leeway of \(Self.seconds(leeway))", claim: "exp")
        }
        // RFC 7519 §4.1.5: not before `nbf`.
        let nbf = try numericDate("nbf", required: false)
        if let nbf, now.addingTimeInterval(leeway) < nbf {
            throw failures.error(.notYetValid, "the token is not valid before \(Self.describe(nbf)), \(Self.seconds(nbf.timeIntervalSince(now))) from now, beyond the leeway of \(Self.seconds(leeway))", claim: "nbf")
        }
        // RFC 7519 §4.1.6, OIDC Core §2 and §3.1.3.7 item 10: issued in the past (required of ID tokens).
        let iat = try numericDate("iat", required: isIDToken)
        if let iat, now.addingTimeInterval(leeway) < iat {
            throw failures.error(.notYetValid, "the token was issued at \(Self.describe(iat)), \(Self.seconds(iat.timeIntervalSince(now))) in the future, beyond the leeway of \(Self.seconds(leeway))", claim: "iat")
        }

        // OIDC Core §2: an ID token always names its subject.
        let sub = try string("sub", required: isIDToken)
        // OIDC Core §3.1.3.7 item 11: the nonce the authorization request sent comes back. A token with a nonce the
        // caller did not give is not refused: the caller did not ask for the check.
        if case .idToken(let expected?, _) = expectation {
            let nonce = try string("nonce", required: true)!
            guard nonce == expected else {
                throw failures.error(.nonceMismatch, "nonce differs from the one given: the token does not answer this authorization request (a replayed or injected token)", claim: "nonce")
            }
        }
        // OIDC Core §3.1.3.8 and §3.3.2.11: `at_hash` is the base64url of the left half of the hash of the access token's
        // ASCII octets, with the hash of the ID token's `alg` (SHA-256 for RS256 and HS256, the only ones accepted).
        // Optional in the code flow (§3.1.3.6): a token without it is not refused.
        if case .idToken(_, let accessToken?) = expectation, let atHash = try string("at_hash", required: false) {
            let expected = Base64URL.encode(SHA256.hash(accessToken).prefix(16))
            guard atHash == expected else {
                throw failures.error(.accessTokenMismatch, "at_hash does not match the access token given: the two were not issued together", claim: "at_hash")
            }
        }
        return ValidatedClaims(
            iss: iss, sub: sub, aud: aud, exp: exp, iat: iat, nbf: nbf, azp: azp,
            authTime: try numericDate("auth_time", required: false), claims: claims)
    }

    // MARK: - Reading claims

    /// A string claim. Present with another type, or missing when required: `missingClaim`.
    func string(_ name: String, required: Bool) throws(GenAuthError) -> String? {
        switch claims[name] {
        case .string(let value)?: return value
        case nil where !required: return nil
        case nil: throw failures.error(.missingClaim, "the token has no \(name) claim, which is required here", claim: name)
        case let other?: throw failures.error(.missingClaim, "\(name) is \(failures.describe(other)), not a string", claim: name)
        }
    }

    /// A NumericDate claim (RFC 7519 §2): seconds since 1970-01-01T00:00:00Z, possibly with a fraction.
    func numericDate(_ name: String, required: Bool) throws(GenAuthError) -> Date? {
        switch claims[name] {
        case .integer(let seconds)?: return Date(timeIntervalSince1970: TimeInterval(seconds))
        case .number(let seconds)?: return Date(timeIntervalSince1970: seconds)
        case nil where !required: return nil
        case nil: throw failures.error(.missingClaim, "the token has no \(name) claim, which is required here", claim: name)
        case let other?:
            throw failures.error(.missingClaim, "\(name) is \(failures.describe(other)), not a NumericDate (a number of seconds, RFC 7519 §2)", claim: name)
        }
    }

    /// `aud` (RFC 7519 §4.1.3): one string, or an array of strings.
    func audience() throws(GenAuthError) -> [String] {
        switch claims["aud"] {
        case .string(let value)?:
            return [value]
        case .array(let values)?:
            var audiences: [String] = []
            for value in values {
                guard case .string(let audience) = value else {
                    throw failures.error(.missingClaim, "aud holds \(failures.describe(value)), not only strings (RFC 7519 §4.1.3)", claim: "aud")
                }
                audiences.append(audience)
            }
            return audiences
        case nil:
            throw failures.error(.missingClaim, "the token has no aud claim, which is required here", claim: "aud")
        case let other?:
            throw failures.error(.missingClaim, "aud is \(failures.describe(other)), neither a string nor an array of strings (RFC 7519 §4.1.3)", claim: "aud")
        }
    }

    // MARK: - Messages

    /// `2025-12-01T12:00:00Z`; a date beyond year 9999, which a hostile token may name, as its number.
    static func describe(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard abs(seconds) < 253_402_300_800 else { return "NumericDate \(seconds)" }
        return date.formatted(Date.ISO8601FormatStyle())
    }

    /// `42 s`, rounded to whole seconds.
    static func seconds(_ value: TimeInterval) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "\(value) s" }
        return "\(Int(value.rounded())) s"
    }
}

/// The standard claims of a token that passed every check, typed.
struct ValidatedClaims {
    var iss: String
    var sub: String?
    var aud: [String]
    var exp: Date
    var iat: Date?
    var nbf: Date?
    var azp: String?
    var authTime: Date?
    var claims: [String: JSONValue]
}
#endif
