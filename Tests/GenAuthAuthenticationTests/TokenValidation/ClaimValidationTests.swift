#if TokenValidation
import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// The claims of ID tokens whose signature verifies: issuer, audience, authorized party, times, nonce, types.
@Suite struct ClaimValidationTests {
    let server: LoopbackServer

    init() throws {
        server = try KeySetHost([try TokenFixtures.jwk("A")]).serve()
    }

    func parse(_ name: String, nonce: String? = nil, accessToken: String? = nil, options: TokenValidationOptions? = nil) async throws -> (String, GenAuthError?) {
        let token = try TokenFixtures.token(name)
        let client = options.map { TokenFixtures.client(server, options: $0) } ?? TokenFixtures.client(server)
        return (token, await failure { () async throws(GenAuthError) in
            try await client.oidc.parseIDToken(token, nonce: nonce, accessToken: accessToken)
        })
    }

    @Test func anotherIssuerIsRefused() async throws {
        let (token, error) = try await parse("idWrongIss")
        expectRefused(error, .issuerMismatch, claim: "iss", token: token)
        #expect(error?.description.contains("iss is 'https://evil.example.com/oidc', not the expected issuer 'https://example.genauth.ai/oidc'") == true)
    }

    @Test func theIssuerComesFromTheOptions() async throws {
        let (token, error) = try await parse("idWrongIss", options: TokenValidationOptions(issuer: "https://evil.example.com/oidc"))
        #expect(error == nil, "\(String(describing: error))")
        let (_, other) = try await parse("id", options: TokenValidationOptions(issuer: "https://example.genauth.ai/oidc/"))
        expectRefused(other, .issuerMismatch, claim: "iss", token: token)
    }

    @Test func anotherAudienceIsRefused() async throws {
        let (token, error) = try await parse("idWrongAud")
        expectRefused(error, .audienceMismatch, claim: "aud", token: token)
        #expect(error?.description.contains("aud ('another-app') does not contain the app ID '\(TokenFixtures.appId)'") == true)
    }

    @Test func severalAudiencesNeedAnAuthorizedParty() async throws {
        let (token, error) = try await parse("idAudiences")
        expectRefused(error, .missingClaim, claim: "azp", token: token)
        let claims = try await TokenFixtures.client(server).oidc.parseIDToken(try TokenFixtures.token("idAudiencesAzp"))
        #expect(claims.aud == [TokenFixtures.appId, "another-app"])
        #expect(claims.azp == TokenFixtures.appId)
        let (otherToken, other) = try await parse("idAudiencesOtherAzp")
        expectRefused(other, .audienceMismatch, claim: "azp", token: otherToken)
    }

    @Test func anAudienceThatIsNotAStringIsAMissingClaim() async throws {
        let (token, error) = try await parse("idAudienceNotString")
        expectRefused(error, .missingClaim, claim: "aud", token: token)
    }

    @Test func anExpiredTokenIsRefusedBeyondTheLeeway() async throws {
        let (token, error) = try await parse("idExpiredBeyondLeeway")
        expectRefused(error, .expired, claim: "exp", token: token)
        #expect(error?.description.contains("expired at 2025-11-30T11:58:59Z, 61 s ago, beyond the leeway of 60 s") == true)
        // With a longer leeway, the same token passes.
        let (_, passes) = try await parse("idExpiredBeyondLeeway", options: TokenValidationOptions(issuer: TokenFixtures.issuer, leeway: 120))
        #expect(passes == nil)
    }

    @Test func aTokenExpiredWithinTheLeewayPasses() async throws {
        let (_, error) = try await parse("idExpiredWithinLeeway")
        #expect(error == nil, "\(String(describing: error))")
        // Without leeway, it is refused; and so is a token that expires this very second (RFC 7519 §4.1.4: "before").
        let strict = TokenValidationOptions(issuer: TokenFixtures.issuer, leeway: 0)
        let (token, refused) = try await parse("idExpiredWithinLeeway", options: strict)
        expectRefused(refused, .expired, claim: "exp", token: token)
        let (nowToken, now) = try await parse("idExpiresNow", options: strict)
        expectRefused(now, .expired, claim: "exp", token: nowToken)
        // A negative or NaN leeway counts as none.
        let (_, negative) = try await parse("idExpiredWithinLeeway", options: TokenValidationOptions(issuer: TokenFixtures.issuer, leeway: -100))
        expectRefused(negative, .expired, claim: "exp", token: token)
        let (_, nan) = try await parse("idExpiredWithinLeeway", options: TokenValidationOptions(issuer: TokenFixtures.issuer, leeway: .nan))
        expectRefused(nan, .expired, claim: "exp", token: token)
    }

    @Test func aFractionalExpIsANumericDate() async throws {
        let claims = try await TokenFixtures.client(server).oidc.parseIDToken(try TokenFixtures.token("idFractionalExp"))
        #expect(claims.exp == Date(timeIntervalSince1970: TokenFixtures.now + 3600.5))
    }

    @Test func aTokenIssuedInTheFutureIsNotYetValid() async throws {
        let (token, error) = try await parse("idIssuedInFuture")
        expectRefused(error, .notYetValid, claim: "iat", token: token)
        let (_, within) = try await parse("idIssuedWithinLeeway")
        #expect(within == nil, "\(String(describing: within))")
    }

    @Test func aTokenNotValidBeforeALaterTimeIsNotYetValid() async throws {
        let (token, error) = try await parse("idNotBeforeFuture")
        expectRefused(error, .notYetValid, claim: "nbf", token: token)
        #expect(error?.description.contains("not valid before 2025-11-30T12:05:00Z, 300 s from now") == true)
        let claims = try await TokenFixtures.client(server).oidc.parseIDToken(try TokenFixtures.token("idNotBeforeWithinLeeway"))
        #expect(claims.nbf == Date(timeIntervalSince1970: TokenFixtures.now + 30))
    }

    @Test func theNonceMustBeTheOneGiven() async throws {
        let claims = try await TokenFixtures.client(server).oidc.parseIDToken(try TokenFixtures.token("id"), nonce: TokenFixtures.nonce)
        #expect(claims.nonce == TokenFixtures.nonce)
        let (token, error) = try await parse("id", nonce: "another-nonce")
        expectRefused(error, .nonceMismatch, claim: "nonce", token: token)
        #expect(error?.description.contains(TokenFixtures.nonce) == false)
        let (noNonceToken, missing) = try await parse("idNoNonce", nonce: TokenFixtures.nonce)
        expectRefused(missing, .missingClaim, claim: "nonce", token: noNonceToken)
        // Given no nonce, a token's nonce is not checked.
        let (_, unchecked) = try await parse("id")
        #expect(unchecked == nil)
    }

    /// The fixture's ID token carries the `at_hash` of OpenID Connect Core 1.0's own example (Appendix A.3), whose
    /// access token is the one below: the specification is the oracle.
    @Test func atHashMustMatchTheAccessTokenGiven() async throws {
        let accessToken = "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"
        let claims = try await TokenFixtures.client(server).oidc.parseIDToken(try TokenFixtures.token("id"), accessToken: accessToken)
        #expect(claims.atHash == "77QmUPtjPfzWtF2AnpK9RQ")
        let (token, error) = try await parse("id", accessToken: "another-access-token-0123456789")
        expectRefused(error, .accessTokenMismatch, claim: "at_hash", token: token)
        #expect(error?.description.contains("another-access-token") == false, "the access token is not quoted")
        // The code flow makes at_hash optional: a token without it passes, and an access token is not checked then.
        let (_, withoutHash) = try await parse("idNoAtHash", accessToken: accessToken)
        #expect(withoutHash == nil)
    }

    @Test func aTokenQuotingTheAppSecretDoesNotLeakIt() async throws {
        let (token, error) = try await parse("idIssIsSecret")
        expectRefused(error, .issuerMismatch, claim: "iss", token: token)
        #expect(error?.description.contains("iss is '<redacted>'") == true)
        let (kidToken, kidError) = try await parse("idKidIsSecret")
        expectRefused(kidError, .unknownKey, token: kidToken)
    }

    @Test(arguments: [("idNoExp", "exp"), ("idExpText", "exp"), ("idNoIat", "iat"), ("idNoSub", "sub"), ("idNoIss", "iss")])
    func aMissingOrMistypedRequiredClaimIsNamed(_ name: String, _ claim: String) async throws {
        let (token, error) = try await parse(name)
        expectRefused(error, .missingClaim, claim: claim, token: token)
    }
}
#endif
