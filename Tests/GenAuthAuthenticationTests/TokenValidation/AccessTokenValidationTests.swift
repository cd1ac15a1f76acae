#if TokenValidation
import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// `client.oidc.introspectAccessTokenOffline`: RS256 only, with the claims RFC 9068 §4 asks to check.
@Suite struct AccessTokenValidationTests {
    let server: LoopbackServer

    init() throws {
        server = try KeySetHost([try TokenFixtures.jwk("A")]).serve()
    }

    func introspect(_ name: String) async throws -> (String, GenAuthError?) {
        let token = try TokenFixtures.token(name)
        let client = TokenFixtures.client(server)
        return (token, await failure { () async throws(GenAuthError) in try await client.oidc.introspectAccessTokenOffline(token) })
    }

    @Test func aValidAccessTokenGivesItsClaims() async throws {
        let claims = try await TokenFixtures.client(server).oidc.introspectAccessTokenOffline(try TokenFixtures.token("access"))
        #expect(claims.iss == TokenFixtures.issuer)
        #expect(claims.sub == "6389c4a1e1ac3d8ac1f62b58")
        #expect(claims.aud == [TokenFixtures.appId])
        #expect(claims.exp == Date(timeIntervalSince1970: TokenFixtures.now + 1_209_600))
        #expect(claims.iat == Date(timeIntervalSince1970: TokenFixtures.now - 10))
        #expect(claims.jti == "WT_5PO2DOtdzQ1WsuoV2d")
        #expect(claims.scope == "openid profile email offline_access")
        #expect(claims.scopes == ["openid", "profile", "email", "offline_access"])
        #expect(claims.clientId == TokenFixtures.appId)
        #expect(claims.tenantId == "tenant-7")
        #expect(claims.claims == TokenFixtures.accessClaims())
    }

    @Test func anAtJWTTypedTokenAndOneWithoutIatOrSubPass() async throws {
        let client = TokenFixtures.client(server)
        _ = try await client.oidc.introspectAccessTokenOffline(try TokenFixtures.token("accessAtJWT"))
        let claims = try await client.oidc.introspectAccessTokenOffline(try TokenFixtures.token("accessNoIatNoSub"))
        #expect(claims.sub == nil && claims.iat == nil)
        #expect(server.keySetRequests == 1, "the second validation uses the cached keys")
    }

    @Test func hs256IsRefusedForAccessTokens() async throws {
        let (token, error) = try await introspect("accessHS256")
        expectRefused(error, .unsupportedAlgorithm, token: token, operation: "introspectAccessTokenOffline")
    }

    @Test func hs256SignedWithTheRSAPublicKeyIsRefused() async throws {
        let (token, error) = try await introspect("accessConfusion")
        expectRefused(error, .unsupportedAlgorithm, token: token, operation: "introspectAccessTokenOffline")
        #expect(server.keySetRequests == 0)
    }

    @Test func algNoneIsRefused() async throws {
        let (token, error) = try await introspect("idNone")
        expectRefused(error, .unsupportedAlgorithm, token: token, operation: "introspectAccessTokenOffline")
    }

    @Test func aTamperedAccessTokenFailsTheSignature() async throws {
        let parts = try TokenFixtures.token("access").split(separator: ".")
        let payload = IDTokenValidationTests.base64URL(#"{"iss":"https://example.genauth.ai/oidc","aud":"6389c43d0d5b1c3e1f1b2a3c","exp":9999999999,"scope":"admin"}"#)
        let token = [String(parts[0]), payload, String(parts[2])].joined(separator: ".")
        let error = await failure { () async throws(GenAuthError) in try await TokenFixtures.client(server).oidc.introspectAccessTokenOffline(token) }
        expectRefused(error, .invalidSignature, token: token, operation: "introspectAccessTokenOffline")
    }

    @Test func anotherAudienceIsRefused() async throws {
        let (token, error) = try await introspect("accessWrongAud")
        expectRefused(error, .audienceMismatch, claim: "aud", token: token, operation: "introspectAccessTokenOffline")
    }

    @Test func anExpiredAccessTokenIsRefused() async throws {
        let (token, error) = try await introspect("accessExpired")
        expectRefused(error, .expired, claim: "exp", token: token, operation: "introspectAccessTokenOffline")
    }
}
#endif
