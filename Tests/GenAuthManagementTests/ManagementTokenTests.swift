import Foundation
import Testing
@testable import GenAuthManagement
import GenAuthTestSupport

/// The management token: requested once, kept until shortly before it expires, shared by concurrent calls,
/// renewed once when GenAuth rejects it.
@Suite struct ManagementTokenTests {
    static let ok = #"{"statusCode":200,"message":"ok","data":{"list":[],"totalCount":0}}"#

    /// A server that answers token requests with tokens numbered from 1 and every other request with `answer`.
    static func server(
        tokenDelay: Double = 0, expiresIn: Int = 7200, answer: @escaping @Sendable (LoopbackServer.Request) -> LoopbackServer.Reply = { _ in .json(200, ok) }
    ) throws -> LoopbackServer {
        let counter = Counter()
        return try LoopbackServer { request in
            guard request.path == Fixtures.tokenPath else { return answer(request) }
            let reply = Fixtures.tokenAnswer(Fixtures.token(counter.next()), expiresIn: expiresIn)
            return tokenDelay > 0 ? .delay(seconds: tokenDelay, then: reply) : reply
        }
    }

    static func tokenRequests(_ server: LoopbackServer) -> [LoopbackServer.Request] {
        server.requests.filter { $0.path == Fixtures.tokenPath }
    }

    static func calls(_ server: LoopbackServer) -> [LoopbackServer.Request] {
        server.requests.filter { $0.path != Fixtures.tokenPath }
    }

    @Test func theTokenRequestAndEveryCallCarryWhatGenAuthDocuments() async throws {
        let server = try Self.server()
        let client = ManagementClient(options: ManagementClientOptions(
            accessKeyId: Fixtures.accessKeyId, accessKeySecret: Fixtures.accessKeySecret, host: server.baseURL,
            tenantId: "tenant-42", language: .english))
        _ = try await client.listEvents()
        _ = try await client.listEvents()

        let token = try #require(Self.tokenRequests(server).first)
        #expect(Self.tokenRequests(server).count == 1, "the token is kept")
        #expect(token.method == "POST")
        #expect(token.header("content-type") == "application/json")
        #expect(try JSONDecoder().decode([String: String].self, from: token.body)
            == ["accessKeyId": Fixtures.accessKeyId, "accessKeySecret": Fixtures.accessKeySecret])
        for call in Self.calls(server) {
            #expect(call.header("authorization") == "Bearer \(Fixtures.token(1))")
            #expect(call.header("x-authing-userpool-id") == Fixtures.userPoolId, "the user pool the token names")
            #expect(call.header("x-authing-app-tenant-id") == "tenant-42")
            #expect(call.header("x-authing-lang") == "en-US")
            #expect(call.header("x-authing-request-from") == "sdk")
            #expect(call.header("x-authing-sdk-version") == "swift:\(GenAuthSDK.version)")
        }
        #expect(Self.calls(server).count == 2)
    }

    @Test func aUserPoolInTheOptionsWins() async throws {
        let server = try Self.server()
        var options = Fixtures.options(server)
        options.userPoolId = "pool-from-options"
        _ = try await ManagementClient(options: options).listEvents()
        #expect(Self.calls(server).first?.header("x-authing-userpool-id") == "pool-from-options")
    }

    @Test func theTokenIsRenewedAtItsRefreshMarginNotBefore() async throws {
        let server = try Self.server(expiresIn: 3600)
        let now = Clock()
        var options = Fixtures.options(server)
        options.tokenRefreshMargin = 60
        let client = ManagementClient(options: options, clock: { now.date }, nonce: { "n" })
        _ = try await client.listEvents()
        now.advance(3600 - 61)
        _ = try await client.listEvents()
        #expect(Self.tokenRequests(server).count == 1, "61 s before expiry the token is still used")
        now.advance(2)
        _ = try await client.listEvents()
        #expect(Self.tokenRequests(server).count == 2, "59 s before expiry it is renewed")
        #expect(Self.calls(server).map { $0.header("authorization") } == [
            "Bearer \(Fixtures.token(1))", "Bearer \(Fixtures.token(1))", "Bearer \(Fixtures.token(2))",
        ])
    }

    @Test func twoHundredConcurrentCallsOnAColdClientMakeOneTokenRequest() async throws {
        let server = try Self.server(tokenDelay: 0.3)
        let client = Fixtures.client(server)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<200 { group.addTask { _ = try await client.listEvents() } }
            try await group.waitForAll()
        }
        #expect(Self.tokenRequests(server).count == 1)
        #expect(Self.calls(server).count == 200)
        #expect(Set(Self.calls(server).map { $0.header("authorization") }) == ["Bearer \(Fixtures.token(1))"])
    }

    @Test(arguments: [
        LoopbackServer.Reply.json(401, #"{"statusCode":401,"message":"token 已失效"}"#),
        LoopbackServer.Reply.json(200, #"{"statusCode":401,"message":"token 已失效","apiCode":2001}"#),
    ])
    func aRejectedTokenIsRenewedAndTheCallTriedOnceMore(rejection: LoopbackServer.Reply) async throws {
        let server = try Self.server { request in
            request.header("authorization") == "Bearer \(Fixtures.token(1))" ? rejection : .json(200, Self.ok)
        }
        let response = try await Fixtures.client(server).listEvents()
        #expect(response.statusCode == 200)
        #expect(Self.tokenRequests(server).count == 2)
        #expect(Self.calls(server).map { $0.header("authorization") } == ["Bearer \(Fixtures.token(1))", "Bearer \(Fixtures.token(2))"])
    }

    @Test func aTokenRejectedTwiceIsTriedOnceMoreNotTwice() async throws {
        let server = try Self.server { _ in .json(200, #"{"statusCode":401,"message":"无权限"}"#) }
        let error = await #expect(throws: GenAuthError.self) { try await Fixtures.client(server).listEvents() }
        #expect(error?.statusCode == 401)
        #expect(error?.message == "无权限")
        #expect(Self.calls(server).count == 2)
        #expect(Self.tokenRequests(server).count == 2)
    }

    @Test func aFailingTokenEndpointIsATypedErrorWithGenAuthsMessageAndNoLoop() async throws {
        let server = try LoopbackServer { request in
            request.path == Fixtures.tokenPath
                ? .json(200, #"{"statusCode":400,"message":"accessKeySecret 错误","apiCode":1400,"requestId":"r-ak"}"#)
                : .json(200, Self.ok)
        }
        let client = Fixtures.client(server)
        let error = await #expect(throws: GenAuthError.self) { try await client.listEvents() }
        guard case .api(let failure)? = error else { Issue.record("expected api, got \(String(describing: error))"); return }
        #expect(failure.message == "accessKeySecret 错误")
        #expect(failure.apiCode == 1400)
        #expect(failure.requestId == "r-ak")
        #expect(server.requests.count == 1, "one token request, no call, no retry")
        _ = await #expect(throws: GenAuthError.self) { try await client.listEvents() }
        #expect(server.requests.count == 2, "a later call asks again, once")

        let down = try LoopbackServer { _ in .json(502, "<html>bad gateway</html>") }
        let downError = await #expect(throws: GenAuthError.self) { try await Fixtures.client(down).listEvents() }
        guard case .httpStatus(let status)? = downError else { Issue.record("expected httpStatus, got \(String(describing: downError))"); return }
        #expect(status.statusCode == 502)
    }

    @Test func noAccessKeySecretOrTokenAppearsInAnError() async throws {
        // A server that echoes everything it was sent: headers and body, of the token request and of the call.
        let server = try LoopbackServer { request in
            let echo = (request.headers.map { "\($0.name)=\($0.value)" } + [String(decoding: request.body, as: UTF8.self)])
                .joined(separator: " ").replacingOccurrences(of: "\"", with: "'")
            if request.path == Fixtures.tokenPath, request.header("x-retry") == nil {
                return Fixtures.tokenAnswer()
            }
            return .json(400, #"{"statusCode":400,"message":"bad: \#(echo)"}"#)
        }
        let error = await #expect(throws: GenAuthError.self) { try await Fixtures.client(server).listEvents() }
        var dumped = ""
        dump(error, to: &dumped)
        for text in [error?.description ?? "", dumped, String(reflecting: error as Any)] {
            #expect(text.contains("HTTP 400"))
            #expect(!text.contains(Fixtures.accessKeySecret))
            #expect(!text.contains(Fixtures.token()))
        }
        let tokenError = await #expect(throws: GenAuthError.self) {
            let echoing = try LoopbackServer { request in
                .json(400, #"{"statusCode":400,"message":"bad: \#(String(decoding: request.body, as: UTF8.self).replacingOccurrences(of: "\"", with: "'"))"}"#)
            }
            _ = try await Fixtures.client(echoing).listEvents()
        }
        let tokenText = tokenError.map(String.init(describing:)) ?? ""
        #expect(!tokenText.contains(Fixtures.accessKeySecret))
        #expect(tokenText.contains("<redacted>"), "\(tokenText)")
    }
}

/// A clock the tests move.
final class Clock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_700_000_000)

    var date: Date { lock.withLock { current } }

    func advance(_ seconds: TimeInterval) {
        lock.withLock { current += seconds }
    }
}

/// Numbers from 1, across threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
