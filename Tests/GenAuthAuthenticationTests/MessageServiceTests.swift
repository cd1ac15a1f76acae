import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// The generated Message service methods against a real HTTP server on loopback.
@Suite struct MessageServiceTests {
    @Test func sendSmsSendsTheRequestTheAPIExpects() async throws {
        let example = try Fixtures.exampleResult(docPage: "docs/en/authentication/message-service/send-sms.md")
        let server = try LoopbackServer { _ in .respond(status: 200, body: example) }
        let client = Fixtures.client(server)

        let response = try await client.sendSms(SendSMSDto(phoneNumber: "188xxxx8888", channel: .channelLogin, phoneCountryCode: "+86"))

        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.target == "/api/v3/send-sms")
        #expect(request.header("x-authing-app-id") == Fixtures.appId)
        #expect(request.header("x-authing-request-from") == "sdk")
        #expect(request.header("x-authing-sdk-version") == "swift:\(GenAuthSDK.version)")
        #expect(request.header("content-type") == "application/json")
        #expect(request.header("authorization") == "Bearer \(Fixtures.accessToken)")
        #expect(try Fixtures.jsonObject(request.body) == ["channel": "CHANNEL_LOGIN", "phoneNumber": "188xxxx8888", "phoneCountryCode": "+86"])

        // The docs' example result decodes, as it is.
        #expect(response == SendSMSRespDto(
            statusCode: 200, message: "Operation successful", requestId: "934108e5-9fbf-4d24-8da1-c330328abd6c"))
    }

    @Test func sendEmailOmitsAbsentOptionalsAndSendsNoTokenBeforeOneIsSet() async throws {
        let example = try Fixtures.exampleResult(docPage: "docs/en/authentication/message-service/send-email.md")
        let server = try LoopbackServer { _ in .respond(status: 200, body: example) }
        let client = Fixtures.client(server, token: nil)

        let response = try await client.sendEmail(SendEmailDto(email: "test@example.com", channel: .channelVerifyEmailLink))

        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/api/v3/send-email")
        #expect(request.header("authorization") == nil)
        #expect(request.header("content-type") == "application/json")
        #expect(try Fixtures.jsonObject(request.body) == ["channel": "CHANNEL_VERIFY_EMAIL_LINK", "email": "test@example.com"])
        #expect(response.statusCode == 200)
        #expect(response.apiCode == nil)
    }

    @Test func setAccessTokenChangesTheHeaderOfLaterRequests() async throws {
        let server = try LoopbackServer { _ in .json(200, #"{"statusCode":200,"message":"ok"}"#) }
        let client = Fixtures.client(server, token: nil)
        _ = try await client.sendEmail(SendEmailDto(email: "a@example.com", channel: .channelLogin))
        client.setAccessToken("second-token-abcdef")
        _ = try await client.sendEmail(SendEmailDto(email: "a@example.com", channel: .channelLogin))
        client.setAccessToken(nil)
        _ = try await client.sendEmail(SendEmailDto(email: "a@example.com", channel: .channelLogin))

        #expect(server.requests.map { $0.header("authorization") } == [nil, "Bearer second-token-abcdef", nil])
        #expect(client.accessToken == nil)
    }

    @Test func anUnknownChannelRoundTrips() async throws {
        let server = try LoopbackServer { _ in .json(200, #"{"statusCode":200,"message":"ok"}"#) }
        let future = SendSMSDto.Channel(rawValue: "CHANNEL_FROM_THE_FUTURE")
        _ = try await Fixtures.client(server).sendSms(SendSMSDto(phoneNumber: "188xxxx8888", channel: future))
        #expect(try Fixtures.jsonObject(server.requests[0].body)["channel"] as? String == "CHANNEL_FROM_THE_FUTURE")

        let decoded = try JSONDecoder().decode(SendSMSDto.self, from: Data(#"{"channel":"CHANNEL_NEW","phoneNumber":"1"}"#.utf8))
        #expect(decoded.channel.rawValue == "CHANNEL_NEW")
        #expect(decoded.channel != .channelLogin)
        #expect(!decoded.channel.isKnown)
        #expect(SendSMSDto.Channel.channelLogin.isKnown)
        #expect(decoded.channel == SendSMSDto.Channel(rawValue: "CHANNEL_NEW"))
        let reencoded = try JSONEncoder().encode(decoded)
        #expect(try Fixtures.jsonObject(reencoded)["channel"] as? String == "CHANNEL_NEW")
        #expect(SendSMSDto.Channel.allCases.count == 11)
    }

    @Test func http500WithAJSONEnvelopeIsATypedError() async throws {
        let server = try LoopbackServer { _ in
            .json(500, #"{"statusCode":500,"message":"Internal error","apiCode":50001,"requestId":"req-500"}"#)
        }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server).sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin))
        }
        guard case .httpStatus(let failure)? = error else { Issue.record("expected httpStatus, got \(String(describing: error))"); return }
        #expect(failure.statusCode == 500)
        #expect(failure.message == "Internal error")
        #expect(failure.apiCode == 50001)
        #expect(failure.requestId == "req-500")
        #expect(String(decoding: failure.body, as: UTF8.self).contains("req-500"))
        #expect(error?.description == "sendSms (POST /api/v3/send-sms): GenAuth server answered HTTP 500: Internal error (apiCode 50001) [requestId req-500]")
    }

    @Test func http500WithANonJSONBodyIsATypedError() async throws {
        let server = try LoopbackServer { _ in
            .respond(status: 502, headers: ["content-type": "text/html"], body: Data("<html>Bad gateway</html>".utf8))
        }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server).sendEmail(SendEmailDto(email: "a@example.com", channel: .channelLogin))
        }
        guard case .httpStatus(let failure)? = error else { Issue.record("expected httpStatus, got \(String(describing: error))"); return }
        #expect(failure.statusCode == 502)
        #expect(failure.message == nil)
        #expect(failure.bodyPreview == "<html>Bad gateway</html>")
        #expect(error?.description == "sendEmail (POST /api/v3/send-email): GenAuth server answered HTTP 502: <html>Bad gateway</html>")
    }

    @Test func aClosedConnectionIsATransportError() async throws {
        let server = try LoopbackServer { _ in .close }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server).sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin))
        }
        guard case .transport(let failure)? = error else { Issue.record("expected transport, got \(String(describing: error))"); return }
        #expect(failure.kind != .timedOut)
        #expect(server.requests.count == 1)
    }

    @Test func aPortThatRefusesConnectionsIsATransportError() async throws {
        // Not a stopped server's port: a server of another test may be given it meanwhile.
        let refusing = try RefusingPort()
        let client = AuthenticationClient(options: AuthenticationClientOptions(
            appId: Fixtures.appId, appSecret: Fixtures.appSecret, appHost: refusing.baseURL))
        let error = await #expect(throws: GenAuthError.self) {
            try await client.sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin))
        }
        guard case .transport(let failure)? = error else { Issue.record("expected transport, got \(String(describing: error))"); return }
        #expect(failure.kind == .cannotConnect)
        withExtendedLifetime(refusing) {}
    }

    @Test func aSlowServerTimesOut() async throws {
        let server = try LoopbackServer { _ in .delay(seconds: 3, then: .json(200, #"{"statusCode":200,"message":"late"}"#)) }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server, timeout: 0.3).sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin))
        }
        guard case .transport(let failure)? = error else { Issue.record("expected transport, got \(String(describing: error))"); return }
        #expect(failure.kind == .timedOut)
        #expect(error?.description == "sendSms (POST /api/v3/send-sms): GenAuth request failed (timedOut): no response within 0.3 s")
    }

    @Test func anUndecodableResponseNamesTheCodingPath() async throws {
        let server = try LoopbackServer { _ in .json(200, #"{"statusCode":"two hundred","message":"ok"}"#) }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server).sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin))
        }
        guard case .undecodableResponse(let failure)? = error else { Issue.record("expected undecodableResponse, got \(String(describing: error))"); return }
        #expect(failure.typeName == "SendSMSRespDto")
        #expect(failure.codingPath == "statusCode")

        let missing = try LoopbackServer { _ in .json(201, #"{"statusCode":200}"#) }
        let second = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(missing).sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin))
        }
        guard case .undecodableResponse(let missingFailure)? = second else { Issue.record("expected undecodableResponse"); return }
        #expect(missingFailure.codingPath == "message")
        #expect(second?.description == "sendSms (POST /api/v3/send-sms): GenAuth response is not a valid SendSMSRespDto at 'message': required key 'message' is missing")
    }

    @Test func noSecretOrTokenAppearsInAnErrorDescription() async throws {
        // A server that echoes what it was sent, secrets included.
        let server = try LoopbackServer { request in
            .json(401, #"{"statusCode":401,"message":"invalid token \#(request.header("authorization") ?? "") for app secret \#(Fixtures.appSecret)"}"#)
        }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server).sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin))
        }
        let description = try #require(error?.description)
        #expect(description.contains("HTTP 401"))
        #expect(description.contains("<redacted>"))
        #expect(!description.contains(Fixtures.accessToken))
        #expect(!description.contains(Fixtures.appSecret))
        #expect(!"\(String(describing: error))".contains(Fixtures.accessToken))
    }

    @Test func anInvalidAppHostIsReportedBeforeAnythingIsSent() async throws {
        let client = AuthenticationClient(options: AuthenticationClientOptions(appId: "app", appHost: "not a url"))
        let error = await #expect(throws: GenAuthError.self) {
            try await client.sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin))
        }
        guard case .invalidRequest? = error else { Issue.record("expected invalidRequest, got \(String(describing: error))"); return }
    }

    @Test func concurrentCallsOnOneClientAreSafe() async throws {
        let server = try LoopbackServer { request in
            .json(200, #"{"statusCode":200,"message":"\#(String(decoding: request.body, as: UTF8.self).count)"}"#)
        }
        let client = Fixtures.client(server)
        let count = 40
        let responses = try await withThrowingTaskGroup(of: SendSMSRespDto.self) { group in
            for index in 0..<count {
                group.addTask {
                    if index % 10 == 0 { client.setAccessToken("token-\(index)-abcdef") }
                    return try await client.sendSms(SendSMSDto(phoneNumber: "\(index)", channel: .channelLogin))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(responses.count == count)
        #expect(server.requests.count == count)
    }
}

/// The contract check itself: a contract the SDK does not meet fails.
@Suite struct EndpointContractCheckTests {
    static let ok = #"{"statusCode":200,"message":"ok"}"#

    func contract(path: String = "/api/v3/send-sms", query: String? = nil, body: String? = #"{"phoneNumber":"1","channel":"CHANNEL_LOGIN"}"#,
                  response: String = ok) -> EndpointContract {
        EndpointContract(name: "sendSms", method: "POST", path: path, query: query, body: body, encoding: .json, response: response)
    }

    @Test func theRightContractHolds() async throws {
        try await contract().check { _ = try await $0.sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin)) }
    }

    @Test func aWrongPathQueryBodyOrResponseFails() async throws {
        let call: @Sendable (AuthenticationClient) async throws -> Void = {
            _ = try await $0.sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin))
        }
        #expect(try await contract(path: "/api/v3/send-email").mismatches(call) == ["path /api/v3/send-sms, expected /api/v3/send-email"])
        #expect(try await contract(query: "a=1").mismatches(call) == ["query nil, expected a=1"])
        let body = try await contract(body: #"{"phoneNumber":"2","channel":"CHANNEL_LOGIN"}"#).mismatches(call)
        #expect(body.count == 1 && body[0].hasPrefix("body {"), "\(body)")
        let response = try await contract(response: #"{"message":"no statusCode"}"#).mismatches(call)
        #expect(response.count == 1 && response[0].hasPrefix("the call threw: sendSms (POST /api/v3/send-sms): GenAuth response is not a valid SendSMSRespDto"), "\(response)")
    }

    @Test func aFailureInTheEnvelopeThatIsReturnedFails() async throws {
        // A call that swallows the error stands for an SDK that returns the failure instead of throwing it.
        let swallowing: @Sendable (AuthenticationClient) async throws -> Void = {
            _ = try? await $0.sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin))
        }
        #expect(try await contract().mismatches(swallowing) == ["a failure in the envelope was returned, not thrown"])
    }
}
