import Foundation
import GenAuthCore
import Testing

/// What one endpoint must send, and the response it must decode; checked against the loopback server.
/// The generated `EndpointContractTests` of each client build one per endpoint from the spec's examples.
public struct EndpointContract: Sendable {
    public enum Encoding: Sendable {
        case json, form, none
    }

    public var name: String
    public var method: String
    /// The path as sent, path parameters percent-encoded.
    public var path: String
    /// The query string as sent, percent-encoded; nil for none.
    public var query: String?
    /// The body as JSON (for a form body, its fields as a JSON object); nil for none.
    public var body: String?
    public var encoding: Encoding
    /// The response the server answers with.
    public var response: String

    public init(name: String, method: String, path: String, query: String?, body: String?, encoding: Encoding, response: String) {
        self.name = name
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.encoding = encoding
        self.response = response
    }

    /// How one client meets a contract: how it is made for a server, the headers each of its calls must
    /// carry, and the answers to requests that are not the call itself (a token request, say).
    public struct Harness<Client: Sendable>: Sendable {
        public var makeClient: @Sendable (LoopbackServer) -> Client
        /// Header name → the value every call must carry.
        public var headers: [String: String]
        /// Answers the requests a client makes besides the call (nil: the request is the call).
        public var auxiliary: @Sendable (LoopbackServer.Request) -> LoopbackServer.Reply?

        public init(
            makeClient: @escaping @Sendable (LoopbackServer) -> Client, headers: [String: String],
            auxiliary: @escaping @Sendable (LoopbackServer.Request) -> LoopbackServer.Reply? = { _ in nil }
        ) {
            self.makeClient = makeClient
            self.headers = headers
            self.auxiliary = auxiliary
        }
    }

    /// Calls `call` and checks the request it made, then calls it again against GenAuth's failure envelope,
    /// which must be thrown; records every mismatch as a test issue.
    public func check<Client>(_ harness: Harness<Client>, _ call: @Sendable (Client) async throws -> Void) async throws {
        for mismatch in try await mismatches(harness, call) {
            Issue.record("\(name): \(mismatch)")
        }
    }

    /// What the endpoint does differently from the contract, one line each; empty when it holds.
    public func mismatches<Client>(_ harness: Harness<Client>, _ call: @Sendable (Client) async throws -> Void) async throws -> [String] {
        var found: [String] = []
        func expect(_ condition: Bool, _ what: @autoclosure () -> String) {
            if !condition { found.append(what()) }
        }
        let response = Data(self.response.utf8)
        let server = try LoopbackServer { request in harness.auxiliary(request) ?? .respond(status: 200, body: response) }
        do {
            try await call(harness.makeClient(server))
        } catch {
            return ["the call threw: \(error)"]
        }
        let calls = server.requests.filter { harness.auxiliary($0) == nil }
        expect(calls.count == 1, "sent \(calls.count) requests")
        guard let request = calls.first else { return found }
        expect(request.method == method, "method \(request.method), expected \(method)")
        expect(request.path == path, "path \(request.path), expected \(path)")
        expect(request.query == query, "query \(request.query ?? "nil"), expected \(query ?? "nil")")
        for (header, value) in harness.headers.sorted(by: { $0.key < $1.key }) {
            expect(request.header(header) == value, "\(header): \(request.header(header) ?? "nil"), expected \(value)")
        }
        expect(request.header("x-authing-request-from") == "sdk", "x-authing-request-from")
        expect(request.header("x-authing-sdk-version") == "swift:\(GenAuthSDK.version)", "x-authing-sdk-version")

        let sentBody = String(decoding: request.body, as: UTF8.self)
        switch encoding {
        case .none:
            expect(request.body.isEmpty, "a body was sent")
            expect(request.header("content-type") == nil, "content-type without a body")
        case .json:
            expect(request.header("content-type") == "application/json", "content-type \(request.header("content-type") ?? "nil")")
            let sent = try? JSONDecoder().decode(JSONValue.self, from: request.body)
            let expected = try JSONDecoder().decode(JSONValue.self, from: Data((body ?? "{}").utf8))
            expect(sent == expected, "body \(sentBody), expected \(body ?? "{}")")
        case .form:
            expect(request.header("content-type") == "application/x-www-form-urlencoded", "content-type")
            let expected = try JSONDecoder().decode(JSONValue.self, from: Data((body ?? "{}").utf8))
            expect(Self.formFields(sentBody) == Self.formFields(of: expected), "form body \(sentBody)")
        }

        // GenAuth's failure envelope, in an HTTP 200 answer, is thrown whatever the response type.
        let failing = try LoopbackServer { request in harness.auxiliary(request) ?? .json(200, Self.failureEnvelope) }
        do {
            try await call(harness.makeClient(failing))
            found.append("a failure in the envelope was returned, not thrown")
        } catch let error as GenAuthError {
            guard case .api(let failure) = error else { return found + ["a failure in the envelope was thrown as \(error)"] }
            expect(failure.statusCode == 403 && failure.apiCode == 2004 && failure.message == "无权限" && failure.requestId == "r-403",
                   "the failure in the envelope was thrown as \(failure)")
        }
        return found
    }

    /// Iterates the items of a paginated list over the contract's response: `count` items must come, after one
    /// request to the contract's method and path.
    public func checkItems<Client, Element>(
        _ harness: Harness<Client>, count: Int, pageSize: Int? = nil, _ items: @Sendable (Client) -> PageSequence<Element>
    ) async throws {
        let response = Data(self.response.utf8)
        let server = try LoopbackServer { request in harness.auxiliary(request) ?? .respond(status: 200, body: response) }
        var seen = 0
        do {
            for try await _ in items(harness.makeClient(server)) { seen += 1 }
        } catch {
            Issue.record("\(name): the iteration threw: \(error)")
            return
        }
        let calls = server.requests.filter { harness.auxiliary($0) == nil }
        #expect(seen == count, "\(name): \(seen) items, expected \(count)")
        #expect(calls.count == 1, "\(name): \(calls.count) requests")
        #expect(calls.allSatisfy { $0.method == method && $0.path == path }, "\(name): method or path")
        if let pageSize, let call = calls.first {
            // The page size, in the query or beside the page number in the body, and the first page.
            let query = Self.formFields(call.query ?? "")
            let body = (try? JSONDecoder().decode(JSONValue.self, from: call.body)) ?? .null
            let inQuery = query["limit"] == String(pageSize) && query["page"] == "1"
            #expect(inQuery || Self.hasPage(1, limit: pageSize, in: body), "\(name): the page size \(pageSize) is not sent")
        }
    }

    /// Whether an object of `value`, at any depth, holds `page` and `limit` with these values.
    static func hasPage(_ page: Int, limit: Int, in value: JSONValue) -> Bool {
        switch value {
        case .object(let object):
            if case .integer(page)? = object["page"], case .integer(limit)? = object["limit"] { return true }
            return object.values.contains { hasPage(page, limit: limit, in: $0) }
        case .array(let items):
            return items.contains { hasPage(page, limit: limit, in: $0) }
        default:
            return false
        }
    }

    public static let failureEnvelope = #"{"statusCode":403,"message":"无权限","apiCode":2004,"requestId":"r-403"}"#

    /// `a=1&b=x%20y` → ["a": "1", "b": "x y"].
    public static func formFields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }

    /// The form fields a JSON object becomes: scalars as text, nested values as JSON, nulls left out.
    public static func formFields(of value: JSONValue) -> [String: String] {
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
