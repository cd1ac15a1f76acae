/// An RSA public key that verifies RSASSA-PKCS1-v1_5 signatures with SHA-256 (RFC 8017 §8.2.2): RS256 (RFC 7518
/// §3.3), how GenAuth signs ID tokens and access tokens.
///
/// The check recomputes the whole encoded message and compares it with the one the signature carries (RFC 8017 §8.2.2
/// steps 2–4), rather than parsing the signature's padding and DigestInfo: a lenient parser is how PKCS #1 v1.5
/// signatures get forged (Bleichenbacher's attack on e = 3, 2006). Every value here is public: the key, the
/// signature and the signed message.
package struct RSAPublicKey: Sendable {
    /// The modulus's size in bits: the caller decides what is too small (RFC 7518 §3.3 asks for 2048 or more).
    package let bitCount: Int
    /// k, the modulus's length in bytes (RFC 8017 §8.2.2).
    private let byteCount: Int
    private let modulus: MontgomeryModulus
    private let exponent: UInt64

    /// The largest modulus accepted, 16,384 bits (as BoringSSL). Reading a key costs about 128 × limbs² limb
    /// operations (R² mod n, by doubling) and checking a signature grows with the square of the size too, so the
    /// bound keeps a hostile key set's cost bounded: some 8 million limb operations for a key of this size.
    package static let maximumBitCount = 16_384

    /// The key of the big-endian unsigned integers n and e (RFC 7518 §6.3.1.1–2), or nil when they are not an RSA
    /// public key: n odd, of 512 to 16,384 bits; e odd, from 3 to 2³³ − 1 (BoringSSL's bounds for a public exponent).
    package init?(modulus: [UInt8], exponent: [UInt8]) {
        let n = Array(modulus.drop { $0 == 0 })
        let e = Array(exponent.drop { $0 == 0 })
        guard !n.isEmpty, !e.isEmpty, e.count <= 8 else { return nil }
        let bitCount = n.count * 8 - n[0].leadingZeroBitCount
        guard (512...Self.maximumBitCount).contains(bitCount) else { return nil }
        let exponentValue = e.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard exponentValue & 1 == 1, exponentValue >= 3, exponentValue < 1 << 33,
              let limbs = MontgomeryModulus.limbs(bigEndian: n, count: (n.count + 7) / 8),
              let modulus = MontgomeryModulus(limbs)
        else { return nil }
        self.bitCount = bitCount
        byteCount = n.count
        self.modulus = modulus
        self.exponent = exponentValue
    }

    /// DigestInfo's DER prefix for SHA-256, with the NULL parameters (RFC 8017 §9.2, note 1).
    private static let sha256DigestInfoPrefix: [UInt8] = [
        0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
    ]

    /// Whether `signature` is this key's RSASSA-PKCS1-v1_5 signature of `message` with SHA-256 (RFC 8017 §8.2.2).
    package func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        // Step 1: the signature is exactly k bytes.
        guard signature.count == byteCount,
              let s = MontgomeryModulus.limbs(bigEndian: signature, count: modulus.limbs.count),
              // Step 2, RSAVP1 (§5.2.2 step 1): s is less than n.
              MontgomeryModulus.isLess(s, modulus.limbs)
        else { return false }
        let encoded = MontgomeryModulus.bigEndianBytes(modulus.power(s, exponent), count: byteCount)
        // Step 3, EMSA-PKCS1-v1_5-ENCODE (§9.2): 0x00 0x01, at least eight 0xff, 0x00, DigestInfo.
        let digestInfo = Self.sha256DigestInfoPrefix + SHA256.hash(message)
        let paddingCount = byteCount - digestInfo.count - 3
        guard paddingCount >= 8 else { return false }
        let expected = [0x00, 0x01] + [UInt8](repeating: 0xff, count: paddingCount) + [0x00] + digestInfo
        // Step 4: the two encoded messages are the same.
        return constantTimeEquals(encoded, expected)
    }
}
