import Foundation
import GenAuthAuthentication
import GenAuthManagement
import GenAuthTestSupport
import Testing

/// Both clients, end to end, over each transport: a call, GenAuth's failure envelope, many calls at once.
@Suite struct ClientOverTransportTests {
    @Test(arguments: TransportUnderTest.allCases)
    func anAuthenticationCallSucceedsAndAnEnvelopeFailureIsThrown(transport: TransportUnderTest) async throws {
        let server = try LoopbackServer { request in
            request.body.range(of: Data("fail".utf8)) == nil
                ? .json(200, #"{"statusCode":200,"message":"sent","requestId":"r-ok"}"#)
                // GenAuth's way of failing: HTTP 200, the failure in the envelope, here echoing what it was sent.
                : .json(200, #"{"statusCode":400,"message":"bad phone for \#(request.header("authorization") ?? "")","apiCode":2333,"requestId":"r-400"}"#)
        }
        let client = Fixtures.authenticationClient(server.baseURL, transport.make())

        let sent = try await client.sendSms(SendSMSDto(phoneNumber: "188xxxx8888", channel: .channelLogin))
        #expect(sent.message == "sent")
        #expect(server.requests.first?.header("authorization") == "Bearer \(Fixtures.accessToken)")
        #expect(server.requests.first?.header("x-authing-app-id") == Fixtures.appId)

        let error = await #expect(throws: GenAuthError.self) {
            try await client.sendSms(SendSMSDto(phoneNumber: "fail", channel: .channelLogin))
        }
        guard case .api(let failure)? = error else {
            Issue.record("expected GenAuth's envelope failure, got \(String(describing: error))")
            return
        }
        #expect(failure.statusCode == 400)
        #expect(failure.apiCode == 2333)
        #expect(failure.requestId == "r-400")
        #expect(failure.message == "bad phone for Bearer <redacted>")
        Fixtures.expectNoSecrets(error)
    }

    @Test(arguments: TransportUnderTest.allCases)
    func aManagementCallGetsItsTokenAndAnEnvelopeFailureIsThrown(transport: TransportUnderTest) async throws {
        let server = try LoopbackServer { request in
            if request.path == Fixtures.tokenPath { return Fixtures.tokenAnswer }
            return .json(200, #"{"statusCode":404,"message":"user not found","apiCode":2004,"requestId":"r-404"}"#)
        }
        let client = Fixtures.managementClient(server.baseURL, transport.make())

        let error = await #expect(throws: GenAuthError.self) {
            try await client.getUser(userId: "u-1")
        }
        guard case .api(let failure)? = error else {
            Issue.record("expected GenAuth's envelope failure, got \(String(describing: error))")
            return
        }
        #expect(failure.statusCode == 404)
        #expect(failure.apiCode == 2004)
        #expect(error?.call?.operation == "getUser")
        Fixtures.expectNoSecrets(error)

        #expect(server.requests.map(\.path) == [Fixtures.tokenPath, "/api/v3/get-user"])
        let tokenRequest = try #require(server.requests.first)
        #expect(tokenRequest.method == "POST")
        #expect(String(decoding: tokenRequest.body, as: UTF8.self).contains(Fixtures.accessKeySecret))
        let call = try #require(server.requests.last)
        #expect(call.method == "GET")
        #expect(call.query?.contains("userId=u-1") == true)
        #expect(call.header("authorization") == "Bearer \(Fixtures.managementToken)")
    }

    // One transport at a time: a hundred calls are load enough for two cores.
    @Test(.serialized, arguments: TransportUnderTest.allCases)
    func aHundredConcurrentCallsEachGetTheirOwnAnswer(transport: TransportUnderTest) async throws {
        let server = try LoopbackServer { request in
            let body = (try? JSONDecoder().decode(JSONValue.self, from: request.body)) ?? .null
            guard case .object(let object) = body, case .string(let phone)? = object["phoneNumber"] else {
                return .json(400, #"{"statusCode":400,"message":"no phone"}"#)
            }
            return .json(200, #"{"statusCode":200,"message":"\#(phone)"}"#)
        }
        let client = Fixtures.authenticationClient(server.baseURL, transport.make())
        let count = 100

        let messages = try await withHangGuard(240) {
            try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<count {
                    group.addTask {
                        try await client.sendSms(SendSMSDto(phoneNumber: "\(index)", channel: .channelLogin)).message
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
        }

        #expect(messages.count == count)
        #expect(Set(messages) == Set((0..<count).map(String.init)), "every call got its own answer")
        #expect(server.requests.count == count)
    }
}
