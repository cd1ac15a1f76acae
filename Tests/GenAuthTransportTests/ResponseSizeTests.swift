import Foundation
import GenAuthAuthentication
import GenAuthTestSupport
import Testing

/// The response size limit: a body past it fails the call without being buffered whole; one under it decodes.
@Suite struct ResponseSizeTests {
    static let limit = 1 << 20

    @Test(arguments: TransportUnderTest.allCases)
    func aBodyOverTheLimitIsRefusedWhenItsLengthIsAnnounced(transport: TransportUnderTest) async throws {
        let body = #"{"statusCode":200,"message":""# + String(repeating: "x", count: 2 * Self.limit) + #""}"#
        let server = try LoopbackServer { _ in .json(200, body) }
        let client = Fixtures.authenticationClient(server.baseURL, transport.make(maximumResponseSize: Self.limit))

        let error = try await withHangGuard { await Fixtures.sendSmsError(client) }

        let failure = Fixtures.transportFailure(error)
        #expect(failure?.kind == .responseTooLarge)
        #expect(failure?.message.contains("maximumResponseSize (\(Self.limit) bytes)") == true, "\(String(describing: failure))")
        Fixtures.expectNoSecrets(error)
    }

    @Test(arguments: TransportUnderTest.allCases)
    func aBodyOverTheLimitIsRefusedBeforeItEnds(transport: TransportUnderTest) async throws {
        // No length announced, twice the limit sent, and then nothing more, ever: a transport that waited for the end of
        // the body before counting it would wait until the hang guard.
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n"
        let start = head + #"{"statusCode":200,"message":""# + String(repeating: "x", count: 2 * Self.limit)
        let server = try LoopbackServer { _ in .stall(after: Data(start.utf8)) }
        let client = Fixtures.authenticationClient(
            server.baseURL, transport.make(maximumResponseSize: Self.limit), timeout: 600)

        let error = try await withHangGuard(30) { await Fixtures.sendSmsError(client) }

        #expect(Fixtures.transportFailure(error)?.kind == .responseTooLarge, "\(String(describing: error))")
        #expect(try await poll(seconds: 30) { server.stallsClosedByClient == 1 }, "the transport closed the connection")
    }

    @Test(arguments: TransportUnderTest.allCases)
    func aBodyOfExactlyTheLimitIsAccepted(transport: TransportUnderTest) async throws {
        let body = Data(repeating: UInt8(ascii: "a"), count: Self.limit)
        let server = try LoopbackServer { _ in .respond(status: 200, headers: [:], body: body) }
        let response = try await transport.make(maximumResponseSize: Self.limit).send(
            HTTPRequest(method: "GET", url: try #require(URL(string: "\(server.baseURL)/exact")), timeout: Fixtures.generousTimeout))
        #expect(response.body == body)
    }

    // One transport at a time: decoding 20 MB holds a cooperative thread for a while, and the machine has two.
    @Test(.serialized, arguments: TransportUnderTest.allCases)
    func aTwentyMegabyteBodyUnderTheDefaultLimitDecodes(transport: TransportUnderTest) async throws {
        let big = String(repeating: "x", count: 20_000_000)
        let server = try LoopbackServer { _ in .json(200, #"{"statusCode":200,"message":"\#(big)"}"#) }
        let client = Fixtures.authenticationClient(server.baseURL, transport.make())

        let response = try await withHangGuard(240) {
            try await client.sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin))
        }
        #expect(response.message.count == 20_000_000)
    }

    @Test func theDefaultLimitIs32MiB() {
        #expect(URLSessionTransport.defaultMaximumResponseSize == 33_554_432)
        #expect(URLSessionTransport().maximumResponseSize == 33_554_432)
        #expect(URLSessionTransport(maximumResponseSize: -1).maximumResponseSize == 0)
    }
}
