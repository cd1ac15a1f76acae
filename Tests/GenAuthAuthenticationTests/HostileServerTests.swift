import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// The SDK against a server that misbehaves: every case is a typed error or a decoded value, never a
/// crash, and no error description holds a secret.
@Suite struct HostileServerTests {
    func call(_ server: LoopbackServer, timeout: TimeInterval = 120) async -> Result<SendSMSRespDto, GenAuthError> {
        do {
            return .success(try await Fixtures.client(server, timeout: timeout).sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin)))
        } catch {
            return .failure(error)
        }
    }

    func expectNoSecrets(_ error: GenAuthError, sourceLocation: SourceLocation = #_sourceLocation) {
        let description = "\(error) \(error.localizedDescription)"
        #expect(!description.contains(Fixtures.accessToken), sourceLocation: sourceLocation)
        #expect(!description.contains(Fixtures.appSecret), sourceLocation: sourceLocation)
        #expect(description.count < 2_000, "descriptions stay short", sourceLocation: sourceLocation)
    }

    @Test func aConnectionResetMidBodyIsATransportError() async throws {
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n"
        let server = try LoopbackServer { _ in .raw(Data((head + #"{"statusCode":200,"mess"#).utf8), reset: true) }
        guard case .failure(let error) = await call(server), case .transport(let failure) = error else {
            Issue.record("expected a transport error")
            return
        }
        #expect(failure.kind == .connectionLost || failure.kind == .other)
        expectNoSecrets(error)
    }

    @Test func aBodyShorterThanItsLengthIsATransportError() async throws {
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\nconnection: close\r\n\r\n"
        let server = try LoopbackServer { _ in .raw(Data((head + #"{"statusCode":200}"#).utf8), reset: false) }
        guard case .failure(.transport) = await call(server) else {
            Issue.record("expected a transport error")
            return
        }
    }

    @Test(arguments: [301, 302, 307])
    func aRedirectToAnotherHostIsNotFollowed(status: Int) async throws {
        let elsewhere = try LoopbackServer { _ in .json(200, #"{"statusCode":200,"message":"stolen"}"#) }
        let server = try LoopbackServer { _ in
            .respond(status: status, headers: ["location": "http://localhost:\(elsewhere.port)/steal"], body: Data())
        }
        guard case .failure(let error) = await call(server), case .httpStatus(let failure) = error else {
            Issue.record("expected an HTTP status error")
            return
        }
        #expect(failure.statusCode == status)
        #expect(elsewhere.requests.isEmpty, "the token must not travel to another host")
        expectNoSecrets(error)
    }

    @Test(arguments: [
        (401, #"{"statusCode":401,"message":"token expired","apiCode":2020}"#, "token expired" as String?),
        (401, "Unauthorized", nil),
        (429, #"{"statusCode":429,"message":"Too many requests","requestId":"r-429"}"#, "Too many requests"),
        (429, "", nil),
    ])
    func unauthorizedAndRateLimitedAreHTTPStatusErrors(status: Int, body: String, message: String?) async throws {
        let server = try LoopbackServer { _ in .respond(status: status, headers: ["retry-after": "1"], body: Data(body.utf8)) }
        guard case .failure(let error) = await call(server), case .httpStatus(let failure) = error else {
            Issue.record("expected an HTTP status error")
            return
        }
        #expect(failure.statusCode == status)
        #expect(failure.message == message)
        #expect(failure.body == Data(body.utf8))
        expectNoSecrets(error)
    }

    @Test func aTwentyMegabyteBodyIsDecodedOrReportedBriefly() async throws {
        let big = String(repeating: "x", count: 20_000_000)
        let decodable = try LoopbackServer { _ in .json(200, #"{"statusCode":200,"message":"\#(big)"}"#) }
        guard case .success(let response) = await call(decodable) else {
            Issue.record("a large valid body decodes")
            return
        }
        #expect(response.message.count == 20_000_000)

        let garbage = try LoopbackServer { _ in .json(500, big) }
        guard case .failure(let error) = await call(garbage), case .httpStatus(let failure) = error else {
            Issue.record("expected an HTTP status error")
            return
        }
        #expect(failure.body.count == 20_000_000)
        #expect(failure.bodyPreview.count == 500)
        expectNoSecrets(error)
    }

    @Test func invalidUTF8IsAnUndecodableResponse() async throws {
        let server = try LoopbackServer { _ in .respond(status: 200, body: Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D])) }
        guard case .failure(let error) = await call(server), case .undecodableResponse(let failure) = error else {
            Issue.record("expected an undecodable response")
            return
        }
        #expect(failure.typeName == "SendSMSRespDto")
        expectNoSecrets(error)

        let failed = try LoopbackServer { _ in .respond(status: 500, body: Data([0xFF, 0xFE, 0x00])) }
        guard case .failure(.httpStatus(let status)) = await call(failed) else {
            Issue.record("expected an HTTP status error")
            return
        }
        #expect(status.bodyPreview.isEmpty)
        #expect(status.message == nil)
    }

    @Test func unknownFieldsAreIgnored() async throws {
        let server = try LoopbackServer { _ in
            .json(200, #"{"statusCode":200,"message":"ok","newField":{"nested":[1,2,3]},"another":null}"#)
        }
        guard case .success(let response) = await call(server) else {
            Issue.record("unknown fields must not break decoding")
            return
        }
        #expect(response == SendSMSRespDto(statusCode: 200, message: "ok"))
    }

    @Test(arguments: [
        (#"{"statusCode":200,"message":42}"#, "message"),
        (#"{"statusCode":"200","message":"ok"}"#, "statusCode"),
        (#"{"statusCode":200,"message":null}"#, "message"),
        (#"{"statusCode":null,"message":"ok"}"#, "statusCode"),
        // Foundation reports a number that does not fit Int without its path.
        (#"{"statusCode":123456789012345678901234567890,"message":"ok"}"#, ""),
        (#"{"statusCode":1.5,"message":"ok"}"#, ""),
        (#"[1,2]"#, ""),
        (#""#, ""),
    ])
    func wrongTypesNullsAndHugeNumbersAreUndecodableResponses(body: String, codingPath: String) async throws {
        let server = try LoopbackServer { _ in .json(200, body) }
        guard case .failure(let error) = await call(server), case .undecodableResponse(let failure) = error else {
            Issue.record("expected an undecodable response for \(body)")
            return
        }
        #expect(failure.codingPath == codingPath, "\(body)")
        if body.contains("statusCode\":1") {
            #expect(failure.message == "a number does not fit its type (too large, or with a fraction where an integer is expected)")
        }
        expectNoSecrets(error)
    }

    @Test func hugeIntegersInFreeFormJSONAreKept() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"big":123456789012345678901234567890,"small":-9223372036854775808}"#.utf8))
        guard case .object(let object) = value else {
            Issue.record("expected an object")
            return
        }
        guard case .number(let big)? = object["big"] else {
            Issue.record("a number too large for Int is kept as a Double")
            return
        }
        #expect(big > 1e29)
        #expect(object["small"] == .integer(Int.min))
    }

    @Test func twoHundredConcurrentCallsOnOneClient() async throws {
        let server = try LoopbackServer { request in
            let body = (try? JSONDecoder().decode(JSONValue.self, from: request.body)) ?? .null
            guard case .object(let object) = body, case .string(let phone)? = object["phoneNumber"] else {
                return .json(400, #"{"statusCode":400,"message":"no phone"}"#)
            }
            return .json(200, #"{"statusCode":200,"message":"\#(phone)"}"#)
        }
        let client = Fixtures.client(server)
        let count = 200
        let messages = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<count {
                group.addTask {
                    if index % 25 == 0 { client.setAccessToken("token-\(index)-abcdef") }
                    return try await client.sendSms(SendSMSDto(phoneNumber: "\(index)", channel: .channelLogin)).message
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(messages == Set((0..<count).map(String.init)), "every call got its own response")
        #expect(server.requests.count == count)
    }
}
