import Foundation
import Logging
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// The authentication client's records: one debug record per request, never the password, the token or the secret.
@Suite struct AuthenticationLoggingTests {
    @Test func aSignInIsOneRecordWithoutThePasswordOrTheToken() async throws {
        let token = "eyJhbGciOiJIUzI1NiJ9.fresh-token-4f5e6d"
        let password = "Correct-Horse-Battery-9"
        let server = try LoopbackServer { _ in
            .json(200, #"{"statusCode":200,"message":"ok","requestId":"req-1","data":{"access_token":"\#(token)","id_token":"\#(token)","token_type":"Bearer","expire_in":7200,"scope":"openid"}}"#)
        }
        let capture = LogCapture()
        let client = AuthenticationClient(options: AuthenticationClientOptions(
            appId: Fixtures.appId, appSecret: Fixtures.appSecret, appHost: server.baseURL, logger: capture.logger()))
        _ = try await client.signInByEmailPassword(email: "u@example.com", password: password)

        let records = capture.records
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.level == .debug)
        // The method that sent the request: the convenience calls the generated signInByCredentials.
        #expect(record.metadata["genauth.operation"] == "signInByCredentials")
        #expect(record.metadata["genauth.request_id"] == "req-1")
        for secret in [password, token, Fixtures.appSecret, "u@example.com"] {
            #expect(!record.description.contains(secret), "\(record)")
        }
    }
}
