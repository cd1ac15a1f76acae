import Foundation
import GenAuthCrypto
import Testing

/// HMAC against the test cases of RFC 2202 (HMAC-SHA1) and RFC 4231 (HMAC-SHA256), and against Python's `hmac`.
@Suite struct HMACTests {
    /// RFC 2202 §3, test cases 1, 2, 6 and 7 (6 and 7: a key longer than the block, which is hashed first).
    @Test func rfc2202() {
        let cases: [(key: [UInt8], data: String, code: String)] = [
            ([UInt8](repeating: 0x0b, count: 20), "Hi There", "b617318655057264e28bc0b6fb378c8ef146be00"),
            (Array("Jefe".utf8), "what do ya want for nothing?", "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
            ([UInt8](repeating: 0xaa, count: 80), "Test Using Larger Than Block-Size Key - Hash Key First",
             "aa4ae5e15272d00e95705637ce8a3b55ed402112"),
            ([UInt8](repeating: 0xaa, count: 80), "Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data",
             "e8e99d0f45237d786d6bbaa7965c7808bbff1a91"),
        ]
        for (key, data, code) in cases {
            #expect(hex(HMAC<SHA1>.authenticationCode(for: Array(data.utf8), key: key)) == code)
        }
    }

    /// RFC 4231 §4.2, §4.3 and §4.7 (a 131-byte key).
    @Test func rfc4231() {
        let cases: [(key: [UInt8], data: String, code: String)] = [
            ([UInt8](repeating: 0x0b, count: 20), "Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            (Array("Jefe".utf8), "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            ([UInt8](repeating: 0xaa, count: 131), "Test Using Larger Than Block-Size Key - Hash Key First",
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ]
        for (key, data, code) in cases {
            let message = Array(data.utf8)
            #expect(hex(HMAC<SHA256>.authenticationCode(for: message, key: key)) == code)
            #expect(HMAC<SHA256>.isValidAuthenticationCode(bytes(hex: code), for: message, key: key))
        }
    }

    /// Keys of every length around the block size (64 bytes) and random messages.
    @Test func bothAgreeWithPythonsHmac() throws {
        let keys = randomMessages(count: 150, maximumLength: 200)
        let messages = randomMessages(count: 150).shuffled()
        let script = """
            import base64, hashlib, hmac, json, sys
            print(json.dumps([[hmac.new(base64.b64decode(k), base64.b64decode(m), hashlib.sha1).hexdigest(),
                               hmac.new(base64.b64decode(k), base64.b64decode(m), hashlib.sha256).hexdigest()]
                              for k, m in json.load(sys.stdin)]))
            """
        let input = zip(keys, messages).map { [Data($0).base64EncodedString(), Data($1).base64EncodedString()] }
        let expected = try Oracle.run(script, input: input, as: [[String]].self)
        #expect(expected.count == input.count)
        for ((key, message), codes) in zip(zip(keys, messages), expected) {
            #expect(hex(HMAC<SHA1>.authenticationCode(for: message, key: key)) == codes[0], "key of \(key.count) bytes")
            #expect(hex(HMAC<SHA256>.authenticationCode(for: message, key: key)) == codes[1], "key of \(key.count) bytes")
        }
    }

    @Test func aCodeThatDiffersAnywhereOrIsShortIsRefused() {
        let key = Array("secret".utf8), message = Array("message".utf8)
        let code = HMAC<SHA256>.authenticationCode(for: message, key: key)
        #expect(HMAC<SHA256>.isValidAuthenticationCode(code, for: message, key: key))
        for index in code.indices {
            var forged = code
            forged[index] ^= 0x01
            #expect(!HMAC<SHA256>.isValidAuthenticationCode(forged, for: message, key: key))
        }
        #expect(!HMAC<SHA256>.isValidAuthenticationCode(Array(code.dropLast()), for: message, key: key))
        #expect(!HMAC<SHA256>.isValidAuthenticationCode([], for: message, key: key))
        #expect(!HMAC<SHA256>.isValidAuthenticationCode(code + [0], for: message, key: key))
    }
}
