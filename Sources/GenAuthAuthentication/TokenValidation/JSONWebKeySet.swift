#if TokenValidation
import Foundation
import GenAuthCrypto

/// The application's JSON Web Key Set (RFC 7517 §5), reduced to the keys that may verify an RS256 signature.
///
/// A key is kept only when nothing about it contradicts that use (RFC 8725 §3.1: the algorithm decides the key, and a
/// key serves one algorithm): `kty` is `RSA` (RFC 7517 §4.1), `use`, when present, is `sig` (§4.2), `key_ops`, when
/// present, contains `verify` (§4.3), `alg`, when present, is `RS256` (§4.4), and its modulus has at least 2048 bits
/// (RFC 7518 §3.3). Every other member of the set — an EC or `oct` key, a key for encryption, an entry that is not a
/// key at all — is skipped, as RFC 7517 §5 asks of keys whose type is not understood, rather than failing the set.
struct JSONWebKeySet: Sendable {
    /// An RSA public key for RS256, and the `kid` it is published under.
    struct VerificationKey: Sendable {
        let keyID: String?
        let publicKey: RSAPublicKey
    }

    /// The set as GenAuth serves it: `{"keys": [...]}`. Each entry is read by hand, so that one odd entry does not
    /// make the whole set undecodable.
    struct Document: Decodable, Sendable {
        var keys: [JSONValue]
    }

    /// The keys that may verify RS256 signatures, in the set's order.
    let keys: [VerificationKey]
    /// The `kid`s of the entries that were skipped, to explain why a token naming one is refused.
    let skippedKeyIDs: Set<String>

    init(_ document: Document) {
        var keys: [VerificationKey] = []
        var skipped = Set<String>()
        for entry in document.keys {
            guard case .object(let members) = entry else { continue }
            if let key = Self.verificationKey(members) {
                keys.append(key)
            } else if case .string(let keyID)? = members["kid"] {
                skipped.insert(keyID)
            }
        }
        self.keys = keys
        skippedKeyIDs = skipped
    }

    /// The RS256 key of one JWK, or nil when the JWK is not one.
    private static func verificationKey(_ jwk: [String: JSONValue]) -> VerificationKey? {
        guard jwk["kty"] == .string("RSA") else { return nil }
        if let use = jwk["use"], use != .string("sig") { return nil }
        if let operations = jwk["key_ops"] {
            guard case .array(let list) = operations, list.contains(.string("verify")) else { return nil }
        }
        if let algorithm = jwk["alg"], algorithm != .string("RS256") { return nil }
        let keyID: String?
        switch jwk["kid"] {
        case nil: keyID = nil
        case .string(let value)?: keyID = value
        default: return nil
        }
        // RFC 7518 §6.3.1.1–2: the modulus and exponent as base64url big-endian unsigned integers.
        guard case .string(let modulusText)? = jwk["n"], case .string(let exponentText)? = jwk["e"],
              let modulus = Base64URL.decode(modulusText, allowingPadding: true),
              let exponent = Base64URL.decode(exponentText, allowingPadding: true),
              // A modulus over 16,384 bits is refused before it is read (RSAPublicKey.maximumBitCount).
              modulus.count <= RSAPublicKey.maximumBitCount / 8 + 1,
              let publicKey = RSAPublicKey(modulus: Array(modulus), exponent: Array(exponent)),
              // RFC 7518 §3.3: "A key of size 2048 bits or larger MUST be used".
              publicKey.bitCount >= 2048
        else { return nil }
        return VerificationKey(keyID: keyID, publicKey: publicKey)
    }

    /// Which keys may have signed a token with the header's `kid` (RFC 7515 §4.1.4, RFC 7517 §4.5).
    enum Selection {
        /// These keys, to try in turn: normally one; several when the set publishes the same `kid` twice.
        case found([VerificationKey])
        /// None: why, for the error.
        case notFound(String)
    }

    /// The keys for `keyID`. A token without `kid` may use the set's only key; with several, it does not say which.
    func select(keyID: String?, _ failures: TokenFailures) -> Selection {
        guard let keyID else {
            switch keys.count {
            case 1: return .found(keys)
            case 0: return .notFound("the token names no kid, and the key set has no RSA signing key")
            default: return .notFound("the token names no kid, and the key set has \(keys.count) RSA signing keys: it must say which")
            }
        }
        let matching = keys.filter { $0.keyID == keyID }
        if !matching.isEmpty { return .found(matching) }
        if skippedKeyIDs.contains(keyID) {
            return .notFound("the key set's key \(failures.quote(keyID)) is not an RSA key for RS256 signatures (its kty, use, key_ops, alg or size say otherwise)")
        }
        return .notFound("the key set has no key with the token's kid \(failures.quote(keyID))")
    }
}
#endif
