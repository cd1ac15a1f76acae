/// Modular exponentiation with an odd modulus, for RSA's public-key operation (RFC 8017 §5.2.2, RSAVP1): Montgomery
/// multiplication in its "coarsely integrated operand scanning" form (Koç, Acar, Kaliski, "Analyzing and Comparing
/// Montgomery Multiplication Algorithms", IEEE Micro 1996), over 64-bit limbs, without division.
///
/// Only public values pass through it (a public key, a signature, the message it signs), so it needs no constant time.
struct MontgomeryModulus: Sendable {
    /// n, little-endian 64-bit limbs; the top limb is not zero.
    let limbs: [UInt64]
    /// −n⁻¹ mod 2⁶⁴.
    private let inverse: UInt64
    /// R² mod n, where R = 2^(64 × limbs.count): multiplying by it enters the Montgomery form.
    private let rSquared: [UInt64]

    /// nil unless n is odd and greater than 1.
    init?(_ limbs: [UInt64]) {
        guard let top = limbs.last, top != 0, limbs[0] & 1 == 1, limbs.count > 1 || limbs[0] > 1 else { return nil }
        self.limbs = limbs
        // n₀⁻¹ mod 2⁶⁴ by Newton's iteration: an odd n₀ is its own inverse mod 2³, and each step doubles the bits.
        let n0 = limbs[0]
        var x = n0
        for _ in 0..<5 { x = x &* (2 &- n0 &* x) }
        inverse = 0 &- x
        // R² mod n: 1 doubled 2 × 64 × limbs.count times, reduced after each doubling (r < n, so 2r < 2n).
        var r = [UInt64](repeating: 0, count: limbs.count)
        r[0] = 1
        for _ in 0..<(128 * limbs.count) {
            var carry: UInt64 = 0
            for index in r.indices {
                let next = r[index] >> 63
                r[index] = r[index] << 1 | carry
                carry = next
            }
            if carry != 0 || !Self.isLess(r, limbs) { Self.subtract(&r, limbs) }
        }
        rSquared = r
    }

    /// base^exponent mod n, for base < n and exponent > 0: left-to-right square and multiply.
    func power(_ base: [UInt64], _ exponent: UInt64) -> [UInt64] {
        precondition(exponent > 0 && base.count == limbs.count)
        let montgomeryBase = multiply(base, rSquared)
        var result = montgomeryBase
        let topBit = 63 - exponent.leadingZeroBitCount
        for bit in stride(from: topBit - 1, through: 0, by: -1) {
            result = multiply(result, result)
            if (exponent >> UInt64(bit)) & 1 == 1 { result = multiply(result, montgomeryBase) }
        }
        var one = [UInt64](repeating: 0, count: limbs.count)
        one[0] = 1
        return multiply(result, one)
    }

    /// a × b × R⁻¹ mod n, for a, b < n.
    func multiply(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        let s = limbs.count
        // t < 2n at the start of each round; t[s + 1] holds the carry of a round's sum.
        var t = [UInt64](repeating: 0, count: s + 2)
        for i in 0..<s {
            // t += a[i] × b
            var carry: UInt64 = 0
            for j in 0..<s { (carry, t[j]) = Self.multiplyAdd(a[i], b[j], t[j], carry) }
            let (sum, overflow) = t[s].addingReportingOverflow(carry)
            t[s] = sum
            t[s + 1] = overflow ? 1 : 0
            // t = (t + m × n) / 2⁶⁴, where m makes the low limb zero.
            let m = t[0] &* inverse
            (carry, _) = Self.multiplyAdd(m, limbs[0], t[0], 0)
            for j in 1..<s { (carry, t[j - 1]) = Self.multiplyAdd(m, limbs[j], t[j], carry) }
            let (top, topOverflow) = t[s].addingReportingOverflow(carry)
            t[s - 1] = top
            t[s] = t[s + 1] &+ (topOverflow ? 1 : 0)
            t[s + 1] = 0
        }
        var result = Array(t[0..<s])
        if t[s] != 0 || !Self.isLess(result, limbs) { Self.subtract(&result, limbs) }
        return result
    }

    /// (high, low) = a × b + c + d, which never exceeds 128 bits: (2⁶⁴ − 1)² + 2 × (2⁶⁴ − 1) = 2¹²⁸ − 1.
    @inline(__always)
    private static func multiplyAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> (high: UInt64, low: UInt64) {
        let product = a.multipliedFullWidth(by: b)
        let (low1, overflow1) = product.low.addingReportingOverflow(c)
        let (low2, overflow2) = low1.addingReportingOverflow(d)
        return (product.high &+ (overflow1 ? 1 : 0) &+ (overflow2 ? 1 : 0), low2)
    }

    /// Whether a < b, for numbers of the same number of limbs.
    static func isLess(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        for index in a.indices.reversed() where a[index] != b[index] { return a[index] < b[index] }
        return false
    }

    /// a −= b, modulo 2^(64 × a.count): the caller knows the true difference is in range.
    static func subtract(_ a: inout [UInt64], _ b: [UInt64]) {
        var borrow = false
        for index in a.indices {
            let (difference1, overflow1) = a[index].subtractingReportingOverflow(b[index])
            let (difference2, overflow2) = difference1.subtractingReportingOverflow(borrow ? 1 : 0)
            a[index] = difference2
            borrow = overflow1 || overflow2
        }
    }

    /// The limbs of a big-endian unsigned integer (RFC 8017 §4.2, OS2IP), `count` of them, or nil if it needs more.
    static func limbs(bigEndian bytes: [UInt8], count: Int) -> [UInt64]? {
        var result = [UInt64](repeating: 0, count: count)
        for (position, byte) in bytes.reversed().enumerated() where byte != 0 {
            guard position / 8 < count else { return nil }
            result[position / 8] |= UInt64(byte) << UInt64(8 * (position % 8))
        }
        return result
    }

    /// The big-endian bytes of `limbs`, `count` of them (RFC 8017 §4.1, I2OSP); the caller knows the value fits.
    static func bigEndianBytes(_ limbs: [UInt64], count: Int) -> [UInt8] {
        (0..<count).reversed().map { position in
            position / 8 < limbs.count ? UInt8(truncatingIfNeeded: limbs[position / 8] >> UInt64(8 * (position % 8))) : 0
        }
    }
}
