import Foundation
import Testing
@testable import GenAuthManagement
import GenAuthTestSupport

/// The access-key signature mode, checked against a signature Python computes from the request the server
/// received, following the canonical form GenAuth's Node SDK signs (not the Swift code).
@Suite struct AccessKeySignatureTests {
    static let script = #"""
        import base64, hashlib, hmac, json, sys, urllib.parse
        request = json.load(sys.stdin)
        method, headers, target, body = request["method"], request["headers"], request["target"], request["body"]
        path, _, query = target.partition("?")
        signed = sorted((name, value) for name, value in headers.items() if name.startswith("x-authing-") or name == "date")
        text = method + "\n" + "".join(f"{name}:{value.strip()}\n" for name, value in signed) + path
        def text_of(value):
            if isinstance(value, bool): return "true" if value else "false"
            if isinstance(value, (dict, list)): return json.dumps(value, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
            return str(value)
        if method == "GET":
            fields = urllib.parse.parse_qsl(query, keep_blank_values=True)
        else:
            fields = [(key, text_of(value)) for key, value in json.loads(body or "{}").items() if value is not None]
        if fields:
            text += "?" + "&".join(f"{key}={value}" for key, value in sorted(fields))
        digest = hmac.new(request["secret"].encode(), text.encode(), hashlib.sha1).digest()
        print("authing " + request["id"] + ":" + base64.b64encode(digest).decode())
        """#

    /// The authorization header Python computes for a request as the server received it.
    static func expectedAuthorization(_ request: LoopbackServer.Request) throws -> String {
        let input: [String: Any] = [
            "method": request.method, "target": request.target, "body": String(decoding: request.body, as: UTF8.self),
            "headers": Dictionary(request.headers.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }),
            "id": Fixtures.accessKeyId, "secret": Fixtures.accessKeySecret,
        ]
        let result = try ChildProcess.run(["python3", "-c", script], input: try JSONSerialization.data(withJSONObject: input))
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func client(_ server: LoopbackServer) -> ManagementClient {
        var options = Fixtures.options(server, credentials: .signature)
        options.tenantId = "tenant-7"
        options.userPoolId = Fixtures.userPoolId
        return ManagementClient(options: options, clock: { Date(timeIntervalSince1970: 1_764_504_000) }, nonce: { "6f1c0e2a9b8d7c6e5f4a3b2c1d0e9f8a" })
    }

    @Test func aGETIsSignedOverItsHeadersPathAndQuery() async throws {
        let server = try LoopbackServer { _ in .json(200, #"{"statusCode":200,"message":"ok","data":{"list":[],"totalCount":0}}"#) }
        _ = try await Self.client(server).listEvents(page: 2, limit: 5, app: "应用 a&b")
        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1, "no token request in signature mode")
        #expect(request.header("x-authing-signature-method") == "HMAC-SHA1")
        #expect(request.header("x-authing-signature-version") == "1.0")
        #expect(request.header("x-authing-signature-nonce") == "6f1c0e2a9b8d7c6e5f4a3b2c1d0e9f8a")
        #expect(request.header("date") == "Sun, 30 Nov 2025 12:00:00 GMT")
        #expect(request.header("x-authing-userpool-id") == Fixtures.userPoolId)
        #expect(request.header("x-authing-app-tenant-id") == "tenant-7")
        let authorization = try #require(request.header("authorization"))
        #expect(authorization.hasPrefix("authing \(Fixtures.accessKeyId):"))
        #expect(authorization == (try Self.expectedAuthorization(request)))
    }

    @Test func aPOSTIsSignedOverItsBodyFields() async throws {
        let server = try LoopbackServer { _ in .json(200, #"{"statusCode":200,"message":"ok","data":{"list":[],"totalCount":0}}"#) }
        _ = try await Self.client(server).listUsers(ListUsersRequestDto(
            keywords: "张三", searchQuery: ["age": 30, "tags": ["a", "b"]],
            options: ListUsersOptionsDto(pagination: PaginationDto(page: 1, limit: 10), withCustomData: true)))
        let request = try #require(server.requests.first)
        let authorization = try #require(request.header("authorization"))
        #expect(authorization == (try Self.expectedAuthorization(request)))
        #expect(authorization != "authing \(Fixtures.accessKeyId):", "a signature was computed")
    }

    @Test func eachRequestHasAFreshNonceAndDate() async throws {
        let server = try LoopbackServer { _ in .json(200, #"{"statusCode":200,"message":"ok","data":{"list":[],"totalCount":0}}"#) }
        let client = ManagementClient(options: Fixtures.options(server, credentials: .signature))
        _ = try await client.listEvents()
        _ = try await client.listEvents()
        let nonces = server.requests.compactMap { $0.header("x-authing-signature-nonce") }
        #expect(nonces.count == 2 && nonces[0] != nonces[1])
        for request in server.requests {
            #expect(request.header("authorization") == (try Self.expectedAuthorization(request)))
        }
    }
}
