import Foundation
import Logging
import Testing
@testable import GenAuthManagement
import GenAuthTestSupport

/// What a client writes to its options' `logger`: one debug record per request with the call, the status, GenAuth's
/// codes and the duration; the token fetch at info, its failure at warning, a retry at notice; never a secret.
@Suite struct LoggingTests {
    static func client(_ server: LoopbackServer, _ capture: LogCapture, level: Logger.Level = .trace) -> ManagementClient {
        var options = Fixtures.options(server)
        options.logger = capture.logger(level: level)
        return ManagementClient(options: options)
    }

    static func expectNoSecret(_ capture: LogCapture, _ secrets: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for record in capture.records {
            for secret in secrets {
                #expect(!record.description.contains(secret), "a record holds a secret: \(record)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func eachRequestIsOneDebugRecordAndTheTokenFetchAnInfoRecord() async throws {
        let server = try LoopbackServer { request in
            guard request.path == Fixtures.tokenPath else {
                return .json(200, #"{"statusCode":200,"message":"ok","requestId":"req-7","data":{"list":[],"totalCount":0}}"#)
            }
            return Fixtures.tokenAnswer()
        }
        let capture = LogCapture()
        _ = try await Self.client(server, capture).listEvents(app: "app-secretless")

        let records = capture.records
        #expect(records.map(\.level) == [.debug, .info, .debug], "\(records)")
        let token = records[0]
        #expect(token.metadata["http.request.method"] == "POST")
        #expect(token.metadata["url.path"] == Fixtures.tokenPath)
        #expect(token.metadata["http.response.status_code"] == "200")
        #expect(records[1].message == "got a management token, valid for 7200 s")
        let call = records[2]
        #expect(call.metadata["genauth.operation"] == "listEvents")
        #expect(call.metadata["http.request.method"] == "GET")
        #expect(call.metadata["url.path"] == "/api/v3/list-events", "the path, never the query")
        #expect(call.metadata["http.response.status_code"] == "200")
        #expect(call.metadata["genauth.status_code"] == "200")
        #expect(call.metadata["genauth.request_id"] == "req-7")
        #expect(Int(call.metadata["genauth.duration_ms"] ?? "") != nil)
        #expect(call.message.hasPrefix("listEvents (GET /api/v3/list-events): HTTP 200, statusCode 200 in "))
        Self.expectNoSecret(capture, [Fixtures.accessKeySecret, Fixtures.token(1), "app-secretless"])
    }

    @Test func aFailureReportedByGenAuthIsLoggedWithItsCodes() async throws {
        let server = try LoopbackServer { request in
            guard request.path == Fixtures.tokenPath else {
                return .json(200, #"{"statusCode":400,"apiCode":2004,"message":"用户不存在","requestId":"req-8"}"#)
            }
            return Fixtures.tokenAnswer()
        }
        let capture = LogCapture()
        await #expect(throws: GenAuthError.self) { try await Self.client(server, capture).getUser(userId: "nobody") }
        let call = try #require(capture.records.last)
        #expect(call.level == .debug)
        #expect(call.metadata["genauth.status_code"] == "400")
        #expect(call.metadata["genauth.api_code"] == "2004")
        #expect(call.metadata["genauth.request_id"] == "req-8")
        #expect(call.message.contains("HTTP 200, statusCode 400, apiCode 2004"))
    }

    @Test func aRejectedTokenIsRetriedOnceWithANoticeRecord() async throws {
        let counter = Counter()
        let tokens = Counter()
        let server = try LoopbackServer { request in
            guard request.path == Fixtures.tokenPath else {
                return counter.next() == 1
                    ? .json(401, #"{"statusCode":401,"message":"token expired"}"#)
                    : .json(200, #"{"statusCode":200,"message":"ok","data":{"list":[],"totalCount":0}}"#)
            }
            return Fixtures.tokenAnswer(Fixtures.token(tokens.next()))
        }
        let capture = LogCapture()
        _ = try await Self.client(server, capture).listEvents()
        let notices = capture.records.filter { $0.level == .notice }
        #expect(notices.count == 1)
        #expect(notices.first?.message == "listEvents (GET /api/v3/list-events): credentials rejected (401); trying once more with fresh ones")
        #expect(capture.records.filter { $0.level == .info }.count == 2, "two token fetches")
        Self.expectNoSecret(capture, [Fixtures.accessKeySecret, Fixtures.token(1), Fixtures.token(2)])
    }

    @Test func aFailedTokenFetchIsAWarningWithoutTheSecret() async throws {
        let server = try LoopbackServer { _ in
            .json(200, #"{"statusCode":400,"apiCode":1003,"message":"accessKeySecret 错误: ak-secret-0f1e2d3c4b5a69788796a5b4"}"#)
        }
        let capture = LogCapture()
        await #expect(throws: GenAuthError.self) { try await Self.client(server, capture).listEvents() }
        let warning = try #require(capture.records.first { $0.level == .warning })
        #expect(warning.message.hasPrefix("getting the management token failed: POST /api/v3/get-management-token: GenAuth answered statusCode 400 (apiCode 1003)"))
        Self.expectNoSecret(capture, [Fixtures.accessKeySecret])
    }

    @Test func aTransportFailureIsLoggedWithItsKind() async throws {
        let refusing = try RefusingPort()
        var options = ManagementClientOptions(
            accessKeyId: Fixtures.accessKeyId, accessKeySecret: Fixtures.accessKeySecret, host: refusing.baseURL)
        let capture = LogCapture()
        options.logger = capture.logger()
        await #expect(throws: GenAuthError.self) { try await ManagementClient(options: options).listEvents() }
        let record = try #require(capture.records.first)
        #expect(record.level == .debug)
        #expect(record.metadata["genauth.error"] == "transport failure: cannotConnect")
        #expect(record.metadata["http.response.status_code"] == nil)
        withExtendedLifetime(refusing) {}
    }

    @Test func aLoggerAboveDebugGetsNoRequestRecords() async throws {
        let server = try LoopbackServer { request in
            request.path == Fixtures.tokenPath ? Fixtures.tokenAnswer() : .json(200, #"{"statusCode":200,"message":"ok","data":{"list":[],"totalCount":0}}"#)
        }
        let capture = LogCapture()
        _ = try await Self.client(server, capture, level: .info).listEvents()
        #expect(capture.records.map(\.level) == [.info])
    }

    @Test func byDefaultNothingIsLogged() {
        let options = ManagementClientOptions(accessKeyId: "id", accessKeySecret: "secret")
        #expect(options.logger.handler is SwiftLogNoOpLogHandler)
    }

    @Test func aFractionalExpiresInIsAValidTokenAnswer() async throws {
        // GenAuth's document types expires_in as `number`: 7199.5 must not stop every call.
        let server = try LoopbackServer { request in
            guard request.path == Fixtures.tokenPath else {
                return .json(200, #"{"statusCode":200,"message":"ok","data":{"list":[],"totalCount":0}}"#)
            }
            return .json(200, #"{"statusCode":200,"message":"ok","data":{"access_token":"\#(Fixtures.token())","expires_in":7199.5}}"#)
        }
        let capture = LogCapture()
        _ = try await Self.client(server, capture).listEvents()
        #expect(capture.records.contains { $0.message == "got a management token, valid for 7199 s" })
    }
}
