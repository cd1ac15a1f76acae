#if TokenValidation
import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// Inputs that are not a compact JWS: refused as `malformed`, before any key is fetched, without a crash or a hang.
@Suite struct MalformedTokenTests {
    static let header = IDTokenValidationTests.base64URL(#"{"alg":"RS256","kid":"A"}"#)
    static let payload = IDTokenValidationTests.base64URL(#"{"sub":"u"}"#)

    static let malformed: [(String, String)] = [
        ("empty", ""),
        ("one part", "abcdefghijklmnop"),
        ("two parts", header + "." + payload),
        ("four parts", header + "." + payload + ".c2ln.c2ln"),
        ("a JWE's five parts", header + ".." + payload + ".c2ln.c2ln"),
        ("bad base64 in the header", "!!!!." + payload + ".c2ln"),
        ("padding in the header", header + "=." + payload + ".c2ln"),
        ("the other alphabet", "eyJhbGciOiJSUzI1NiJ+." + payload + ".c2ln"),
        ("a length no base64 has", "abcde." + payload + ".c2ln"),
        ("leftover bits", "eyJ." + payload + ".c2ln"),
        ("whitespace", header + " ." + payload + ".c2ln"),
        ("bad base64 in the payload", header + ".!!!!.c2ln"),
        ("bad base64 in the signature", header + "." + payload + ".c2ln==="),
        ("an empty header", "." + payload + ".c2ln"),
        ("a header that is not JSON", IDTokenValidationTests.base64URL("not json at all") + "." + payload + ".c2ln"),
        ("a header that is an array", IDTokenValidationTests.base64URL(#"["RS256"]"#) + "." + payload + ".c2ln"),
        ("a header without alg", IDTokenValidationTests.base64URL(#"{"kid":"A"}"#) + "." + payload + ".c2ln"),
        ("an alg that is not a string", IDTokenValidationTests.base64URL(#"{"alg":256}"#) + "." + payload + ".c2ln"),
        ("a kid that is not a string", IDTokenValidationTests.base64URL(#"{"alg":"RS256","kid":7}"#) + "." + payload + ".c2ln"),
        ("a header that is not UTF-8", Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]).base64EncodedString().replacingOccurrences(of: "=", with: "") + "." + payload + ".c2ln"),
        ("a deeply nested header", IDTokenValidationTests.base64URL(#"{"alg":"RS256","x":"# + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "}") + "." + payload + ".c2ln"),
        ("non-ASCII", "é." + payload + ".c2ln"),
        ("a huge input", String(repeating: "a", count: 5_000_000)),
        ("a huge input of dots", String(repeating: ".", count: 1_000_000)),
        ("many dots", String(repeating: ".", count: 60_000)),
    ]

    @Test(arguments: malformed.map(\.0))
    func isMalformed(_ name: String) async throws {
        let token = try #require(Self.malformed.first { $0.0 == name }?.1)
        let server = try KeySetHost([try TokenFixtures.jwk("A")]).serve()
        let client = TokenFixtures.client(server)
        let idError = await failure { () async throws(GenAuthError) in try await client.oidc.parseIDToken(token) }
        expectRefused(idError, .malformed, token: token)
        let accessError = await failure { () async throws(GenAuthError) in try await client.oidc.introspectAccessTokenOffline(token) }
        expectRefused(accessError, .malformed, token: token, operation: "introspectAccessTokenOffline")
        #expect(server.keySetRequests == 0)
        #expect((idError?.description.count ?? 0) < 400, "a short message whatever the input")
    }

    @Test func aSignedPayloadThatIsNotAClaimsSetIsMalformed() async throws {
        // PyJWT's JWS layer signs any bytes: the signature verifies, and only then is the payload read.
        let minted = try TokenMint.mint([
            .init(name: "array", alg: "HS256", payload: [:], how: "jws", rawPayload: "[1,2]"),
            .init(name: "text", alg: "RS256", key: "A", header: ["kid": "A"], payload: [:], how: "jws", rawPayload: "hello"),
            .init(name: "empty", alg: "HS256", payload: [:], how: "jws", rawPayload: "{}"),
        ], with: try TokenFixtures.minted.get())
        let server = try KeySetHost([try TokenFixtures.jwk("A")]).serve()
        let client = TokenFixtures.client(server)
        for name in ["array", "text"] {
            let token = try #require(minted[name])
            let error = await failure { () async throws(GenAuthError) in try await client.oidc.parseIDToken(token) }
            expectRefused(error, .malformed, token: token)
            #expect(error?.description.contains("not a JSON object, so not a JWT claims set") == true)
        }
        // An empty object is a claims set, without the claims an ID token needs.
        let empty = try #require(minted["empty"])
        let error = await failure { () async throws(GenAuthError) in try await client.oidc.parseIDToken(empty) }
        expectRefused(error, .missingClaim, claim: "iss", token: empty)
    }

    // MARK: - The pieces

    @Test func base64URLDecodesOnlyTheSpecifiedForm() {
        #expect(Base64URL.decode("") == Data())
        #expect(Base64URL.decode("Zg") == Data("f".utf8))
        #expect(Base64URL.decode("Zm8") == Data("fo".utf8))
        #expect(Base64URL.decode("Zm9v") == Data("foo".utf8))
        #expect(Base64URL.decode("-_-_") == Data([0xFB, 0xFF, 0xBF]))
        #expect(Base64URL.decode("Zg==") == nil)
        #expect(Base64URL.decode("Zg==", allowingPadding: true) == Data("f".utf8))
        #expect(Base64URL.decode("Zh") == nil, "leftover bits must be zero")
        #expect(Base64URL.decode("Z") == nil)
        #expect(Base64URL.decode("+/+/") == nil)
        #expect(Base64URL.decode("Zm 9v") == nil)
        for length in 0..<64 {
            let bytes = Data((0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
            #expect(Base64URL.decode(IDTokenValidationTests.base64URL(bytes)) == bytes)
        }
    }

    @Test func repeatedMemberNamesAreFoundAfterUnescaping() {
        func duplicate(_ json: String) -> String? {
            if case .failure(.duplicateMember(let name)) = JOSEObject.decode(Data(json.utf8)) { return name }
            return nil
        }
        #expect(duplicate(#"{"alg":"RS256","alg":"none"}"#) == "alg")
        #expect(duplicate(#"{"alg":"RS256","\u0061lg":"none"}"#) == "alg")
        #expect(duplicate(#"{"a":{"b":1,"b":2},"c":"b","d":["b","b"]}"#) == nil, "only the top level's names")
        #expect(duplicate(#"{"a\"":1,"a":2,"x":"\\","y":"}"}"#) == nil)
        #expect(duplicate(#" { "exp" : 1 , "exp" : 2 } "#) == "exp")
        if case .success(let members) = JOSEObject.decode(Data(#"{"a":"\"}{","b":[{"a":1}]}"#.utf8)) {
            #expect(members.count == 2)
        } else {
            Issue.record("a valid object was refused")
        }
    }
}
#endif
