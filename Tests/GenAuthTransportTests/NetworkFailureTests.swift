import Foundation
import GenAuthAuthentication
import GenAuthTestSupport
import Testing

/// A network or a server that misbehaves: each transport's failure is the same kind of ``TransportFailure``, and the
/// client's error quotes no secret.
@Suite struct NetworkFailureTests {
    @Test(arguments: TransportUnderTest.allCases)
    func aStalledServerTimesOut(transport: TransportUnderTest) async throws {
        // The server reads the request and never answers.
        let server = try LoopbackServer { _ in .stall(after: Data()) }
        let client = Fixtures.authenticationClient(server.baseURL, transport.make(), timeout: 0.5)

        let error = try await withHangGuard { await Fixtures.sendSmsError(client) }

        let failure = Fixtures.transportFailure(error)
        #expect(failure?.kind == .timedOut)
        #expect(error?.description == "sendSms (POST /api/v3/send-sms): GenAuth request failed (timedOut): no response within 0.5 s")
        Fixtures.expectNoSecrets(error)
        try await Self.expectClosed(server)
    }

    /// The transport let go of the connection it had sent its request on. (On two busy cores the request may not have
    /// reached the server within the timeout; then there is no stalled connection to close.)
    static func expectClosed(_ server: LoopbackServer, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let closed = try await poll(seconds: 30) { server.stallsClosedByClient == server.requests.count }
        #expect(closed, "\(server.requests.count) requests, \(server.stallsClosedByClient) closed", sourceLocation: sourceLocation)
        #expect(server.requests.count <= 1, sourceLocation: sourceLocation)
    }

    @Test(arguments: TransportUnderTest.allCases)
    func aServerThatStallsMidBodyTimesOut(transport: TransportUnderTest) async throws {
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n"
        let server = try LoopbackServer { _ in .stall(after: Data((head + #"{"statusCode":200,"mess"#).utf8)) }
        let client = Fixtures.authenticationClient(server.baseURL, transport.make(), timeout: 0.5)

        let error = try await withHangGuard { await Fixtures.sendSmsError(client) }

        #expect(Fixtures.transportFailure(error)?.kind == .timedOut)
        try await Self.expectClosed(server)
    }

    @Test(arguments: TransportUnderTest.allCases)
    func aStalledRequestAlsoEndsAtItsOwnTimeout(transport: TransportUnderTest) async throws {
        // The transport alone, without a client to cancel it: `HTTPRequest.timeout` bounds it.
        let server = try LoopbackServer { _ in .stall(after: Data()) }
        let request = HTTPRequest(method: "GET", url: try #require(URL(string: "\(server.baseURL)/slow")), timeout: 0.5)
        let made = transport.make()
        let kind = try await withHangGuard { () -> TransportFailure.Kind? in
            do {
                _ = try await made.send(request)
                Issue.record("a stalled server answered")
                return nil
            } catch {
                return Fixtures.kind(of: error)
            }
        }
        #expect(kind == .timedOut)
        try await Self.expectClosed(server)
    }

    @Test(arguments: TransportUnderTest.allCases)
    func cancellingTheCallingTaskReturnsPromptly(transport: TransportUnderTest) async throws {
        let server = try LoopbackServer { _ in .stall(after: Data()) }
        // A timeout far beyond the hang guard: only the cancellation can end the call in time.
        let client = Fixtures.authenticationClient(server.baseURL, transport.make(), timeout: 600)
        let call = Task { await Fixtures.sendSmsError(client) }
        #expect(try await poll(seconds: 30) { server.requests.count == 1 }, "the request reached the server")

        call.cancel()
        let error = try await withHangGuard(30) { await call.value }

        #expect(Fixtures.transportFailure(error)?.kind == .cancelled)
        Fixtures.expectNoSecrets(error)
        #expect(try await poll(seconds: 30) { server.stallsClosedByClient == 1 }, "the connection was closed")
    }

    @Test(arguments: TransportUnderTest.allCases, [false, true])
    func aConnectionClosedOrResetMidBodyIsLost(transport: TransportUnderTest, reset: Bool) async throws {
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n"
        let server = try LoopbackServer { _ in .raw(Data((head + #"{"statusCode":200,"mess"#).utf8), reset: reset) }
        let client = Fixtures.authenticationClient(server.baseURL, transport.make())

        let error = try await withHangGuard { await Fixtures.sendSmsError(client) }

        #expect(Fixtures.transportFailure(error)?.kind == .connectionLost, "\(String(describing: error))")
        Fixtures.expectNoSecrets(error)
    }

    @Test(arguments: TransportUnderTest.allCases)
    func aConnectionClosedBeforeAnyAnswerIsLost(transport: TransportUnderTest) async throws {
        let server = try LoopbackServer { _ in .close }
        let client = Fixtures.authenticationClient(server.baseURL, transport.make())

        let error = try await withHangGuard { await Fixtures.sendSmsError(client) }

        #expect(Fixtures.transportFailure(error)?.kind == .connectionLost, "\(String(describing: error))")
        #expect(server.requests.count == 1)
        Fixtures.expectNoSecrets(error)
    }

    @Test(arguments: TransportUnderTest.allCases)
    func aRefusedPortCannotConnect(transport: TransportUnderTest) async throws {
        let refusing = try RefusingPort()
        let client = Fixtures.authenticationClient(refusing.baseURL, transport.make())

        let error = try await withHangGuard { await Fixtures.sendSmsError(client) }

        #expect(Fixtures.transportFailure(error)?.kind == .cannotConnect, "\(String(describing: error))")
        Fixtures.expectNoSecrets(error)
        withExtendedLifetime(refusing) {}
    }
}
