import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// The hand-written conveniences over the generated calls, against the loopback server.
@Suite struct ConvenienceTests {
    static let signedIn = #"""
        {"statusCode":200,"message":"ok","data":{"access_token":"new-access-token-123456","refresh_token":"refresh-abcdef","token_type":"Bearer","expire_in":1209600}}
        """#

    @Test func signInByEmailPasswordSendsThePasswordConnectionAndKeepsTheToken() async throws {
        let server = try LoopbackServer { _ in .json(200, Self.signedIn) }
        let client = Fixtures.client(server, token: nil)
        let response = try await client.signInByEmailPassword(email: "test@example.com", password: "passw0rd")

        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/api/v3/signin")
        #expect(request.header("authorization") == nil)
        #expect(try Fixtures.jsonObject(request.body) == [
            "connection": "PASSWORD",
            "passwordPayload": ["password": "passw0rd", "email": "test@example.com"],
            "client_id": Fixtures.appId,
            "client_secret": Fixtures.appSecret,
        ])
        #expect(response.data.accessToken == "new-access-token-123456")
        #expect(response.data.expireIn == 1209600)
        #expect(client.accessToken == "new-access-token-123456")
    }

    @Test func signInByPhonePassCodeSendsThePassCodeConnection() async throws {
        let server = try LoopbackServer { _ in .json(200, Self.signedIn) }
        let client = Fixtures.client(server, token: nil)
        _ = try await client.signInByPhonePassCode(phone: "188xxxx8888", passCode: "123456", phoneCountryCode: "+86")
        #expect(try Fixtures.jsonObject(server.requests[0].body) == [
            "connection": "PASSCODE",
            "passCodePayload": ["passCode": "123456", "phone": "188xxxx8888", "phoneCountryCode": "+86"],
            "client_id": Fixtures.appId,
            "client_secret": Fixtures.appSecret,
        ])
        #expect(client.accessToken == "new-access-token-123456")
    }

    @Test func aFailedSignInThrowsGenAuthsMessageAndKeepsNoToken() async throws {
        let server = try LoopbackServer { _ in
            .json(200, #"{"statusCode":400,"message":"账号或密码错误","apiCode":2333,"requestId":"r-2333"}"#)
        }
        let client = Fixtures.client(server, token: nil)
        let error = await #expect(throws: GenAuthError.self) {
            try await client.signInByEmailPassword(email: "a@example.com", password: "wrong-password")
        }
        guard case .api(let failure)? = error else { Issue.record("expected api, got \(String(describing: error))"); return }
        #expect(failure == APIFailure(
            statusCode: 400, apiCode: 2333, message: "账号或密码错误", requestId: "r-2333", httpStatus: 200,
            body: Data(#"{"statusCode":400,"message":"账号或密码错误","apiCode":2333,"requestId":"r-2333"}"#.utf8),
            call: GenAuthCall(operation: "signInByEmailPassword", method: "POST", path: "/api/v3/signin")))
        #expect(error?.description == "signInByEmailPassword (POST /api/v3/signin): GenAuth answered statusCode 400 (apiCode 2333): 账号或密码错误 [requestId r-2333]")
        #expect(client.accessToken == nil)
    }

    @Test func refreshTokenPostsAFormToTheTokenEndpoint() async throws {
        let server = try LoopbackServer { _ in
            .json(200, #"{"access_token":"refreshed-access-token","id_token":"id-token","token_type":"Bearer","expires_in":3600,"scope":"openid"}"#)
        }
        let client = Fixtures.client(server)
        let tokens = try await client.refreshToken("refresh-token-abcdef")

        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/oidc/token")
        #expect(request.header("content-type") == "application/x-www-form-urlencoded")
        #expect(EndpointContract.formFields(String(decoding: request.body, as: UTF8.self)) == [
            "grant_type": "refresh_token", "refresh_token": "refresh-token-abcdef",
            "client_id": Fixtures.appId, "client_secret": Fixtures.appSecret,
        ])
        #expect(tokens == OIDCTokenResponse(accessToken: "refreshed-access-token", idToken: "id-token", tokenType: "Bearer", expiresIn: 3600, scope: "openid"))
        #expect(client.accessToken == "refreshed-access-token")
    }

    @Test func revokeTokenPostsAFormAndAcceptsAnEmptyBody() async throws {
        let server = try LoopbackServer { _ in .respond(status: 200, headers: [:], body: Data()) }
        let client = Fixtures.client(server)
        try await client.revokeToken(Fixtures.accessToken)

        let request = try #require(server.requests.first)
        #expect(request.target == "/oidc/token/revocation")
        #expect(EndpointContract.formFields(String(decoding: request.body, as: UTF8.self)) == [
            "token": Fixtures.accessToken, "client_id": Fixtures.appId, "client_secret": Fixtures.appSecret,
        ])
        #expect(client.accessToken == nil, "revoking the client's own token stops sending it")
    }

    @Test func noPasswordOrRefreshTokenAppearsInAnErrorDescription() async throws {
        // A server that echoes the request body in its error.
        let server = try LoopbackServer { request in
            .json(400, #"{"statusCode":400,"message":"bad request: \#(String(decoding: request.body, as: UTF8.self).replacingOccurrences(of: "\"", with: "'"))"}"#)
        }
        let client = Fixtures.client(server)
        let signIn = await #expect(throws: GenAuthError.self) {
            try await client.signInByEmailPassword(email: "a@example.com", password: "s3cret-passw0rd")
        }
        let refresh = await #expect(throws: GenAuthError.self) {
            try await client.refreshToken("refresh-token-never-shown")
        }
        for error in [signIn, refresh] {
            let description = "\(String(describing: error))"
            #expect(description.contains("HTTP 400"))
            for secret in ["s3cret-passw0rd", "refresh-token-never-shown", Fixtures.appSecret, Fixtures.accessToken] {
                #expect(!description.contains(secret), "\(description)")
            }
        }
    }
}
