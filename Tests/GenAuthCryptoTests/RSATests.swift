import Foundation
@testable import GenAuthCrypto
import Testing

/// RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2.2) against signatures made by Python's `cryptography` (OpenSSL), and
/// the modular exponentiation under it against Python's `pow`.
@Suite struct RSATests {
    struct Key: Decodable {
        var n: String
        var e: String
        var bits: Int
        /// Signatures of `messages`, index for index.
        var signatures: [String]
        /// The same messages signed otherwise: PKCS #1 v1.5 with SHA-1, PSS with SHA-256.
        var sha1Signatures: [String]
        var pssSignatures: [String]
        /// A random base below n, and base^e mod n.
        var base: String
        var power: String
        /// The first message's signature plus n, when it still fits in k bytes: the same number modulo n, which
        /// RSAVP1 must refuse (RFC 8017 §5.2.2 step 1), or every token would have a second valid signature.
        var plusN: String?
        /// Encoded messages for the first message signed with the private key as they are (`pow(EM, d, n)`): the
        /// well-formed one, which verifies, and forgeries a lenient parser of the padding would accept.
        var raw: [String: String]
    }

    struct Request: Encodable {
        var keys: [[Int]]  // [bits, e]
        var messages: [String]
    }

    static let script = #"""
        import base64, hashlib, json, math, secrets, sys
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding, rsa
        request = json.load(sys.stdin)
        messages = [base64.b64decode(m) for m in request["messages"]]
        sha256_prefix = bytes.fromhex("3031300d060960864801650304020105000420")
        def encoded(k, digest_info, padding_count=None, block_type=b"\x01", separator=b"\x00", trailer=b"", fill=None):
            count = k - 3 - len(digest_info) - len(trailer) if padding_count is None else padding_count
            padding = fill if fill is not None else b"\xff" * count
            return b"\x00" + block_type + padding + separator + digest_info + trailer
        def make_key(bits, e):
            if bits % 2 == 0:
                return rsa.generate_private_key(public_exponent=e, key_size=bits)
            # An odd size: OpenSSL makes both primes bits // 2 long, so its modulus is one bit short. Take a prime
            # of bits // 2 + 1 bits and one of bits // 2 bits from keys it makes: FIPS 186-4 B.3.1 primes are at
            # least 2^(len - 1/2), so their product fills the bits.
            p = rsa.generate_private_key(public_exponent=e, key_size=bits + 1).private_numbers().p
            q = rsa.generate_private_key(public_exponent=e, key_size=bits - 1).private_numbers().q
            d = pow(e, -1, (p - 1) * (q - 1) // math.gcd(p - 1, q - 1))
            return rsa.RSAPrivateNumbers(p, q, d, rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q), rsa.rsa_crt_iqmp(p, q),
                                         rsa.RSAPublicNumbers(e, p * q)).private_key()
        keys = []
        for bits, e in request["keys"]:
            key = make_key(bits, e)
            numbers = key.public_key().public_numbers()
            assert numbers.n.bit_length() == bits, (bits, numbers.n.bit_length())
            k = (numbers.n.bit_length() + 7) // 8
            base = secrets.randbelow(numbers.n)
            pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
            d, n = key.private_numbers().d, numbers.n
            signatures = [key.sign(m, padding.PKCS1v15(), hashes.SHA256()) for m in messages]
            signature = int.from_bytes(signatures[0], "big")
            digest = hashlib.sha256(messages[0]).digest()
            info = sha256_prefix + digest
            pad = k - 3 - len(info)
            forms = {
                "well-formed": encoded(k, info),
                "block type 2": encoded(k, info, block_type=b"\x02"),
                "a padding byte not 0xff": encoded(k, info, fill=b"\xff" * (pad // 2) + b"\xfe" + b"\xff" * (pad - pad // 2 - 1)),
                "seven padding bytes, garbage after the hash": encoded(k, info, padding_count=7, trailer=b"\x5a" * (pad - 7)),
                "garbage after the hash": encoded(k, info, trailer=b"\x00\x01\x02\x03"),
                "no NULL parameters": encoded(k, bytes.fromhex("302f300b0609608648016503040201") + b"\x04\x20" + digest),
                "a wrong DigestInfo length": encoded(k, bytes.fromhex("3032300d060960864801650304020105000420") + digest),
                "SHA-1's DigestInfo": encoded(k, bytes.fromhex("3021300906052b0e03021a05000414") + hashlib.sha1(messages[0]).digest()),
                "no zero separator": encoded(k, info, padding_count=pad + 1, separator=b""),
                "the hash of another message": encoded(k, sha256_prefix + hashlib.sha256(messages[0] + b"x").digest()),
            }
            keys.append({
                "plusN": (signature + n).to_bytes(k, "big").hex() if signature + n < 256 ** k else None,
                "raw": {name: pow(int.from_bytes(em, "big"), d, n).to_bytes(k, "big").hex() for name, em in forms.items()},
                "n": numbers.n.to_bytes(k, "big").hex(), "e": numbers.e.to_bytes(4, "big").hex(), "bits": numbers.n.bit_length(),
                "signatures": [signed.hex() for signed in signatures],
                "sha1Signatures": [key.sign(m, padding.PKCS1v15(), hashes.SHA1()).hex() for m in messages],
                "pssSignatures": [key.sign(m, pss, hashes.SHA256()).hex() for m in messages],
                "base": base.to_bytes(k, "big").hex(), "power": pow(base, numbers.e, numbers.n).to_bytes(k, "big").hex(),
            })
        print(json.dumps(keys))
        """#

    /// Keys of 2048, 3072 and 4096 bits with e = 65537, one of 2049 bits (a modulus that does not fill its top byte),
    /// and one with e = 3, the exponent of Bleichenbacher's forgery; four random messages of up to 2,000 bytes.
    @Test func signaturesOfOpenSSLVerify() throws {
        let messages = randomMessages(count: 4, maximumLength: 2_000)
        let request = Request(keys: [[2048, 65537], [3072, 65537], [4096, 65537], [2049, 65537], [2048, 3]],
                              messages: messages.map { Data($0).base64EncodedString() })
        let keys = try Oracle.run(Self.script, input: request, as: [Key].self)
        #expect(keys.count == 5)
        #expect(keys.contains { $0.plusN != nil })  // the 2049-bit key's k bytes hold s + n
        for key in keys {
            let publicKey = try #require(RSAPublicKey(modulus: bytes(hex: key.n), exponent: bytes(hex: key.e)))
            #expect(publicKey.bitCount == key.bits)
            for (index, message) in messages.enumerated() {
                let signature = bytes(hex: key.signatures[index])
                #expect(publicKey.isValidSignature(signature, for: message), "\(key.bits) bits, e = \(key.e)")
                // Another message, a signature changed anywhere, another hash, another padding: refused.
                #expect(!publicKey.isValidSignature(signature, for: message + [0]))
                #expect(!publicKey.isValidSignature(signature, for: messages[(index + 1) % messages.count]))
                for position in [0, signature.count / 2, signature.count - 1] {
                    var forged = signature
                    forged[position] ^= 0x01
                    #expect(!publicKey.isValidSignature(forged, for: message))
                }
                #expect(!publicKey.isValidSignature(bytes(hex: key.sha1Signatures[index]), for: message))
                #expect(!publicKey.isValidSignature(bytes(hex: key.pssSignatures[index]), for: message))
                // RFC 8017 §8.2.2 step 1: exactly k bytes, not a leading zero more or less.
                #expect(!publicKey.isValidSignature([0] + signature, for: message))
                #expect(!publicKey.isValidSignature(Array(signature.dropFirst()), for: message))
            }
            // Signed as they are: the well-formed encoding verifies, and no forgery of the padding or DigestInfo does
            // (the encoded message is rebuilt and compared, RFC 8017 §8.2.2 step 4, never parsed).
            #expect(key.raw.count == 10)
            for (form, signature) in key.raw {
                #expect(publicKey.isValidSignature(bytes(hex: signature), for: messages[0]) == (form == "well-formed"),
                        "\(form), \(key.bits) bits, e = \(key.e)")
            }
            // s + n is s modulo n: refused because it is not below n (§5.2.2 step 1), not by chance.
            if let plusN = key.plusN {
                #expect(!publicKey.isValidSignature(bytes(hex: plusN), for: messages[0]))
            }
            // RSAVP1 (§5.2.2 step 1): a "signature" of n itself, or above it, is refused before any arithmetic.
            let modulus = bytes(hex: key.n)
            #expect(!publicKey.isValidSignature(modulus, for: messages[0]))
            #expect(!publicKey.isValidSignature([UInt8](repeating: 0xff, count: modulus.count), for: messages[0]))
            #expect(!publicKey.isValidSignature([UInt8](repeating: 0, count: modulus.count), for: messages[0]))

            // The exponentiation itself, against Python's pow.
            let limbCount = (modulus.count + 7) / 8
            let limbs = try #require(MontgomeryModulus.limbs(bigEndian: modulus, count: limbCount))
            let montgomery = try #require(MontgomeryModulus(limbs))
            let base = try #require(MontgomeryModulus.limbs(bigEndian: bytes(hex: key.base), count: limbCount))
            let exponent = bytes(hex: key.e).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            #expect(hex(MontgomeryModulus.bigEndianBytes(montgomery.power(base, exponent), count: modulus.count)) == key.power)
        }
    }

    /// Random odd moduli of every limb count from 1 to 40, and R − 1 (all ones), with random exponents up to 64 bits,
    /// against Python's pow: the carries of the Montgomery product at every width, not only at RSA's.
    @Test func modularExponentiationAgreesWithPythonsPow() throws {
        var generator = SystemRandomNumberGenerator()
        struct Case: Codable { var n: String; var base: String; var e: String }
        var cases: [Case] = []
        for limbs in 1...40 {
            for _ in 0..<3 {
                var n = (0..<(limbs * 8)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                n[0] |= [0x80, 0x01, 0xff][cases.count % 3]  // the top limb never zero; all ones, sometimes
                n[n.count - 1] |= 1
                let base = (0..<(limbs * 8)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let e = UInt64.random(in: 1...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)
                cases.append(Case(n: hex(n), base: hex(base), e: String(max(e, 1), radix: 16)))
            }
            // n = R − 1 and bases just below it: the Montgomery product's intermediate sum carries into its extra limb.
            let allOnes = [UInt8](repeating: 0xff, count: limbs * 8)
            for base in [Array(allOnes.dropLast()) + [0xfe], Array(allOnes.dropLast()) + [0xf0], [0x80] + allOnes.dropFirst()] {
                cases.append(Case(n: hex(allOnes), base: hex(base), e: String(UInt64.random(in: 2...UInt64.max, using: &generator), radix: 16)))
            }
        }
        let script = """
            import json, sys
            print(json.dumps([format(pow(int(c["base"], 16) % int(c["n"], 16), int(c["e"], 16), int(c["n"], 16)), "x")
                              for c in json.load(sys.stdin)]))
            """
        let expected = try Oracle.run(script, input: cases, as: [String].self)
        #expect(expected.count == cases.count)
        for (test, power) in zip(cases, expected) {
            let n = bytes(hex: test.n)
            let limbCount = n.count / 8
            let limbs = try #require(MontgomeryModulus.limbs(bigEndian: n, count: limbCount))
            let montgomery = try #require(MontgomeryModulus(limbs))
            // The base reduced below n, as RSAVP1 requires of its input: by Python, which knows division.
            var base = try #require(MontgomeryModulus.limbs(bigEndian: bytes(hex: test.base), count: limbCount))
            if !MontgomeryModulus.isLess(base, limbs) { base = try reduced(base, modulo: limbs) }
            let result = montgomery.power(base, UInt64(test.e, radix: 16)!)
            let text = hex(MontgomeryModulus.bigEndianBytes(result, count: n.count)).drop { $0 == "0" }
            #expect(text == (power == "0" ? "" : Substring(power)), "n = \(test.n), e = \(test.e)")
        }
    }

    /// base mod n, by subtracting n until below it: a few steps, since n's top byte is at least 0x80 or 0x01 and
    /// base has as many limbs.
    private func reduced(_ base: [UInt64], modulo n: [UInt64]) throws -> [UInt64] {
        var value = base
        var steps = 0
        while !MontgomeryModulus.isLess(value, n) {
            MontgomeryModulus.subtract(&value, n)
            steps += 1
            try #require(steps < 300)
        }
        return value
    }

    @Test func keysThatAreNotRSAPublicKeysAreRefused() {
        let modulus = [UInt8](repeating: 0xc5, count: 256)  // odd, 2048 bits
        #expect(RSAPublicKey(modulus: modulus, exponent: [0x01, 0x00, 0x01]) != nil)
        #expect(RSAPublicKey(modulus: [0, 0] + modulus, exponent: [0, 0x01, 0x00, 0x01])?.bitCount == 2048)
        #expect(RSAPublicKey(modulus: Array(modulus.dropLast()) + [0xc4], exponent: [0x01, 0x00, 0x01]) == nil)  // even
        #expect(RSAPublicKey(modulus: modulus, exponent: [0x01]) == nil)
        #expect(RSAPublicKey(modulus: modulus, exponent: [0x02]) == nil)
        #expect(RSAPublicKey(modulus: modulus, exponent: []) == nil)
        #expect(RSAPublicKey(modulus: modulus, exponent: [0x02, 0x00, 0x00, 0x00, 0x01]) == nil)  // 2³³ + 1
        #expect(RSAPublicKey(modulus: modulus, exponent: [0x01, 0xff, 0xff, 0xff, 0xff]) != nil)  // 2³³ − 1
        #expect(RSAPublicKey(modulus: [], exponent: [0x03]) == nil)
        #expect(RSAPublicKey(modulus: [UInt8](repeating: 0xc5, count: 63), exponent: [0x03]) == nil)  // 504 bits
        #expect(RSAPublicKey(modulus: [UInt8](repeating: 0xc5, count: 2048), exponent: [0x03]) != nil)  // 16,384 bits
        #expect(RSAPublicKey(modulus: [0x01] + [UInt8](repeating: 0xc5, count: 2048), exponent: [0x03]) == nil)
    }
}
