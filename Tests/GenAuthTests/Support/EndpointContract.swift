import Foundation
import Testing
@testable import GenAuth

/// What one endpoint must send, and the response it must decode; checked against the loopback server.
/// The generated `EndpointContractTests` build one per endpoint from the spec's examples.
struct EndpointContract {
    enum Encoding {
        case json, form, none
    }

    var name: String
    var method: String
    /// The path as sent, path parameters percent-encoded.
    var path: String
    /// The query string as sent, percent-encoded; nil for none.
    var query: String?
    /// The body as JSON (for a form body, its fields as a JSON object); nil for none.
    var body: String?
    var encoding: Encoding
    /// The response the server answers with.
    var response: String

    /// Calls `call` with a client of the loopback server, then checks the one request it made.
    func check(_ call: @Sendable (AuthenticationClient) async throws -> Void) async throws {
        let response = Data(self.response.utf8)
        let server = try LoopbackServer { _ in .respond(status: 200, body: response) }
        do {
            try await call(Fixtures.client(server))
        } catch {
            Issue.record("\(name): \(error)")
            return
        }
        #expect(server.requests.count == 1, "\(name) sent \(server.requests.count) requests")
        let request = try #require(server.requests.first)
        #expect(request.method == method, "\(name): method")
        #expect(request.path == path, "\(name): path")
        #expect(request.query == query, "\(name): query")
        #expect(request.header("x-authing-app-id") == Fixtures.appId, "\(name): x-authing-app-id")
        #expect(request.header("x-authing-request-from") == "sdk", "\(name): x-authing-request-from")
        #expect(request.header("x-authing-sdk-version") == "swift:\(GenAuthSDK.version)", "\(name): x-authing-sdk-version")
        #expect(request.header("authorization") == "Bearer \(Fixtures.accessToken)", "\(name): authorization")

        switch encoding {
        case .none:
            #expect(request.body.isEmpty, "\(name): a body was sent")
            #expect(request.header("content-type") == nil, "\(name): content-type without a body")
        case .json:
            #expect(request.header("content-type") == "application/json", "\(name): content-type")
            let sent = try JSONDecoder().decode(JSONValue.self, from: request.body)
            let expected = try JSONDecoder().decode(JSONValue.self, from: Data((body ?? "{}").utf8))
            #expect(sent == expected, "\(name): body \(String(decoding: request.body, as: UTF8.self))")
        case .form:
            #expect(request.header("content-type") == "application/x-www-form-urlencoded", "\(name): content-type")
            let sent = Self.formFields(String(decoding: request.body, as: UTF8.self))
            let expected = try JSONDecoder().decode(JSONValue.self, from: Data((body ?? "{}").utf8))
            #expect(sent == Self.formFields(of: expected), "\(name): form body \(String(decoding: request.body, as: UTF8.self))")
        }
    }

    /// `a=1&b=x%20y` → ["a": "1", "b": "x y"].
    static func formFields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }

    /// The form fields a JSON object becomes: scalars as text, nested values as JSON, nulls left out.
    static func formFields(of value: JSONValue) -> [String: String] {
        guard case .object(let object) = value else { return [:] }
        var fields: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case .null: continue
            case .string(let text): fields[key] = text
            case .bool(let flag): fields[key] = flag ? "true" : "false"
            case .integer(let number): fields[key] = String(number)
            case .number(let number): fields[key] = String(number)
            case .array, .object:
                fields[key] = String(decoding: (try? JSONEncoder().encode(value)) ?? Data(), as: UTF8.self)
            }
        }
        return fields
    }
}

/// Reaches a deprecated endpoint through a protocol requirement, so that its contract test compiles
/// without a deprecation warning.
protocol DeprecatedEndpointCall: Sendable {
    func call(_ client: AuthenticationClient) async throws
}
