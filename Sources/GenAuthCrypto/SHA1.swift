/// SHA-1 (FIPS 180-4 §6.1), for the HMAC-SHA1 of GenAuth's access-key signature, which GenAuth's API defines.
///
/// SHA-1 is broken for collision resistance; HMAC-SHA1 is not (RFC 6151 §2), and GenAuth's signature is HMAC-SHA1.
/// Nothing else in the SDK uses SHA-1.
package enum SHA1: HashFunction {
    package static let blockSize = 64

    package static func hash(_ message: [UInt8]) -> [UInt8] {
        // The initial hash value (§5.3.1).
        var h: [UInt32] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476, 0xc3d2_e1f0]
        let padded = paddedFor512BitBlocks(message)
        var w = [UInt32](repeating: 0, count: 80)
        for blockStart in stride(from: 0, to: padded.count, by: 64) {
            // The message schedule (§6.1.2 step 1).
            for t in 0..<16 { w[t] = bigEndianWord(padded, at: blockStart + t * 4) }
            for t in 16..<80 { w[t] = rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1) }
            // The compression (§6.1.2 steps 2–4), with the functions and constants of §4.1.1 and §4.2.1.
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for t in 0..<80 {
                let f: UInt32
                let k: UInt32
                switch t {
                case 0..<20: (f, k) = ((b & c) ^ (~b & d), 0x5a82_7999)
                case 20..<40: (f, k) = (b ^ c ^ d, 0x6ed9_eba1)
                case 40..<60: (f, k) = ((b & c) ^ (b & d) ^ (c & d), 0x8f1b_bcdc)
                default: (f, k) = (b ^ c ^ d, 0xca62_c1d6)
                }
                let temp = rotateLeft(a, 5) &+ f &+ e &+ k &+ w[t]
                (e, d, c, b, a) = (d, c, rotateLeft(b, 30), a, temp)
            }
            h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d; h[4] = h[4] &+ e
        }
        return bigEndianBytes(h)
    }
}
