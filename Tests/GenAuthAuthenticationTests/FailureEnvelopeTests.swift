import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// GenAuth reports most failures in an HTTP 200 answer, in its envelope: every call throws them as
/// `GenAuthError.api`, whatever its response type, with GenAuth's message, apiCode and requestId.
@Suite struct FailureEnvelopeTests {
    static let failure = #"{"statusCode":400,"message":"手机号格式错误","apiCode":1001,"requestId":"r-1"}"#

    @Test func sendSmsThrowsAFailureInTheEnvelope() async throws {
        let server = try LoopbackServer { _ in .json(200, Self.failure) }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server).sendSms(SendSMSDto(phoneNumber: "x", channel: .channelRegister))
        }
        guard case .api(let failure)? = error else { Issue.record("expected api, got \(String(describing: error))"); return }
        #expect(failure.statusCode == 400)
        #expect(failure.apiCode == 1001)
        #expect(failure.message == "手机号格式错误")
        #expect(failure.requestId == "r-1")
        #expect(failure.httpStatus == 200)
        #expect(String(decoding: failure.body, as: UTF8.self) == Self.failure)
        #expect(error?.statusCode == 400 && error?.apiCode == 1001 && error?.message == "手机号格式错误" && error?.requestId == "r-1")
        #expect(error?.description == "sendSms (POST /api/v3/send-sms): GenAuth answered statusCode 400 (apiCode 1001): 手机号格式错误 [requestId r-1]")
    }

    @Test(arguments: [
        (#"{"statusCode":401,"message":"token 已过期"}"#, 401, nil as Int?, "token 已过期"),
        (#"{"statusCode":"403","message":"无权限","apiCode":"2004"}"#, 403, 2004, "无权限"),
        (#"{"statusCode":500.0,"apiCode":5000}"#, 500, 5000, ""),
        (#"{"statusCode":0,"message":"unknown"}"#, 0, nil, "unknown"),
    ])
    func everyStatusCodeButTwoHundredIsThrown(body: String, statusCode: Int, apiCode: Int?, message: String) async throws {
        let server = try LoopbackServer { _ in .json(200, body) }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server).getProfile()
        }
        guard case .api(let failure)? = error else { Issue.record("expected api, got \(String(describing: error))"); return }
        #expect(failure.statusCode == statusCode)
        #expect(failure.apiCode == apiCode)
        #expect(failure.message == message)
    }

    @Test func aFailureIsThrownForAnEndpointWhoseResponseHasRequiredData() async throws {
        // Decoding would fail first on the missing `data`; GenAuth's own message must win.
        let server = try LoopbackServer { _ in .json(200, #"{"statusCode":2001,"message":"用户不存在","requestId":"r-2001"}"#) }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server).getProfile()
        }
        #expect(error?.message == "用户不存在")
        #expect(error?.requestId == "r-2001")
    }

    @Test func successAndBodiesWithoutAnEnvelopeAreReturned() async throws {
        let ok = try LoopbackServer { _ in .json(200, #"{"statusCode":200,"message":"ok"}"#) }
        #expect(try await Fixtures.client(ok).sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin)).message == "ok")

        // The OIDC token endpoint answers plain OAuth JSON, without GenAuth's envelope.
        let tokens = try LoopbackServer { _ in .json(200, #"{"access_token":"a-new-token","expires_in":3600}"#) }
        #expect(try await Fixtures.client(tokens).refreshToken("refresh-token-123").accessToken == "a-new-token")
    }

    @Test func anHTTPErrorStaysAnHTTPStatusErrorWithTheSameAccessors() async throws {
        let server = try LoopbackServer { _ in .json(429, #"{"statusCode":429,"message":"请求过于频繁","apiCode":1429,"requestId":"r-429"}"#) }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server).sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin))
        }
        guard case .httpStatus? = error else { Issue.record("expected httpStatus, got \(String(describing: error))"); return }
        #expect(error?.statusCode == 429 && error?.apiCode == 1429 && error?.message == "请求过于频繁" && error?.requestId == "r-429")
    }

    @Test func anHTTPErrorReadsTheEnvelopeAsTheAPIErrorDoes() async throws {
        // A string apiCode, as some GenAuth gateways write it.
        let server = try LoopbackServer { _ in .json(403, #"{"statusCode":403,"message":"无权限","apiCode":"2004"}"#) }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server).getProfile()
        }
        guard case .httpStatus(let failure)? = error else { Issue.record("expected httpStatus, got \(String(describing: error))"); return }
        #expect(failure.apiCode == 2004 && failure.message == "无权限")
    }

    @Test(arguments: [#"[]"#, #""ok""#, "null"])
    func aBodyOfTheWrongShapeSaysSo(body: String) async throws {
        let server = try LoopbackServer { _ in .json(200, body) }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server).getProfile()
        }
        guard case .undecodableResponse(let failure)? = error else {
            Issue.record("expected undecodableResponse, got \(String(describing: error))"); return
        }
        #expect(!failure.message.contains("number"), "\(failure.message)")
    }

    @Test func anyTimeoutIsAccepted() async throws {
        #expect(RequestExecutor.clampedTimeout(.infinity) == 31_536_000)
        #expect(RequestExecutor.clampedTimeout(.nan) == 0 && RequestExecutor.clampedTimeout(-1) == 0)
        #expect(RequestExecutor.clampedTimeout(1.5) == 1.5)
        let server = try LoopbackServer { _ in .json(200, #"{"statusCode":200,"message":"ok"}"#) }
        #expect(try await Fixtures.client(server, timeout: .infinity).sendSms(
            SendSMSDto(phoneNumber: "1", channel: .channelLogin)).message == "ok")
    }
}
