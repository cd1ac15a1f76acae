#if TokenValidation
import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// `client.oidc.parseIDToken`: tokens PyJWT made, keys on a loopback server, every check and its failure.
@Suite struct IDTokenValidationTests {
    let keySet: KeySetHost
    let server: LoopbackServer

    init() throws {
        keySet = KeySetHost([try TokenFixtures.jwk("A"), try TokenFixtures.jwk("B")])
        server = try keySet.serve()
    }

    func parse(_ name: String, nonce: String? = nil, client: AuthenticationClient? = nil) async throws -> (String, GenAuthError?) {
        let token = try TokenFixtures.token(name)
        let client = client ?? TokenFixtures.client(server)
        return (token, await failure { () async throws(GenAuthError) in try await client.oidc.parseIDToken(token, nonce: nonce) })
    }

    // MARK: - Valid tokens

    @Test func aValidRS256IDTokenGivesItsClaims() async throws {
        let client = TokenFixtures.client(server)
        let claims = try await client.oidc.parseIDToken(try TokenFixtures.token("id"), nonce: TokenFixtures.nonce)
        #expect(claims.iss == TokenFixtures.issuer)
        #expect(claims.sub == "6389c4a1e1ac3d8ac1f62b58")
        #expect(claims.aud == [TokenFixtures.appId])
        #expect(claims.exp == Date(timeIntervalSince1970: TokenFixtures.now + 3600))
        #expect(claims.iat == Date(timeIntervalSince1970: TokenFixtures.now - 10))
        #expect(claims.authTime == Date(timeIntervalSince1970: TokenFixtures.now - 20))
        #expect(claims.nbf == nil)
        #expect(claims.nonce == TokenFixtures.nonce)
        #expect(claims.atHash == "77QmUPtjPfzWtF2AnpK9RQ")
        #expect(claims.name == "张三")
        #expect(claims.preferredUsername == "zhangsan")
        #expect(claims.email == "test@example.com")
        #expect(claims.emailVerified == true)
        #expect(claims.phoneNumber == "188xxxx8888")
        #expect(claims.phoneNumberVerified == false)
        #expect(claims.updatedAt == GenAuthDate.parse("2025-11-01T08:00:00Z"))
        #expect(claims.locale == "zh-CN")
        #expect(claims.claims["custom"] == ["plan": "pro", "seats": 3])
        #expect(claims.claims.count == TokenFixtures.idClaims().count)
        #expect(server.keySetRequests == 1)
        #expect(server.requests.first?.header("x-authing-app-id") == TokenFixtures.appId)
    }

    @Test func aValidHS256IDTokenVerifiesWithTheAppSecretAndFetchesNoKeys() async throws {
        let claims = try await TokenFixtures.client(server).oidc.parseIDToken(try TokenFixtures.token("idHS256"))
        #expect(claims.sub == "6389c4a1e1ac3d8ac1f62b58")
        #expect(server.keySetRequests == 0)
    }

    @Test func theDefaultIssuerIsTheAppHostsOIDCPath() async throws {
        // appHost with a trailing slash; the expected issuer is {appHost without it}/oidc.
        let minted = try TokenMint.mint([
            .init(name: "own", alg: "RS256", key: "A", header: ["kid": "A"], payload: TokenFixtures.idClaims(["iss": .string(server.baseURL + "/oidc")])),
        ], with: try TokenFixtures.minted.get())
        let client = TokenFixtures.client(server, appHost: server.baseURL + "/", options: TokenValidationOptions())
        let claims = try await client.oidc.parseIDToken(try #require(minted["own"]))
        #expect(claims.iss == server.baseURL + "/oidc")
        let (token, error) = try await parse("id", client: client)
        expectRefused(error, .issuerMismatch, claim: "iss", token: token)
        #expect(error?.description.contains("'\(server.baseURL)/oidc'") == true)
    }

    @Test func aTokenWithoutKidUsesTheKeySetsOnlyKey() async throws {
        keySet.publish([try TokenFixtures.jwk("A")])
        let claims = try await TokenFixtures.client(server).oidc.parseIDToken(try TokenFixtures.token("idNoKid"))
        #expect(claims.sub == "6389c4a1e1ac3d8ac1f62b58")
    }

    @Test func aTokenWithoutKidIsRefusedWhenTheKeySetHasSeveralKeys() async throws {
        let (token, error) = try await parse("idNoKid")
        expectRefused(error, .unknownKey, token: token)
        #expect(error?.description.contains("names no kid, and the key set has 2 RSA signing keys") == true)
    }

    // MARK: - Signatures and algorithms

    @Test func aTamperedPayloadFailsTheSignature() async throws {
        let original = try TokenFixtures.token("id").split(separator: ".")
        let changed = try TokenFixtures.token("idSubChanged").split(separator: ".")
        let token = [original[0], changed[1], original[2]].joined(separator: ".")
        let error = await failure { () async throws(GenAuthError) in try await TokenFixtures.client(server).oidc.parseIDToken(token) }
        expectRefused(error, .invalidSignature, token: token)
        #expect(error?.description.contains("does not verify with the key set's key 'A'") == true)
    }

    @Test func aTokenSignedWithAnotherKeyFailsTheSignature() async throws {
        let (token, error) = try await parse("idOtherKey")
        expectRefused(error, .invalidSignature, token: token)
    }

    @Test func anHS256TokenSignedWithAnotherSecretFailsTheSignature() async throws {
        let client = AuthenticationClient(
            options: AuthenticationClientOptions(appId: TokenFixtures.appId, appSecret: "another-secret-0123456789", appHost: server.baseURL,
                                                 tokenValidation: TokenValidationOptions(issuer: TokenFixtures.issuer)),
            clock: { Date(timeIntervalSince1970: TokenFixtures.now) })
        let (token, error) = try await parse("idHS256", client: client)
        expectRefused(error, .invalidSignature, token: token)
        #expect(!String(describing: error).contains("another-secret-0123456789"))
    }

    @Test func anHS256TokenWithoutAnAppSecretIsAnUnknownKey() async throws {
        let (token, error) = try await parse("idHS256", client: TokenFixtures.client(server, appSecret: nil))
        expectRefused(error, .unknownKey, token: token)
        #expect(error?.description.contains("no appSecret") == true)
        #expect(server.keySetRequests == 0)
    }

    @Test func algNoneIsRefused() async throws {
        let (token, error) = try await parse("idNone")
        expectRefused(error, .unsupportedAlgorithm, token: token)
        #expect(server.keySetRequests == 0)
    }

    @Test func algNoneIsRefusedWhateverItsCase() async throws {
        let payload = try TokenFixtures.token("id").split(separator: ".")[1]
        for header in [#"{"alg":"None"}"#, #"{"alg":"NONE"}"#, #"{"alg":"nOnE","typ":"JWT"}"#] {
            let token = Self.base64URL(header) + "." + payload + "."
            let error = await failure { () async throws(GenAuthError) in try await TokenFixtures.client(server).oidc.parseIDToken(token) }
            expectRefused(error, .unsupportedAlgorithm, token: token)
        }
    }

    @Test func hs256SignedWithTheRSAPublicKeyIsRefused() async throws {
        // The classic algorithm confusion: the public key is no HMAC secret; the app secret is, and it does not match.
        let (token, error) = try await parse("idConfusion")
        expectRefused(error, .invalidSignature, token: token)
        #expect(server.keySetRequests == 0, "an HS256 token never looks at the key set")
        // Without an app secret, the RSA key is not used in its place.
        let (_, withoutSecret) = try await parse("idConfusion", client: TokenFixtures.client(server, appSecret: nil))
        expectRefused(withoutSecret, .unknownKey, token: token)
    }

    @Test(arguments: ["idHS512", "idES256"])
    func otherAlgorithmsAreRefused(_ name: String) async throws {
        let (token, error) = try await parse(name)
        expectRefused(error, .unsupportedAlgorithm, token: token)
    }

    @Test func aKeyTooSmallForRS256IsNotUsed() async throws {
        keySet.publish([try TokenFixtures.jwk("A"), try TokenFixtures.jwk("small")])
        let (token, error) = try await parse("idSmallKey")
        expectRefused(error, .unknownKey, token: token)
        #expect(error?.description.contains("'small' is not an RSA key for RS256") == true)
    }

    @Test(arguments: [
        ["alg": "RS512"], ["use": "enc"], ["kty": "oct"], ["key_ops": ["encrypt"]], ["n": "not base64!"],
    ] as [[String: JSONValue?]])
    func aKeyWhoseMembersContradictTheTokenIsNotUsed(_ changes: [String: JSONValue?]) async throws {
        keySet.publish([try TokenFixtures.jwk("A", changes), try TokenFixtures.jwk("B")])
        let (token, error) = try await parse("id")
        expectRefused(error, .unknownKey, token: token)
    }

    @Test func aKeySetWithOtherKindsOfKeysStillServesItsRSAKey() async throws {
        keySet.publish([
            ["kty": "EC", "crv": "P-256", "kid": "ec", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"],
            "not a key", ["kty": "oct", "k": "c2VjcmV0", "kid": "A"], try TokenFixtures.jwk("A", ["key_ops": ["verify"]]),
        ])
        let claims = try await TokenFixtures.client(server).oidc.parseIDToken(try TokenFixtures.token("id"))
        #expect(claims.aud == [TokenFixtures.appId])
    }

    // MARK: - Header

    @Test func aCriticalExtensionIsRefused() async throws {
        let (token, error) = try await parse("idCrit")
        expectRefused(error, .malformed, token: token)
        #expect(error?.description.contains("marks 'exp' critical (crit)") == true)
    }

    @Test func anAccessTokenTypeIsNoIDToken() async throws {
        let (token, error) = try await parse("idTypAtJWT")
        expectRefused(error, .malformed, token: token)
    }

    @Test func aRepeatedHeaderParameterIsRefused() async throws {
        // Foundation's decoder would keep the first alg (RS256), other libraries the last (HS256).
        let (token, error) = try await parse("idDuplicateAlg")
        expectRefused(error, .malformed, token: token)
        #expect(error?.description.contains("'alg' appears twice") == true)
    }

    @Test func aRepeatedClaimIsRefused() async throws {
        let (token, error) = try await parse("idDuplicateExp")
        expectRefused(error, .malformed, claim: "exp", token: token)
    }

    static func base64URL(_ text: String) -> String {
        base64URL(Data(text.utf8))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
#endif
