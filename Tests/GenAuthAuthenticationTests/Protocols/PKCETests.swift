import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// PKCE (RFC 7636), checked against the RFC's example (the SHA-256 it hashes with: GenAuthCryptoTests).
@Suite struct PKCETests {
    @Test func theChallengeOfRFC7636AppendixB() {
        let pkce = PKCE(verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", method: .s256)
        #expect(pkce.challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        #expect(PKCE(verifier: "abc", method: .plain).challenge == "abc")
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
}
