import Foundation
import GenAuthAuthentication
import GenAuthManagement
import GenAuthTestSupport
import Testing

// Publishing needs no WebSocket and no trait: these tests run with or without `Events`.

/// `pubEvent` and `pubUserEvent` against a real HTTP server on loopback: the path, the credentials, and `eventData`
/// sent as JSON text, as GenAuth's maintained SDKs send it.
@Suite struct PublishTests {
    static let success = #"{"statusCode":200,"message":"ok","data":{"success":true}}"#

    /// A management token, as GenAuth issues one: a JWT whose payload names the user pool.
    static let managementToken: String = {
        func base64URL(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        return base64URL(#"{"alg":"RS256","typ":"JWT"}"#) + "." + base64URL(#"{"scoped_userpool_id":"62d0fae6a5c9e2bd0e23f700"}"#)
            + ".c2lnbmF0dXJl"
    }()

    static func managementServer() throws -> LoopbackServer {
        try LoopbackServer { request in
            request.path == "/api/v3/get-management-token"
                ? .json(200, #"{"statusCode":200,"message":"ok","data":{"access_token":"\#(managementToken)","expires_in":7200}}"#)
                : .json(200, success)
        }
    }

    static func managementClient(_ server: LoopbackServer) -> ManagementClient {
        ManagementClient(options: ManagementClientOptions(
            accessKeyId: "62d0fae6a5c9e2bd0e23f7b4", accessKeySecret: "ak-secret-0f1e2d3c4b5a69788796a5b4", host: server.baseURL))
    }

    /// The request body's fields.
    static func fields(_ request: LoopbackServer.Request) throws -> [String: JSONValue] {
        guard case .object(let object) = try JSONDecoder().decode(JSONValue.self, from: request.body) else { return [:] }
        return object
    }

    struct OrderPaid: Codable, Sendable {
        var orderId: String
        var amount: Int
        var paidAt: Date
    }

    @Test func theManagementClientSendsTheEventsDataAsJSONText() async throws {
        let server = try Self.managementServer()
        let response = try await Self.managementClient(server).pubEvent(
            "myapp.order.paid", data: OrderPaid(orderId: "A-1024", amount: 4200, paidAt: Date(timeIntervalSince1970: 1_764_504_000)))
        #expect(response.data.success)

        let request = try #require(server.requests.last)
        #expect(request.method == "POST" && request.path == "/api/v3/pub-event")
        #expect(request.header("authorization") == "Bearer \(Self.managementToken)")
        #expect(try Self.fields(request) == [
            "eventType": "myapp.order.paid",
            "eventData": .string(#"{"amount":4200,"orderId":"A-1024","paidAt":"2025-11-30T12:00:00.000Z"}"#),
        ])
    }

    @Test func aJSONValueLiteralIsSentAsJSONTextToo() async throws {
        let server = try Self.managementServer()
        _ = try await Self.managementClient(server).pubEvent("myapp.order.paid", data: ["orderId": "A-1024", "items": [1, 2]])
        #expect(try Self.fields(#require(server.requests.last)) == [
            "eventType": "myapp.order.paid", "eventData": .string(#"{"items":[1,2],"orderId":"A-1024"}"#),
        ])
    }

    @Test func dataThatIsNotJSONIsRefusedBeforeAnythingIsSent() async throws {
        let server = try Self.managementServer()
        do {
            _ = try await Self.managementClient(server).pubEvent("myapp.reading", data: ["value": .number(.nan)])
            Issue.record("NaN was encoded")
        } catch {
            guard case .invalidRequest(let failure) = error else {
                Issue.record("expected invalidRequest, got \(error)")
                return
            }
            #expect(failure.reason.contains("cannot be encoded as JSON"))
            #expect(error.call == GenAuthCall(operation: "pubEvent", method: "POST", path: "/api/v3/pub-event"))
        }
        #expect(server.requests.isEmpty)
    }

    @Test func theUserPublishesWithTheirOwnToken() async throws {
        let server = try LoopbackServer { _ in .json(200, Self.success) }
        let client = AuthenticationClient(options: AuthenticationClientOptions(
            appId: "62d0fae6a5c9e2bd0e23f7b0", appHost: server.baseURL, accessToken: "user-access-token"))
        let response = try await client.pubUserEvent("myapp.cart.shared", data: ["cartId": "c-17"])
        #expect(response.data.success)

        let request = try #require(server.requests.first)
        #expect(request.method == "POST" && request.path == "/api/v3/pub-userEvent")
        #expect(request.header("authorization") == "Bearer user-access-token")
        #expect(try Self.fields(request) == ["eventType": "myapp.cart.shared", "eventData": .string(#"{"cartId":"c-17"}"#)])
    }

    @Test func aUserWithoutATokenIsToldSoBeforeAnythingIsSent() async throws {
        let server = try LoopbackServer { _ in .json(200, Self.success) }
        let client = AuthenticationClient(options: AuthenticationClientOptions(appId: "62d0fae6a5c9e2bd0e23f7b0", appHost: server.baseURL))
        do {
            _ = try await client.pubUserEvent("myapp.cart.shared", data: ["cartId": "c-17"])
            Issue.record("published without a token")
        } catch {
            guard case .invalidRequest(let failure) = error else {
                Issue.record("expected invalidRequest, got \(error)")
                return
            }
            #expect(failure.reason.contains("access token"))
            #expect(error.call?.operation == "pubUserEvent")
        }
        #expect(server.requests.isEmpty)
    }
}
