import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// PKCE (RFC 7636) and the SHA-256 it hashes with, checked against the RFC's example, FIPS 180-4's examples and
/// Python's `hashlib`.
@Suite struct PKCETests {
    @Test func theChallengeOfRFC7636AppendixB() {
        let pkce = PKCE(verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", method: .s256)
        #expect(pkce.challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        #expect(PKCE(verifier: "abc", method: .plain).challenge == "abc")
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256OfFIPS180Examples(_ message: String, _ digest: String) {
        #expect(hex(SHA256Digest.portableHash(Array(message.utf8))) == digest)
        #expect(hex(SHA256Digest.hash(Array(message.utf8))) == digest)
    }

    @Test func sha256OfAMillionAs() {
        #expect(hex(SHA256Digest.portableHash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Every length around the block boundaries (55, 56, 63, 64 bytes pad differently) and random bytes, against
    /// Python's hashlib.
    @Test func sha256AgreesWithPythonsHashlib() throws {
        var generator = SystemRandomNumberGenerator()
        let messages: [[UInt8]] = (0..<300).map { length in (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) } }
        let input = messages.map { Data($0).base64EncodedString() }.joined(separator: "\n")
        let script = "import sys, hashlib, base64\nfor line in sys.stdin.read().split('\\n'):\n    print(hashlib.sha256(base64.b64decode(line)).hexdigest())"
        let result = try ChildProcess.run(["python3", "-c", script], input: Data(input.utf8))
        #expect(result.status == 0, "\(result.errorOutput)")
        let expected = result.output.split(separator: "\n").map(String.init)
        #expect(expected.count == messages.count)
        for (message, digest) in zip(messages, expected) {
            #expect(hex(SHA256Digest.portableHash(message)) == digest, "length \(message.count)")
        }
    }

    @Test func verifiersAreLongRandomAndOfTheUnreservedAlphabet() {
        let verifiers = (0..<200).map { _ in PKCE().verifier }
        #expect(Set(verifiers).count == verifiers.count)
        #expect(verifiers.allSatisfy(PKCE.isValidVerifier))
        #expect(verifiers.allSatisfy { $0.count == 64 })
        #expect(PKCE(length: 10).verifier.count == 43)
        #expect(PKCE(length: 500).verifier.count == 128)
        #expect(!PKCE.isValidVerifier(String(repeating: "a", count: 42)))
        #expect(!PKCE.isValidVerifier(String(repeating: "a", count: 42) + "+"))
        // Every character of the alphabet turns up: the choice is not biased to a part of it.
        let seen = Set(verifiers.joined())
        #expect(seen.count == 66)
    }

    @Test func statesAndNoncesAre256RandomBits() {
        let values = (0..<500).map { _ in SecureRandom.token() }
        #expect(Set(values).count == values.count)
        #expect(values.allSatisfy { Base64URL.decode($0)?.count == 32 })
    }

    @Test func base64URLRoundTripsAndRefusesOtherAlphabets() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == Data(bytes))
        }
        #expect(Base64URL.decode("ab+c") == nil)
        #expect(Base64URL.decode("abc=") == nil)
        #expect(Base64URL.decode("a") == nil)
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
