import Foundation
import GenAuthCrypto

/// Proof Key for Code Exchange (RFC 7636): a secret the app keeps (the verifier) and its digest (the challenge),
/// sent in the authorization request, so that a stolen authorization code is useless without the verifier.
public struct PKCE: Sendable, Hashable, Codable {
    /// How the challenge is derived from the verifier (RFC 7636 §4.2).
    public enum Method: String, Sendable, Hashable, Codable {
        /// `BASE64URL(SHA256(ASCII(code_verifier)))`: the method to use (RFC 9700 §2.1.1).
        case s256 = "S256"
        /// The verifier itself. Only for a server that cannot do S256; GenAuth can.
        case plain
    }

    /// The secret the app keeps until it exchanges the code (`code_verifier`).
    public var verifier: String
    /// What the authorization request sends (`code_challenge`).
    public var challenge: String
    /// `code_challenge_method`.
    public var method: Method

    /// A new verifier from the system's cryptographically secure generator, and its challenge.
    ///
    /// - Parameters:
    ///   - method: `.s256` (the default) or `.plain`.
    ///   - length: The verifier's length, 43 to 128 characters (RFC 7636 §4.1); 64 by default.
    public init(method: Method = .s256, length: Int = 64) {
        let verifier = SecureRandom.string(length: min(max(length, 43), 128), alphabet: SecureRandom.unreserved)
        self.init(verifier: verifier, method: method)
    }

    /// The challenge of a verifier you have (RFC 7636 §4.2).
    public init(verifier: String, method: Method = .s256) {
        self.verifier = verifier
        self.method = method
        self.challenge = Self.challenge(of: verifier, method: method)
    }

    /// `BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))` for S256, the verifier for plain (RFC 7636 §4.2).
    public static func challenge(of verifier: String, method: Method) -> String {
        switch method {
        case .plain: return verifier
        case .s256: return Base64URL.encode(SHA256.hash(verifier))
        }
    }

    /// Whether a string may be a verifier: 43 to 128 characters of `[A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"`
    /// (RFC 7636 §4.1).
    public static func isValidVerifier(_ verifier: String) -> Bool {
        (43...128).contains(verifier.utf8.count) && verifier.utf8.allSatisfy { SecureRandom.unreserved.contains($0) }
    }
}

/// Random strings for `state`, `nonce` and PKCE verifiers, from `SystemRandomNumberGenerator`: the operating system's
/// cryptographically secure generator on every platform Swift runs on (`arc4random_buf`, `getrandom`,
/// `BCryptGenRandom`), so that no value can be guessed (RFC 6749 §10.10, RFC 7636 §7.1).
enum SecureRandom {
    /// RFC 3986's unreserved characters, the alphabet of a PKCE verifier (RFC 7636 §4.1).
    static let unreserved: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    /// `length` characters of `alphabet`, each uniformly chosen (rejection sampling: no modulo bias).
    static func string(length: Int, alphabet: [UInt8]) -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length)
        for _ in 0..<length {
            bytes.append(alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// 32 random bytes, base64url-encoded: 256 bits for `state` and `nonce`.
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return Base64URL.encode(bytes)
    }
}
