/// A hash function of the SHA family: the SDK's hashes are written in Swift, without a crypto library, so that no app
/// compiles BoringSSL (or any C) to sign a request or check a token. They are checked against FIPS 180-4's examples
/// and against Python's `hashlib` (GenAuthCryptoTests).
///
/// Both SHA-1 and SHA-256 are straight-line 32-bit arithmetic with no branch and no table lookup that depends on the
/// data, so hashing a secret (HMAC's key) takes the same time whatever the secret.
package protocol HashFunction {
    /// The block size in bytes: 64 for SHA-1 and SHA-256 (FIPS 180-4 §1), which HMAC pads its key to (RFC 2104 §2).
    static var blockSize: Int { get }
    /// The digest of `message`.
    static func hash(_ message: [UInt8]) -> [UInt8]
}

extension HashFunction {
    /// The digest of a string's UTF-8 bytes.
    package static func hash(_ text: String) -> [UInt8] { hash(Array(text.utf8)) }
}

/// The message padded as FIPS 180-4 §5.1.1 says for SHA-1 and SHA-256: a 1 bit, zeros up to 448 bits modulo 512, and
/// the message's length in bits as a big-endian 64-bit number.
func paddedFor512BitBlocks(_ message: [UInt8]) -> [UInt8] {
    var padded = message
    padded.reserveCapacity(message.count + 72)
    padded.append(0x80)
    while padded.count % 64 != 56 { padded.append(0) }
    let bitLength = UInt64(message.count) &* 8
    for shift in stride(from: 56, through: 0, by: -8) { padded.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
    return padded
}

/// The 32-bit big-endian word at `index` of `bytes` (FIPS 180-4 §3.1: words are big-endian).
@inline(__always)
func bigEndianWord(_ bytes: [UInt8], at index: Int) -> UInt32 {
    UInt32(bytes[index]) << 24 | UInt32(bytes[index + 1]) << 16 | UInt32(bytes[index + 2]) << 8 | UInt32(bytes[index + 3])
}

/// The words of a digest as big-endian bytes.
func bigEndianBytes(_ words: [UInt32]) -> [UInt8] {
    words.flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> UInt32($0)) } }
}

@inline(__always)
func rotateLeft(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << n) | (x >> (32 - n)) }

@inline(__always)
func rotateRight(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
