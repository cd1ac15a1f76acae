import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// The OIDC and OAuth endpoints a server calls, against the loopback server: form bodies, the client's
/// authentication for each endpoint, the user's token kept away from them, and OAuth's error answers.
@Suite struct TokenEndpointTests {
    static let tokens = #"{"access_token":"at-new-0123456789","id_token":"a.b.c","refresh_token":"rt-0123456789","token_type":"Bearer","expires_in":3600,"scope":"openid profile"}"#

    static func client(
        _ server: LoopbackServer, secret: String? = Fixtures.appSecret,
        token: AuthenticationClientOptions.EndpointAuthMethod = .clientSecretPost,
        introspection: AuthenticationClientOptions.EndpointAuthMethod = .clientSecretPost,
        revocation: AuthenticationClientOptions.EndpointAuthMethod = .clientSecretPost
    ) -> AuthenticationClient {
        AuthenticationClient(options: AuthenticationClientOptions(
            appId: Fixtures.appId, appSecret: secret, appHost: server.baseURL, redirectUri: "https://example.com/cb",
            tokenEndpointAuthMethod: token, introspectionEndpointAuthMethod: introspection, revocationEndpointAuthMethod: revocation,
            accessToken: "user-token-that-must-not-leak"))
    }

    /// A form body as name → value; a repeated name fails the test.
    static func form(_ body: Data) -> [String: String] {
        var result: [String: String] = [:]
        for item in URLComponents(string: "?" + String(decoding: body, as: UTF8.self))?.queryItems ?? [] {
            #expect(result.updateValue(item.value ?? "", forKey: item.name) == nil)
        }
        return result
    }

    @Test func theCodeIsExchangedWithTheVerifierAndTheSecretInTheForm() async throws {
        let server = try LoopbackServer { _ in .json(200, Self.tokens) }
        let client = Self.client(server)
        let response = try await client.oidc.getAccessTokenByCode("code-1", codeVerifier: "verifier-0123456789012345678901234567890123")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST" && request.target == "/oidc/token")
        #expect(request.header("content-type") == "application/x-www-form-urlencoded")
        #expect(request.header("authorization") == nil)  // not the user's token, not Basic
        #expect(Self.form(request.body) == [
            "grant_type": "authorization_code", "code": "code-1", "redirect_uri": "https://example.com/cb",
            "code_verifier": "verifier-0123456789012345678901234567890123",
            "client_id": Fixtures.appId, "client_secret": Fixtures.appSecret,
        ])
        #expect(response == OIDCTokenResponse(
            accessToken: "at-new-0123456789", idToken: "a.b.c", refreshToken: "rt-0123456789", tokenType: "Bearer",
            expiresIn: 3600, scope: "openid profile"))
        #expect(client.accessToken == "at-new-0123456789")
    }

    @Test func clientSecretBasicSendsTheEncodedCredentialsInTheHeaderOnly() async throws {
        let server = try LoopbackServer { _ in .json(200, Self.tokens) }
        let client = AuthenticationClient(options: AuthenticationClientOptions(
            appId: "id:with space", appSecret: "s&c:ret", appHost: server.baseURL, redirectUri: "https://example.com/cb",
            tokenEndpointAuthMethod: .clientSecretBasic, accessToken: "user-token"))
        _ = try await client.oidc.getNewAccessTokenByRefreshToken("rt-1")
        let request = try #require(server.requests.first)
        // RFC 6749 §2.3.1: each form-encoded, then "id:secret" in base64.
        #expect(request.header("authorization") == "Basic " + Data("id%3Awith%20space:s%26c%3Aret".utf8).base64EncodedString())
        #expect(Self.form(request.body) == ["grant_type": "refresh_token", "refresh_token": "rt-1"])
    }

    @Test func noneSendsTheClientIDAlone() async throws {
        let server = try LoopbackServer { _ in .json(200, Self.tokens) }
        let client = Self.client(server, secret: nil, token: .none)
        _ = try await client.oidc.getAccessTokenByCode("code-1", codeVerifier: "v")
        #expect(Self.form(server.requests[0].body)["client_id"] == Fixtures.appId)
        #expect(Self.form(server.requests[0].body)["client_secret"] == nil)
        #expect(server.requests[0].header("authorization") == nil)
        // Post without a secret cannot be sent.
        let error = await #expect(throws: GenAuthError.self) {
            try await Self.client(server, secret: nil).oidc.getAccessTokenByCode("code-1")
        }
        #expect(error?.description.contains("client_secret_post needs the app secret") == true)
        #expect(server.requests.count == 1)
    }

    @Test func eachEndpointUsesItsOwnAuthenticationMethod() async throws {
        let server = try LoopbackServer { request in
            request.path.hasSuffix("introspection") ? .json(200, #"{"active":true,"sub":"u1","client_id":"c","exp":1700000000,"scope":"openid"}"#) : .json(200, "")
        }
        let client = Self.client(server, token: .none, introspection: .clientSecretBasic, revocation: .clientSecretPost)
        let introspection = try await client.oidc.introspectToken("tok-1", tokenTypeHint: .accessToken)
        #expect(introspection.active && introspection.sub == "u1" && introspection.exp == 1_700_000_000)
        try await client.oidc.revokeToken("tok-2")
        let (first, second) = (server.requests[0], server.requests[1])
        #expect(first.target == "/oidc/token/introspection")
        #expect(first.header("authorization")?.hasPrefix("Basic ") == true)
        #expect(Self.form(first.body) == ["token": "tok-1", "token_type_hint": "access_token"])
        #expect(second.target == "/oidc/token/revocation")
        #expect(second.header("authorization") == nil)
        #expect(Self.form(second.body) == ["token": "tok-2", "client_id": Fixtures.appId, "client_secret": Fixtures.appSecret])
    }

    @Test func anOAuthErrorAnswerIsItsOwnErrorWithBothFields() async throws {
        for status in [400, 401, 200] {
            let server = try LoopbackServer { _ in
                .json(status, #"{"error":"invalid_grant","error_description":"授权码无效或已过期 code-1"}"#)
            }
            let error = await #expect(throws: GenAuthError.self) {
                try await Self.client(server).oidc.getAccessTokenByCode("code-1")
            }
            guard case .oauth(let failure)? = error else { Issue.record("expected oauth, got \(String(describing: error))"); continue }
            #expect(failure.error == "invalid_grant")
            #expect(failure.errorDescription == "授权码无效或已过期 <redacted>")  // the code is a secret of the request
            #expect(failure.httpStatus == status)
            #expect(error?.statusCode == status)
            #expect(error?.call == GenAuthCall(operation: "getAccessTokenByCode", method: "POST", path: "/oidc/token"))
            #expect(error?.description == "getAccessTokenByCode (POST /oidc/token): GenAuth answered HTTP \(status) with OAuth error 'invalid_grant': 授权码无效或已过期 <redacted>")
            #expect(!String(decoding: failure.body, as: UTF8.self).contains(Fixtures.appSecret))
        }
        // Not OAuth's shape: the status decides.
        let html = try LoopbackServer { _ in .respond(status: 502, headers: ["content-type": "text/html"], body: Data("<html>bad</html>".utf8)) }
        let error = await #expect(throws: GenAuthError.self) { try await Self.client(html).oidc.introspectToken("t") }
        guard case .httpStatus(let failure)? = error else { Issue.record("expected httpStatus"); return }
        #expect(failure.statusCode == 502)
        #expect(error?.description.hasPrefix("introspectToken (POST /oidc/token/introspection): GenAuth server answered HTTP 502") == true)
    }

    @Test func userInfoSendsTheTokenInTheHeaderNeverInTheURL() async throws {
        let server = try LoopbackServer { _ in
            .json(200, #"{"sub":"u1","name":"Zhang","email":"z@example.com","extended_fields":{"level":3}}"#)
        }
        let client = Self.client(server)
        let info = try await client.oidc.getUserInfoByAccessToken("given-token")
        #expect(server.requests[0].method == "GET" && server.requests[0].target == "/oidc/me")
        #expect(server.requests[0].header("authorization") == "Bearer given-token")
        #expect(info.sub == "u1")
        #expect(info.name == "Zhang" && info.email == "z@example.com")
        #expect(info.additionalProperties == ["extended_fields": ["level": 3]])
        _ = try await client.oauth.getUserInfoByAccessToken()
        #expect(server.requests[1].target == "/oauth/me")
        #expect(server.requests[1].header("authorization") == "Bearer user-token-that-must-not-leak")
    }

    @Test func theDiscoveryDocumentKeepsEveryField() async throws {
        let server = try LoopbackServer { _ in
            .json(200, #"{"issuer":"https://example.genauth.ai/oidc","authorization_endpoint":"https://example.genauth.ai/oidc/auth","jwks_uri":"https://example.genauth.ai/oidc/.well-known/jwks.json","code_challenge_methods_supported":["S256","plain"],"frontchannel_logout_supported":true}"#)
        }
        let configuration = try await Self.client(server).oidc.getOpenIDConfiguration()
        #expect(server.requests[0].target == "/oidc/.well-known/openid-configuration")
        #expect(server.requests[0].header("authorization") == nil)
        #expect(configuration.issuer == "https://example.genauth.ai/oidc")
        #expect(configuration.codeChallengeMethodsSupported == ["S256", "plain"])
        #expect(configuration.additionalProperties == ["frontchannel_logout_supported": true])
        // Encoded back, the extra field is there again, and a declared field wins over an extra of the same key.
        var edited = configuration
        edited.additionalProperties["issuer"] = "https://evil.example"
        let data = try JSONEncoder().encode(edited)
        let decoded = try JSONDecoder().decode(OIDCDiscoveryMetadata.self, from: data)
        #expect(decoded.issuer == "https://example.genauth.ai/oidc")
        #expect(decoded.additionalProperties["frontchannel_logout_supported"] == true)
    }

    @Test func theRedirectBackIsCheckedThenItsCodeExchanged() async throws {
        let server = try LoopbackServer { _ in .json(200, Self.tokens) }
        let client = Self.client(server)
        let request = try client.oidc.buildAuthorizeUrl()
        let forged = await #expect(throws: GenAuthError.self) {
            try await client.oidc.handleRedirectCallback("https://example.com/cb?code=c&state=forged", request: request)
        }
        guard case .invalidCallback(let failure)? = forged else { Issue.record("\(String(describing: forged))"); return }
        #expect(failure.kind == .stateMismatch)
        #expect(server.requests.isEmpty)

        let state = try #require(request.state.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        _ = try await client.oidc.handleRedirectCallback("https://example.com/cb?code=the-code&state=\(state)", request: request)
        #expect(Self.form(server.requests[0].body)["code_verifier"] == request.codeVerifier)
        #expect(Self.form(server.requests[0].body)["code"] == "the-code")
        // form_post: the parameters as the web framework split them.
        _ = try await client.oidc.handleRedirectCallback(
            parameters: [URLQueryItem(name: "code", value: "c2"), URLQueryItem(name: "state", value: request.state)], request: request)
        #expect(Self.form(server.requests[1].body)["code"] == "c2")
    }

    @Test func theOAuthFamilyUsesItsOwnEndpoints() async throws {
        let server = try LoopbackServer { _ in .json(200, Self.tokens) }
        let client = Self.client(server)
        _ = try await client.oauth.getAccessTokenByCode("c")
        _ = try await client.oauth.getNewAccessTokenByRefreshToken("r")
        try await client.oauth.revokeToken("t")
        #expect(server.requests.map(\.target) == ["/oauth/token", "/oauth/token", "/oauth/token/revocation"])
        let basic = Self.client(server, revocation: .clientSecretBasic)
        let error = await #expect(throws: GenAuthError.self) { try await basic.oauth.revokeToken("t") }
        #expect(error?.description.contains("client_secret_basic") == true)
        #expect(server.requests.count == 3)
    }

    @Test func clientCredentialsUseTheAccessAccountNotTheApp() async throws {
        let server = try LoopbackServer { _ in .json(200, #"{"access_token":"m2m","expires_in":7200,"token_type":"Bearer","scope":"order:read"}"#) }
        let client = Self.client(server)
        let response = try await client.oidc.getAccessTokenByClientCredentials(scope: "order:read", accessKey: "ak", accessSecret: "sk-secret")
        #expect(response.accessToken == "m2m")
        #expect(Self.form(server.requests[0].body) == [
            "grant_type": "client_credentials", "scope": "order:read", "client_id": "ak", "client_secret": "sk-secret",
        ])
        #expect(client.accessToken == "user-token-that-must-not-leak")  // a machine's token is not the user's
    }

    @Test func revokingTheClientsOwnTokenStopsSendingIt() async throws {
        let server = try LoopbackServer { _ in .json(200, "") }
        let client = Self.client(server)
        try await client.oidc.revokeToken("user-token-that-must-not-leak")
        #expect(client.accessToken == nil)
    }
}
