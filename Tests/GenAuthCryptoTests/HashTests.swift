import Foundation
import GenAuthCrypto
import Testing

/// SHA-1 and SHA-256 against FIPS 180-4's examples (the NIST example values) and against Python's `hashlib`.
@Suite struct HashTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256OfFIPS180Examples(_ message: String, _ digest: String) {
        #expect(hex(SHA256.hash(message)) == digest)
    }

    @Test(arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
    ])
    func sha1OfFIPS180Examples(_ message: String, _ digest: String) {
        #expect(hex(SHA1.hash(message)) == digest)
    }

    @Test func aMillionAs() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(hex(SHA256.hash(message)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(hex(SHA1.hash(message)) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    /// Every length up to 140 bytes (55, 56, 63 and 64 pad differently) and random ones, random bytes.
    @Test func bothAgreeWithPythonsHashlib() throws {
        let messages = randomMessages(count: 300)
        let script = """
            import base64, hashlib, json, sys
            print(json.dumps([[hashlib.sha1(base64.b64decode(m)).hexdigest(), hashlib.sha256(base64.b64decode(m)).hexdigest()]
                              for m in json.load(sys.stdin)]))
            """
        let expected = try Oracle.run(script, input: messages.map { Data($0).base64EncodedString() }, as: [[String]].self)
        #expect(expected.count == messages.count)
        for (message, digests) in zip(messages, expected) {
            #expect(hex(SHA1.hash(message)) == digests[0], "length \(message.count)")
            #expect(hex(SHA256.hash(message)) == digests[1], "length \(message.count)")
        }
    }
}
