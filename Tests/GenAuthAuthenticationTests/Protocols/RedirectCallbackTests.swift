import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// The redirect back, honest and hostile: each way it can fail to answer the request is its own error, and no
/// error quotes a code or a state.
@Suite struct RedirectCallbackTests {
    static let client = AuthenticationClient(options: AuthenticationClientOptions(
        appId: "app-1", appSecret: "secret", appHost: "https://example.genauth.ai", redirectUri: "https://example.com/cb?tenant=t1"))

    static func request(_ options: AuthorizationOptions = AuthorizationOptions(state: "state-0123456789")) throws -> AuthorizationRequest {
        try client.oidc.buildAuthorizeUrl(options)
    }

    func kind(_ url: String, _ request: AuthorizationRequest? = nil) throws -> CallbackFailure.Kind? {
        let request = try request ?? Self.request()
        do {
            _ = try Self.client.oidc.parseRedirectCallback(url, request: request)
            return nil
        } catch {
            guard case .invalidCallback(let failure) = error else {
                Issue.record("expected invalidCallback, got \(error)")
                return nil
            }
            #expect(!error.description.contains("state-0123456789") && !error.description.contains("code-secret"))
            #expect(error.call?.operation == "parseRedirectCallback")
            return failure.kind
        }
    }

    @Test func aValidRedirectGivesTheCode() throws {
        let callback = try Self.client.oidc.parseRedirectCallback(
            "https://EXAMPLE.com:443/cb?tenant=t1&code=code-secret&state=state-0123456789&session_state=x%20y",
            request: try Self.request())
        #expect(callback.code == "code-secret")
        #expect(callback.state == "state-0123456789")
        #expect(callback.parameters == ["code": "code-secret", "state": "state-0123456789", "session_state": "x y"])
        // The issuer, when the server says it (RFC 9207), must be GenAuth's.
        let withIssuer = try Self.client.oidc.parseRedirectCallback(
            "https://example.com/cb?tenant=t1&code=c&state=state-0123456789&iss=https%3A%2F%2Fexample.genauth.ai%2Foidc",
            request: try Self.request())
        #expect(withIssuer.code == "c")
    }

    @Test func eachHostileRedirectIsRejectedForWhatItIs() throws {
        let base = "https://example.com/cb?tenant=t1"
        #expect(try kind("\(base)&state=state-0123456789") == .missingCode)
        #expect(try kind("\(base)&code=&state=state-0123456789") == .missingCode)
        #expect(try kind("\(base)&code=code-secret") == .missingState)
        #expect(try kind("\(base)&code=code-secret&state=state-0123456788") == .stateMismatch)
        #expect(try kind("\(base)&code=code-secret&state=state-0123456789x") == .stateMismatch)
        #expect(try kind("\(base)&code=code-secret&state=state-0123456789&code=other") == .repeatedParameter)
        #expect(try kind("\(base)&code=code-secret&state=state-0123456789&state=state-0123456789") == .repeatedParameter)
        #expect(try kind("\(base)&code=code-secret&state=state-0123456789&iss=https%3A%2F%2Fevil.example%2Foidc") == .issuerMismatch)
        #expect(try kind("https://evil.example/cb?tenant=t1&code=code-secret&state=state-0123456789") == .unexpectedRedirectURI)
        #expect(try kind("https://example.com/cb2?tenant=t1&code=code-secret&state=state-0123456789") == .unexpectedRedirectURI)
        #expect(try kind("http://example.com/cb?tenant=t1&code=code-secret&state=state-0123456789") == .unexpectedRedirectURI)
        #expect(try kind("https://example.com:8443/cb?tenant=t1&code=code-secret&state=state-0123456789") == .unexpectedRedirectURI)
        #expect(try kind("\(base)#code=code-secret&state=state-0123456789") == .unexpectedResponseMode)
        #expect(try kind("https://[bad/cb?tenant=t1&code=code-secret&state=state-0123456789") == .malformedURL)
        #expect(try kind("https://exa mple.com/cb?tenant=t1&code=code-secret&state=state-0123456789") == .malformedURL)
        #expect(try kind("not a url at all %%%") == .unexpectedRedirectURI)
        // Foundation reads a stray '%' as itself; the parameter is not the answer's, so the answer stands.
        #expect(try kind("\(base)&code=code-secret&state=state-0123456789&x=%ZZ") == nil)
        // A fragment without answer parameters (some browsers add one) is not the answer.
        #expect(try kind("\(base)&code=code-secret&state=state-0123456789#_=_") == nil)
    }

    @Test func anAnswerInTheFragmentIsReadThereWhenTheRequestAskedForIt() throws {
        let request = try Self.request(AuthorizationOptions(state: "state-0123456789", responseMode: .fragment))
        #expect(try kind("https://example.com/cb?tenant=t1#code=code-secret&state=state-0123456789", request) == nil)
        #expect(try kind("https://example.com/cb?tenant=t1&code=code-secret&state=state-0123456789", request) == .unexpectedResponseMode)
        let post = try Self.request(AuthorizationOptions(state: "state-0123456789", responseMode: .formPost))
        #expect(try kind("https://example.com/cb?tenant=t1&code=code-secret&state=state-0123456789", post) == .unexpectedResponseMode)
    }

    @Test func anErrorInTheRedirectIsAnOAuthErrorOnceTheStateMatches() throws {
        let request = try Self.request()
        let error = #expect(throws: GenAuthError.self) {
            try Self.client.oidc.parseRedirectCallback(
                "https://example.com/cb?tenant=t1&error=access_denied&error_description=The+user+said+no&state=state-0123456789",
                request: request)
        }
        guard case .oauth(let failure)? = error else { Issue.record("expected oauth, got \(String(describing: error))"); return }
        #expect(failure.error == "access_denied")
        #expect(failure.errorDescription == "The user said no")
        #expect(failure.httpStatus == nil)
        #expect(error?.message == "The user said no")
        #expect(error?.description == "parseRedirectCallback: the authorization server redirected back with OAuth error 'access_denied': The user said no")
        // With another state, the error does not answer this request.
        #expect(try kind("https://example.com/cb?tenant=t1&error=access_denied&state=forged") == .stateMismatch)
    }

    @Test func hugeAndOddInputNeitherCrashesNorHangs() throws {
        let long = String(repeating: "a", count: 200_000)
        #expect(try kind("https://example.com/cb?tenant=t1&code=\(long)&state=\(long)") == .stateMismatch)
        #expect(try kind("https://example.com/cb?" + String(repeating: "&", count: 50_000)) == .missingState)
        #expect(try kind("https://example.com/cb?tenant=t1&=&==&code=c&state=state-0123456789") == nil)
        #expect(try kind("") != nil)
    }
}
