import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// The authorization, logout and login URLs of OIDC, OAuth 2.0, SAML and CAS: every parameter, percent-encoded.
@Suite struct AuthorizeURLTests {
    static func client(
        redirectUri: String? = "https://example.com/callback?from=app&x=a b#frag", scope: String? = nil,
        logoutRedirectUri: String? = nil, appHost: String = "https://example.genauth.ai/"
    ) -> AuthenticationClient {
        AuthenticationClient(options: AuthenticationClientOptions(
            appId: "app 1&2", appSecret: "secret", appHost: appHost, redirectUri: redirectUri,
            logoutRedirectUri: logoutRedirectUri, scope: scope))
    }

    /// The query of `url` as name → value, each name once (a repeated one fails the test).
    static func parameters(_ url: URL) throws -> [String: String] {
        let items = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems)
        var result: [String: String] = [:]
        for item in items {
            #expect(result.updateValue(item.value ?? "", forKey: item.name) == nil, "\(item.name) repeated")
        }
        return result
    }

    @Test func theOIDCAuthorizeURLHasEveryParameterEncoded() throws {
        let request = try Self.client().oidc.buildAuthorizeUrl(AuthorizationOptions(tenantId: "tenant/1"))
        #expect(request.url.absoluteString.hasPrefix("https://example.genauth.ai/oidc/auth?"))
        let query = try Self.parameters(request.url)
        #expect(query["client_id"] == "app 1&2")
        #expect(query["redirect_uri"] == "https://example.com/callback?from=app&x=a b#frag")
        #expect(query["response_type"] == "code")
        #expect(query["scope"] == "openid profile")
        #expect(query["state"] == request.state)
        #expect(query["nonce"] == request.nonce)
        #expect(query["code_challenge_method"] == "S256")
        #expect(query["code_challenge"] == PKCE.challenge(of: try #require(request.codeVerifier), method: .s256))
        #expect(query["tenant_id"] == "tenant/1")
        #expect(query["prompt"] == nil && query["response_mode"] == nil)
        #expect(Set(query.keys) == ["client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "code_challenge", "code_challenge_method", "tenant_id"])
        // Nothing unescaped that would split a parameter: a space, & = # ? inside a value are all encoded.
        let rawQuery = try #require(request.url.query(percentEncoded: true))
        #expect(!rawQuery.contains(" ") && !rawQuery.contains("#") && !rawQuery.contains("?"))
        #expect(rawQuery.contains("redirect_uri=https%3A%2F%2Fexample.com%2Fcallback%3Ffrom%3Dapp%26x%3Da%20b%23frag"))
        #expect(request.issuer == "https://example.genauth.ai/oidc")
        #expect(request.responseMode == .query)
        #expect(PKCE.isValidVerifier(try #require(request.codeVerifier)))
    }

    @Test func eachRequestGetsItsOwnStateNonceAndVerifier() throws {
        let client = Self.client()
        let requests = try (0..<50).map { _ in try client.oidc.buildAuthorizeUrl() }
        #expect(Set(requests.map(\.state)).count == 50)
        #expect(Set(requests.compactMap(\.nonce)).count == 50)
        #expect(Set(requests.compactMap(\.codeVerifier)).count == 50)
    }

    @Test func optionsOverrideTheDefaults() throws {
        let request = try Self.client(scope: "openid email").oidc.buildAuthorizeUrl(AuthorizationOptions(
            scope: "openid profile offline_access", state: "my state", nonce: "my-nonce", responseMode: .formPost,
            redirectUri: "myapp://cb", pkce: .plain,
            additionalParameters: ["login_page_context": "{\"a\":1}", "state": "ignored", "ui_locales": "zh-CN"]))
        let query = try Self.parameters(request.url)
        #expect(query["scope"] == "openid profile offline_access")
        #expect(query["prompt"] == "consent")  // GenAuth issues a refresh token only after consent
        #expect(query["state"] == "my state" && request.state == "my state")
        #expect(query["nonce"] == "my-nonce")
        #expect(query["response_mode"] == "form_post" && request.responseMode == .formPost)
        #expect(query["redirect_uri"] == "myapp://cb" && request.redirectUri == "myapp://cb")
        #expect(query["code_challenge_method"] == "plain" && query["code_challenge"] == request.codeVerifier)
        #expect(query["login_page_context"] == "{\"a\":1}" && query["ui_locales"] == "zh-CN")
        // The client's scope is the default when the call gives none.
        #expect(try Self.parameters(Self.client(scope: "openid email").oidc.buildAuthorizeUrl().url)["scope"] == "openid email")
        // Without PKCE, and prompt given.
        let plain = try Self.client().oidc.buildAuthorizeUrl(AuthorizationOptions(prompt: .login, pkce: nil))
        let plainQuery = try Self.parameters(plain.url)
        #expect(plainQuery["code_challenge"] == nil && plain.codeVerifier == nil && plainQuery["prompt"] == "login")
    }

    @Test func animplicitResponseTypeAnswersInTheFragmentAndSendsNoChallenge() throws {
        let request = try Self.client().oidc.buildAuthorizeUrl(AuthorizationOptions(responseType: .idTokenToken))
        #expect(request.responseMode == .fragment)
        #expect(request.codeVerifier == nil)
        #expect(try Self.parameters(request.url)["response_type"] == "id_token token")
    }

    @Test func withoutARedirectURIOrOpenIDItThrowsBeforeSendingAnything() throws {
        let noRedirect = #expect(throws: GenAuthError.self) { try Self.client(redirectUri: nil).oidc.buildAuthorizeUrl() }
        guard case .invalidRequest(let failure)? = noRedirect else { Issue.record("\(String(describing: noRedirect))"); return }
        #expect(failure.reason.contains("redirect URI"))
        #expect(noRedirect?.call?.operation == "buildAuthorizeUrl" && noRedirect?.call?.path == "/oidc/auth")
        let noOpenID = #expect(throws: GenAuthError.self) {
            try Self.client().oidc.buildAuthorizeUrl(AuthorizationOptions(scope: "profile email"))
        }
        #expect(noOpenID?.description.contains("openid") == true)
        let badHost = #expect(throws: GenAuthError.self) { try Self.client(appHost: "example.genauth.ai").oidc.buildAuthorizeUrl() }
        #expect(badHost?.description.contains("appHost") == true)
    }

    @Test func theOAuthAuthorizeURLHasNoNonceAndScopeUser() throws {
        let request = try Self.client().oauth.buildAuthorizeUrl()
        #expect(request.url.path == "/oauth/auth")
        let query = try Self.parameters(request.url)
        #expect(query["scope"] == "user")
        #expect(query["nonce"] == nil && request.nonce == nil)
        #expect(query["code_challenge_method"] == "S256")
        #expect(request.issuer == "https://example.genauth.ai/oauth")
    }

    @Test func theOIDCLogoutURL() throws {
        let client = Self.client(logoutRedirectUri: "https://example.com/bye?x=1&y=2")
        let url = try client.oidc.buildLogoutUrl(idToken: "id.token.value", state: "s 1")
        #expect(url.path == "/oidc/session/end")
        #expect(try Self.parameters(url) == [
            "id_token_hint": "id.token.value", "post_logout_redirect_uri": "https://example.com/bye?x=1&y=2", "state": "s 1",
        ])
        // Without an ID token: no redirect (GenAuth redirects only with one), so no state either.
        #expect(try client.oidc.buildLogoutUrl().absoluteString == "https://example.genauth.ai/oidc/session/end")
        let error = #expect(throws: GenAuthError.self) { try client.oidc.buildLogoutUrl(redirectUri: "https://example.com/bye") }
        #expect(error?.description.contains("ID token") == true)
    }

    @Test func theOAuthSAMLAndCASLinks() throws {
        let client = Self.client(logoutRedirectUri: "https://example.com/bye")
        #expect(try client.oauth.buildLogoutUrl().absoluteString
            == "https://example.genauth.ai/login/profile/logout?redirect_uri=https%3A%2F%2Fexample.com%2Fbye")
        #expect(try client.saml.buildAuthorizeUrl().absoluteString == "https://example.genauth.ai/api/v2/saml-idp/app%201%262")
        #expect(try client.cas.buildAuthorizeUrl(service: "https://example.com/cas?a=1&b=2").absoluteString
            == "https://example.genauth.ai/cas-idp/app%201%262?service=https%3A%2F%2Fexample.com%2Fcas%3Fa%3D1%26b%3D2")
        #expect(try client.cas.buildAuthorizeUrl().absoluteString == "https://example.genauth.ai/cas-idp/app%201%262")
        #expect(try client.cas.buildLogoutUrl(service: "https://example.com/").absoluteString
            == "https://example.genauth.ai/cas-idp/app%201%262/logout?service=https%3A%2F%2Fexample.com%2F")
    }
}
