#if TokenValidation
import Foundation

/// A token in the JWS Compact Serialization (RFC 7515 §3.1, §7.1), split and decoded as RFC 7515 §5.2 says, before
/// anything in it is trusted: `BASE64URL(header) . BASE64URL(payload) . BASE64URL(signature)`.
///
/// The payload is only decoded by ``claims(_:)``, which the validator calls once the signature has been verified
/// (RFC 8725 §3.1: the claims of a token whose signature was not checked are not read).
struct CompactJWS {
    /// The JOSE header (RFC 7515 §4).
    let header: JOSEHeader
    /// `ASCII(BASE64URL(header) . BASE64URL(payload))`, the bytes the signature covers (RFC 7515 §5.2 step 8).
    let signingInput: Data
    /// The decoded signature.
    let signature: Data
    /// The decoded payload, not yet read as JSON.
    private let payload: Data

    /// Tokens longer than this are rejected before anything is decoded. GenAuth's tokens are a few KiB; a header
    /// field rarely takes more than 8 KiB, so anything near this limit is not a token.
    static let maximumLength = 65_536

    /// Splits and decodes `token`. Throws `malformed` unless it is three base64url parts whose first is a JSON object
    /// with an `alg`.
    init(parsing token: String, _ failures: TokenFailures) throws(GenAuthError) {
        let bytes = token.utf8
        guard bytes.count <= Self.maximumLength else {
            throw failures.error(.malformed, "the token is \(bytes.count) bytes long, more than the \(Self.maximumLength) accepted")
        }
        // RFC 7515 §5.2 step 1: exactly two periods. A JWE (RFC 7516 §7.1) has four: encrypted tokens are not accepted.
        let parts = Substring(token).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw failures.error(.malformed, parts.count == 5
                ? "the token has five parts: it is a JWE (an encrypted token), and only signed tokens (JWS) are accepted"
                : "the token has \(parts.count) part\(parts.count == 1 ? "" : "s"), not the three of a JWS in compact serialization (RFC 7515 §7.1)")
        }
        // Steps 2–4: the header is base64url-encoded UTF-8 of a JSON object, with unique member names.
        guard let headerBytes = Base64URL.decode(parts[0].utf8), !headerBytes.isEmpty else {
            throw failures.error(.malformed, "the header is not base64url without padding (RFC 7515 §2)")
        }
        header = try JOSEHeader(decoding: headerBytes, failures)
        // Step 7: the signature. An empty one is read as empty: `alg` decides, and `none` is refused before it is used.
        guard let signature = Base64URL.decode(parts[2].utf8) else {
            throw failures.error(.malformed, "the signature is not base64url without padding (RFC 7515 §2)")
        }
        self.signature = signature
        // Step 6: the payload's encoding is checked here, so that a token whose payload cannot be decoded is malformed
        // whatever its signature; its JSON is read by claims(_:), once the signature is verified.
        guard let payload = Base64URL.decode(parts[1].utf8) else {
            throw failures.error(.malformed, "the payload is not base64url without padding (RFC 7515 §2)")
        }
        self.payload = payload
        signingInput = Data(token.utf8[parts[0].startIndex..<parts[1].endIndex])
    }

    /// The JWT claims set (RFC 7519 §7.2 steps 9–10): the payload, a JSON object with unique claim names.
    func claims(_ failures: TokenFailures) throws(GenAuthError) -> [String: JSONValue] {
        switch JOSEObject.decode(payload) {
        case .success(let claims):
            return claims
        case .failure(.duplicateMember(let name)):
            throw failures.error(.malformed, "the claim \(failures.quote(name)) appears twice in the payload (RFC 7519 §4)", claim: name)
        case .failure:
            throw failures.error(.malformed, "the payload is not a JSON object, so not a JWT claims set (RFC 7519 §7.2 step 10)")
        }
    }
}

/// The JOSE header of a JWS (RFC 7515 §4.1): the members the validator reads.
struct JOSEHeader {
    /// `alg`: the signature algorithm (RFC 7515 §4.1.1), case-sensitive.
    let algorithm: String
    /// `kid`: which key of the key set signed the token (RFC 7515 §4.1.4).
    let keyID: String?
    /// `typ`: the media type of the whole token (RFC 7515 §4.1.9), such as `JWT` or `at+jwt`.
    let type: String?
    /// `crit`: extensions the recipient must understand (RFC 7515 §4.1.11).
    let critical: JSONValue?

    init(decoding bytes: Data, _ failures: TokenFailures) throws(GenAuthError) {
        let members: [String: JSONValue]
        switch JOSEObject.decode(bytes) {
        case .success(let decoded):
            members = decoded
        case .failure(.duplicateMember(let name)):
            throw failures.error(.malformed, "the header parameter \(failures.quote(name)) appears twice (RFC 7515 §5.2 step 4)")
        case .failure:
            throw failures.error(.malformed, "the header is not a JSON object (RFC 7515 §5.2 step 4)")
        }
        guard case .string(let algorithm)? = members["alg"] else {
            throw failures.error(.malformed, members["alg"] == nil
                ? "the header has no alg (RFC 7515 §4.1.1)"
                : "the header's alg is \(failures.describe(members["alg"]!)), not a string (RFC 7515 §4.1.1)")
        }
        self.algorithm = algorithm
        switch members["kid"] {
        case nil: keyID = nil
        case .string(let keyID)?: self.keyID = keyID
        case let other?: throw failures.error(.malformed, "the header's kid is \(failures.describe(other)), not a string (RFC 7515 §4.1.4)")
        }
        switch members["typ"] {
        case nil: type = nil
        case .string(let type)?: self.type = type
        case let other?: throw failures.error(.malformed, "the header's typ is \(failures.describe(other)), not a string (RFC 7515 §4.1.9)")
        }
        critical = members["crit"]
    }
}
#endif
