#if TokenValidation
import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// The key set: fetched once and cached, shared by concurrent validations, fetched again for an unknown `kid` no more
/// than once per interval, and its fetch's failures named.
@Suite struct SigningKeyCacheTests {
    @Test func cachedKeysCostNoRequest() async throws {
        let server = try KeySetHost([try TokenFixtures.jwk("A")]).serve()
        let client = TokenFixtures.client(server)
        for _ in 0..<5 {
            _ = try await client.oidc.parseIDToken(try TokenFixtures.token("id"))
            _ = try await client.oidc.introspectAccessTokenOffline(try TokenFixtures.token("access"))
        }
        #expect(server.keySetRequests == 1)
        // Each client has its own cache.
        _ = try await TokenFixtures.client(server).oidc.parseIDToken(try TokenFixtures.token("id"))
        #expect(server.keySetRequests == 2)
    }

    @Test func anUnknownKidIsFetchedAgainOnceAfterARotation() async throws {
        let keySet = KeySetHost([try TokenFixtures.jwk("A")])
        let server = try keySet.serve()
        let clock = TestClock()
        let client = TokenFixtures.client(server, clock: clock)
        _ = try await client.oidc.parseIDToken(try TokenFixtures.token("id"))
        #expect(server.keySetRequests == 1)

        // GenAuth rotates to B; a token signed with B arrives two minutes later.
        keySet.publish([try TokenFixtures.jwk("B")])
        clock.advance(by: 120)
        let claims = try await client.oidc.parseIDToken(try TokenFixtures.token("idRotated"))
        #expect(claims.sub == "6389c4a1e1ac3d8ac1f62b58")
        #expect(server.keySetRequests == 2)
        _ = try await client.oidc.parseIDToken(try TokenFixtures.token("idRotated"))
        #expect(server.keySetRequests == 2, "B is cached now")

        // A is gone from the new set: its tokens are refused, and the interval holds (no third request).
        let token = try TokenFixtures.token("id")
        let error = await failure { () async throws(GenAuthError) in try await client.oidc.parseIDToken(token) }
        expectRefused(error, .unknownKey, token: token)
        #expect(server.keySetRequests == 2)
    }

    @Test func aKidStillUnknownAfterTheRefetchIsAnUnknownKey() async throws {
        let server = try KeySetHost([try TokenFixtures.jwk("A")]).serve()
        let clock = TestClock()
        let client = TokenFixtures.client(server, clock: clock)
        let token = try TokenFixtures.token("idUnknownKid")
        func validate() async -> GenAuthError? {
            await failure { () async throws(GenAuthError) in try await client.oidc.parseIDToken(token) }
        }

        // The first fetch is for this token: no second one right after it.
        let first = await validate()
        expectRefused(first, .unknownKey, token: token)
        #expect(first?.description.contains("the key set has no key with the token's kid 'Z'") == true)
        #expect(server.keySetRequests == 1)

        // Within the interval: refused without a request, saying why.
        clock.advance(by: 30)
        let limited = await validate()
        expectRefused(limited, .unknownKey, token: token)
        #expect(limited?.description.contains("fetched 30 s ago and is fetched again at most once every 60 s") == true)
        #expect(server.keySetRequests == 1)

        // After it: one refetch, and still unknown.
        clock.advance(by: 31)
        let refetched = await validate()
        expectRefused(refetched, .unknownKey, token: token)
        #expect(refetched?.description.contains("even after fetching the key set again") == true)
        #expect(server.keySetRequests == 2)

        // A stream of such tokens makes no more requests until the interval has passed again.
        for _ in 0..<20 { _ = await validate() }
        #expect(server.keySetRequests == 2)
        clock.advance(by: 60)
        for _ in 0..<20 { _ = await validate() }
        #expect(server.keySetRequests == 3)
    }

    @Test func theRefetchIntervalComesFromTheOptions() async throws {
        let server = try KeySetHost([try TokenFixtures.jwk("A")]).serve()
        let clock = TestClock()
        let client = TokenFixtures.client(
            server, clock: clock, options: TokenValidationOptions(issuer: TokenFixtures.issuer, jwksRefetchInterval: 600))
        let token = try TokenFixtures.token("idUnknownKid")
        _ = try await TokenFixtures.client(server).oidc.parseIDToken(try TokenFixtures.token("id"))  // another client
        _ = await failure { () async throws(GenAuthError) in try await client.oidc.parseIDToken(token) }
        clock.advance(by: 300)
        _ = await failure { () async throws(GenAuthError) in try await client.oidc.parseIDToken(token) }
        #expect(server.keySetRequests == 2)
        clock.advance(by: 300)
        _ = await failure { () async throws(GenAuthError) in try await client.oidc.parseIDToken(token) }
        #expect(server.keySetRequests == 3)
    }

    @Test func fiftyConcurrentValidationsMakeOneFetch() async throws {
        let keySet = KeySetHost([try TokenFixtures.jwk("A")])
        keySet.delay(by: 0.3)  // all fifty are waiting while the one request is answered
        let server = try keySet.serve()
        let client = TokenFixtures.client(server)
        let idToken = try TokenFixtures.token("id")
        let accessToken = try TokenFixtures.token("access")
        let subjects = try await withThrowingTaskGroup(of: String?.self) { group in
            for index in 0..<50 {
                group.addTask {
                    index.isMultiple(of: 2)
                        ? try await client.oidc.parseIDToken(idToken).sub
                        : try await client.oidc.introspectAccessTokenOffline(accessToken).sub
                }
            }
            return try await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(subjects.count == 50 && subjects.allSatisfy { $0 == "6389c4a1e1ac3d8ac1f62b58" })
        #expect(server.keySetRequests == 1)
    }

    @Test func concurrentTokensWithAnUnknownKidShareOneRefetch() async throws {
        let keySet = KeySetHost([try TokenFixtures.jwk("A")])
        let server = try keySet.serve()
        let clock = TestClock()
        let client = TokenFixtures.client(server, clock: clock)
        _ = try await client.oidc.parseIDToken(try TokenFixtures.token("id"))
        keySet.publish([try TokenFixtures.jwk("A"), try TokenFixtures.jwk("B")])
        keySet.delay(by: 0.3)
        clock.advance(by: 120)
        let token = try TokenFixtures.token("idRotated")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask { _ = try await client.oidc.parseIDToken(token) }
            }
            try await group.waitForAll()
        }
        #expect(server.keySetRequests == 2)
    }

    @Test func aKeySetAnswering500IsAnHTTPStatusNamingTheStep() async throws {
        let keySet = KeySetHost([try TokenFixtures.jwk("A")])
        keySet.answer(status: 500)
        let server = try keySet.serve()
        let client = TokenFixtures.client(server)
        let token = try TokenFixtures.token("id")
        let error = await failure { () async throws(GenAuthError) in try await client.oidc.parseIDToken(token) }
        guard case .httpStatus(let failure)? = error else {
            Issue.record("expected httpStatus, got \(String(describing: error))")
            return
        }
        #expect(failure.statusCode == 500)
        #expect(failure.message == "服务器内部错误")
        #expect(failure.call == GenAuthCall(
            operation: "parseIDToken", method: "", path: "",
            step: GenAuthCall.Step(purpose: "fetching the signing keys", method: "GET", path: TokenFixtures.jwksPath)))
        #expect(error?.description == "parseIDToken: fetching the signing keys (GET /oidc/.well-known/jwks.json) failed: GenAuth server answered HTTP 500: 服务器内部错误 [requestId r-500]")
        expectNoSecrets(error, token: token)

        // A failure is not cached: the next validation asks again, and succeeds once the server does.
        keySet.answer(status: 200)
        _ = try await client.oidc.parseIDToken(token)
        #expect(server.keySetRequests == 2)
        // HS256 tokens never needed the keys.
        keySet.answer(status: 500)
        _ = try await TokenFixtures.client(server).oidc.parseIDToken(try TokenFixtures.token("idHS256"))
    }

    @Test func aFailedRefetchKeepsTheCachedKeys() async throws {
        let keySet = KeySetHost([try TokenFixtures.jwk("A")])
        let server = try keySet.serve()
        let clock = TestClock()
        let client = TokenFixtures.client(server, clock: clock)
        _ = try await client.oidc.parseIDToken(try TokenFixtures.token("id"))
        keySet.answer(status: 500)
        clock.advance(by: 120)
        let token = try TokenFixtures.token("idRotated")
        let error = await failure { () async throws(GenAuthError) in try await client.oidc.introspectAccessTokenOffline(token) }
        #expect(error?.call?.operation == "introspectAccessTokenOffline")
        #expect(error?.call?.step?.purpose == "fetching the signing keys")
        #expect(error?.statusCode == 500)
        _ = try await client.oidc.parseIDToken(try TokenFixtures.token("id"))
        #expect(server.keySetRequests == 2)
    }

    @Test func aKeySetThatIsNotOneIsUndecodableNamingTheStep() async throws {
        let server = try LoopbackServer { _ in .json(200, #"{"data":[]}"#) }
        let token = try TokenFixtures.token("id")
        let error = await failure { () async throws(GenAuthError) in try await TokenFixtures.client(server).oidc.parseIDToken(token) }
        guard case .undecodableResponse(let failure)? = error else {
            Issue.record("expected undecodableResponse, got \(String(describing: error))")
            return
        }
        #expect(failure.call?.step?.path == TokenFixtures.jwksPath)
    }

    @Test func anUnreachableKeySetIsATransportFailureNamingTheStep() async throws {
        let port = try RefusingPort()
        let client = AuthenticationClient(
            options: AuthenticationClientOptions(appId: TokenFixtures.appId, appHost: "http://127.0.0.1:\(port.port)",
                                                 tokenValidation: TokenValidationOptions(issuer: TokenFixtures.issuer)),
            clock: { Date(timeIntervalSince1970: TokenFixtures.now) })
        let token = try TokenFixtures.token("id")
        let error = await failure { () async throws(GenAuthError) in try await client.oidc.parseIDToken(token) }
        guard case .transport? = error else {
            Issue.record("expected transport, got \(String(describing: error))")
            return
        }
        #expect(error?.call?.step?.purpose == "fetching the signing keys")
    }

    @Test func theKeySetPathComesFromTheOptions() async throws {
        let path = "/\(TokenFixtures.appId)/oidc/.well-known/jwks.json"
        let server = try KeySetHost([try TokenFixtures.jwk("A")]).serve(at: path)
        let client = TokenFixtures.client(server, options: TokenValidationOptions(issuer: TokenFixtures.issuer, jwksPath: path))
        _ = try await client.oidc.parseIDToken(try TokenFixtures.token("id"))
        #expect(server.requests.map(\.target) == [path])
    }

    @Test func theKeySetIsFetchedWithoutTheUsersToken() async throws {
        let server = try KeySetHost([try TokenFixtures.jwk("A")]).serve()
        let client = TokenFixtures.client(server)
        client.setAccessToken("the-users-access-token")
        _ = try await client.oidc.parseIDToken(try TokenFixtures.token("id"))
        let request = try #require(server.requests.first)
        #expect(request.target == TokenValidationOptions.defaultJWKSPath)
        #expect(request.header("authorization") == nil, "a public key set must not receive the user's token")
    }

    @Test func aKeySetPathThatIsNotAPathSendsNothing() async throws {
        let server = try KeySetHost([try TokenFixtures.jwk("A")]).serve()
        let client = TokenFixtures.client(server, options: TokenValidationOptions(issuer: TokenFixtures.issuer, jwksPath: "evil.example.com/jwks.json"))
        let token = try TokenFixtures.token("id")
        let error = await failure { () async throws(GenAuthError) in try await client.oidc.parseIDToken(token) }
        guard case .invalidRequest(let failure)? = error else {
            Issue.record("expected invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(failure.reason.contains("must start with '/'"))
        #expect(failure.call?.step?.purpose == "fetching the signing keys")
        #expect(server.requests.isEmpty)
    }
}
#endif
