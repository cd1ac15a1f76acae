/// HMAC (RFC 2104 §2): GenAuth's access-key signature (HMAC-SHA1) and HS256 ID tokens (HMAC-SHA256, RFC 7518 §3.2).
package enum HMAC<Hash: HashFunction> {
    /// `H(K XOR opad, H(K XOR ipad, text))`, where a key longer than the block is hashed first and the key is then
    /// padded with zeros to the block size (RFC 2104 §2, §3).
    package static func authenticationCode(for message: [UInt8], key: [UInt8]) -> [UInt8] {
        var block = key.count > Hash.blockSize ? Hash.hash(key) : key
        block += [UInt8](repeating: 0, count: Hash.blockSize - block.count)
        let inner = Hash.hash(block.map { $0 ^ 0x36 } + message)
        return Hash.hash(block.map { $0 ^ 0x5c } + inner)
    }

    /// Whether `code` is the authentication code of `message` under `key`, compared in constant time, so that the
    /// time taken tells an attacker nothing about how much of a forged code was right.
    package static func isValidAuthenticationCode(_ code: [UInt8], for message: [UInt8], key: [UInt8]) -> Bool {
        constantTimeEquals(authenticationCode(for: message, key: key), code)
    }
}

/// Whether two byte strings are equal, in a time that depends on their lengths only (which are public: a MAC's
/// length is its algorithm's), never on where they differ.
package func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
    return difference == 0
}
