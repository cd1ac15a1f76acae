import Foundation
import GenAuthCore
import GenAuthTestSupport
import Testing

/// What a transport sends and what it returns, byte for byte, against a real HTTP/1.1 server on loopback.
@Suite struct RequestAndResponseTests {
    static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]

    @Test(arguments: TransportUnderTest.allCases, methods)
    func theRequestArrivesAsSent(transport: TransportUnderTest, method: String) async throws {
        let server = try LoopbackServer { _ in .json(200, #"{"ok":true}"#) }
        let body = method == "GET" ? nil : Data(#"{"phoneNumber":"188xxxx8888","note":"中文 ✓"}"#.utf8)
        let headers = [
            HTTPHeader(name: "content-type", value: "application/json"),
            HTTPHeader(name: "authorization", value: "Bearer \(Fixtures.accessToken)"),
            HTTPHeader(name: "x-authing-app-id", value: Fixtures.appId),
            HTTPHeader(name: "X-Mixed-Case", value: "Value With Spaces, and commas"),
        ]
        let url = try #require(URL(string: "\(server.baseURL)/api/v3/some-path?userId=u%201&flag=true&empty="))

        let response = try await transport.make().send(
            HTTPRequest(method: method, url: url, headers: headers, body: body, timeout: Fixtures.generousTimeout))

        #expect(response.statusCode == 200)
        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.method == method)
        #expect(request.target == "/api/v3/some-path?userId=u%201&flag=true&empty=")
        for header in headers {
            #expect(request.header(header.name) == header.value, "\(header.name)")
        }
        #expect(request.body == body ?? Data())
    }

    @Test(arguments: TransportUnderTest.allCases, [200, 201, 400, 401, 403, 404, 429, 500, 502, 503])
    func everyStatusIsReturnedWithItsHeadersAndBody(transport: TransportUnderTest, status: Int) async throws {
        let body = Data(#"{"statusCode":\#(status),"message":"status \#(status)"}"#.utf8)
        let server = try LoopbackServer { _ in
            .respond(
                status: status,
                headers: ["Content-Type": "application/json", "X-Request-ID": "req-\(status)", "Retry-After": "1"],
                body: body)
        }
        let response = try await transport.make().send(
            HTTPRequest(method: "POST", url: try #require(URL(string: "\(server.baseURL)/x")), body: Data("{}".utf8), timeout: Fixtures.generousTimeout))

        #expect(response.statusCode == status)
        #expect(response.body == body)
        // Names lowercase, whatever the server's case.
        #expect(response.headers["x-request-id"] == "req-\(status)")
        #expect(response.headers["retry-after"] == "1")
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.headers.keys.allSatisfy { $0 == $0.lowercased() }, "\(response.headers.keys.sorted())")
    }

    @Test(arguments: TransportUnderTest.allCases)
    func anEmptyBodyIsAnEmptyBody(transport: TransportUnderTest) async throws {
        let server = try LoopbackServer { _ in .respond(status: 200, headers: [:], body: Data()) }
        let response = try await transport.make().send(
            HTTPRequest(method: "GET", url: try #require(URL(string: "\(server.baseURL)/empty")), timeout: Fixtures.generousTimeout))
        #expect(response.statusCode == 200)
        #expect(response.body.isEmpty)
    }

    @Test(arguments: TransportUnderTest.allCases, [301, 302, 303, 307, 308])
    func aRedirectToAnotherHostIsReturnedNotFollowed(transport: TransportUnderTest, status: Int) async throws {
        let elsewhere = try LoopbackServer { _ in .json(200, #"{"statusCode":200,"message":"stolen"}"#) }
        let server = try LoopbackServer { _ in
            .respond(status: status, headers: ["location": "http://127.0.0.1:\(elsewhere.port)/steal"], body: Data())
        }
        // Through the client: a POST carrying the user's token, the app secret and a password.
        let client = Fixtures.authenticationClient(server.baseURL, transport.make())
        let error = await Fixtures.sendSmsError(client)
        guard case .httpStatus(let failure)? = error else {
            Issue.record("expected an HTTP status error, got \(String(describing: error))")
            return
        }
        #expect(failure.statusCode == status)
        Fixtures.expectNoSecrets(error)

        // And a bare GET, which a client that follows redirects would replay without a body.
        let response = try await transport.make().send(HTTPRequest(
            method: "GET", url: try #require(URL(string: "\(server.baseURL)/api/v3/get-user?userId=1")),
            headers: [HTTPHeader(name: "authorization", value: "Bearer \(Fixtures.accessToken)")], timeout: Fixtures.generousTimeout))
        #expect(response.statusCode == status)
        #expect(response.headers["location"] == "http://127.0.0.1:\(elsewhere.port)/steal")

        #expect(server.requests.count == 2)
        #expect(elsewhere.requests.isEmpty, "nothing may travel to another host")
    }
}
