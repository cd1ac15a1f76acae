#if AsyncHTTPClient
import AsyncHTTPClient
import Foundation
import GenAuthAuthentication
@testable import GenAuthAsyncHTTPClient
import GenAuthTestSupport
import NIOCore
import NIOHTTP1
import NIOSSL
import Testing

/// What only AsyncHTTPClientTransport has: a client of the app's that follows redirects despite the docs, the client
/// it creates and shuts down itself, and its reading of AsyncHTTPClient's and SwiftNIO's errors.
@Suite struct AsyncHTTPClientTransportTests {
    /// A client configured against the docs' advice: AsyncHTTPClient's default, redirects followed.
    func withFollowingClient(_ body: (HTTPClient) async throws -> Void) async throws {
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        do {
            try await body(client)
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    @Test(arguments: [307, 308])
    func aClientThatFollowsRedirectsStillReturnsOneThatWouldResendTheBody(status: Int) async throws {
        let elsewhere = try LoopbackServer { _ in .json(200, #"{"statusCode":200,"message":"stolen"}"#) }
        let server = try LoopbackServer { _ in
            .respond(status: status, headers: ["location": "http://127.0.0.1:\(elsewhere.port)/steal"], body: Data())
        }
        try await withFollowingClient { httpClient in
            let client = Fixtures.authenticationClient(server.baseURL, AsyncHTTPClientTransport(client: httpClient))
            let error = await Fixtures.sendSmsError(client)
            guard case .httpStatus(let failure)? = error else {
                Issue.record("expected an HTTP status error, got \(String(describing: error))")
                return
            }
            #expect(failure.statusCode == status)
        }
        #expect(elsewhere.requests.isEmpty, "the body (a password, a secret) must not travel to another host")
    }

    @Test(arguments: [301, 302, 303])
    func aClientThatFollowsARedirectFailsTheCallAndSaysHowToConfigureIt(status: Int) async throws {
        let elsewhere = try LoopbackServer { _ in .json(200, #"{"statusCode":200,"message":"stolen"}"#) }
        let server = try LoopbackServer { _ in
            .respond(status: status, headers: ["location": "http://127.0.0.1:\(elsewhere.port)/steal"], body: Data())
        }
        try await withFollowingClient { httpClient in
            let client = Fixtures.authenticationClient(server.baseURL, AsyncHTTPClientTransport(client: httpClient))
            let error = await Fixtures.sendSmsError(client)
            let failure = Fixtures.transportFailure(error)
            #expect(failure?.kind == .other)
            #expect(failure?.message.contains("followed a redirect (HTTP \(status))") == true, "\(String(describing: failure))")
            #expect(failure?.message.contains("redirectConfiguration: .disallow") == true)
            Fixtures.expectNoSecrets(error)
        }
        // AsyncHTTPClient turned the POST into a GET without its body, and dropped the token on the way to another
        // origin: nothing secret travelled, and the app is told to fix its client.
        let followed = try #require(elsewhere.requests.first)
        #expect(followed.method == "GET")
        #expect(followed.body.isEmpty)
        #expect(followed.header("authorization") == nil)
    }

    @Test func transportsThatCreateTheirClientShutThemDownWhenDropped() async throws {
        let server = try LoopbackServer { _ in .json(200, #"{"statusCode":200,"message":"ok"}"#) }
        // AsyncHTTPClient stops a debug build that releases a client it has not shut down: twenty that are created,
        // used and dropped would each stop this one.
        for index in 0..<20 {
            let client = Fixtures.authenticationClient(server.baseURL, AsyncHTTPClientTransport())
            let response = try await client.sendSms(SendSMSDto(phoneNumber: "\(index)", channel: .channelLogin))
            #expect(response.message == "ok")
        }
        #expect(server.requests.count == 20)
    }

    @Test func anInvalidHeaderValueIsNotQuoted() async throws {
        let server = try LoopbackServer { _ in .json(200, "{}") }
        let transport = AsyncHTTPClientTransport()
        let request = HTTPRequest(
            method: "GET", url: try #require(URL(string: server.baseURL)),
            headers: [HTTPHeader(name: "authorization", value: "Bearer \(Fixtures.accessToken)\r\nx-injected: 1")],
            timeout: Fixtures.generousTimeout)
        let error = await #expect(throws: HTTPTransportError.self) { try await transport.send(request) }
        #expect(error?.kind == .other)
        #expect(error?.message == "AsyncHTTPClient: Invalid header field values")
        #expect(server.requests.isEmpty)
    }

    @Test func theErrorsOfAsyncHTTPClientAndSwiftNIOReadAsURLSessionsDo() {
        func kind(_ error: any Error) -> TransportFailure.Kind {
            AsyncHTTPClientFailures.classify(error, callerCancelled: false).kind
        }
        #expect(kind(HTTPClientError.deadlineExceeded) == .timedOut)
        #expect(kind(HTTPClientError.connectTimeout) == .timedOut)
        #expect(kind(HTTPClientError.readTimeout) == .timedOut)
        #expect(kind(ChannelError.connectTimeout(.seconds(1))) == .timedOut)
        #expect(kind(IOError(errnoCode: ETIMEDOUT, reason: "connect")) == .timedOut)
        #expect(kind(HTTPClientError.cancelled) == .cancelled)
        #expect(kind(CancellationError()) == .cancelled)
        #expect(kind(IOError(errnoCode: ECONNREFUSED, reason: "connect")) == .cannotConnect)
        #expect(kind(IOError(errnoCode: EHOSTUNREACH, reason: "connect")) == .cannotConnect)
        #expect(kind(NIOSSLError.handshakeFailed(.sslError([]))) == .cannotConnect)
        #expect(kind(HTTPClientError.remoteConnectionClosed) == .connectionLost)
        #expect(kind(IOError(errnoCode: ECONNRESET, reason: "read")) == .connectionLost)
        #expect(kind(ChannelError.eof) == .connectionLost)
        #expect(kind(HTTPParserError.invalidStatus) == .connectionLost)
        #expect(kind(NIOSSLError.uncleanShutdown) == .connectionLost)
        #expect(kind(HTTPClientError.invalidURL) == .other)
        // Whatever AsyncHTTPClient reports once the caller's task is cancelled (the client's timeout does that).
        #expect(AsyncHTTPClientFailures.classify(HTTPClientError.remoteConnectionClosed, callerCancelled: true).kind == .cancelled)
    }
}
#endif
