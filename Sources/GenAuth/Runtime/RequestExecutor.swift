import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Builds, sends and decodes every request of a client. Shared, thread-safe state: the access token.
final class RequestExecutor: @unchecked Sendable {
    private let appId: String
    private let appSecret: String?
    private let appHost: String
    private let timeout: TimeInterval
    private let transport: any HTTPTransport
    private let lock = NSLock()
    private var storedAccessToken: String?

    init(appId: String, appSecret: String?, appHost: String, accessToken: String?, timeout: TimeInterval, transport: any HTTPTransport) {
        self.appId = appId
        self.appSecret = appSecret
        self.appHost = appHost
        self.timeout = timeout
        self.transport = transport
        self.storedAccessToken = accessToken
    }

    var accessToken: String? {
        get { lock.withLock { storedAccessToken } }
        set { lock.withLock { storedAccessToken = newValue } }
    }

    func send<Response: Decodable>(_ request: APIRequest, as _: Response.Type) async throws(GenAuthError) -> Response {
        let (response, redactor) = try await exchange(request)
        do {
            return try JSONCoding.makeDecoder().decode(Response.self, from: response.body)
        } catch let error as DecodingError {
            throw .undecodableResponse(Self.decodingFailure(error, type: Response.self, body: response.body, redactor: redactor))
        } catch {
            throw .undecodableResponse(DecodingFailure(
                typeName: String(describing: Response.self), codingPath: "",
                message: redactor.redact(String(describing: error)), body: redactor.redact(response.body)))
        }
    }

    /// Sends a request whose 2xx response has no body worth decoding.
    func sendIgnoringBody(_ request: APIRequest) async throws(GenAuthError) {
        _ = try await exchange(request)
    }

    /// Builds and sends a request and checks that GenAuth reports success: a 2xx status and, where the body is
    /// GenAuth's envelope, `statusCode` 200. Returns the response and the redactor that keeps this request's
    /// secrets out of errors.
    private func exchange(_ request: APIRequest) async throws(GenAuthError) -> (HTTPResponse, Redactor) {
        let token = accessToken
        let httpRequest = try build(request, token: token)
        let redactor = Redactor(
            secrets: [appSecret, token] + request.secrets + Self.secretValues(in: httpRequest.body)
                + request.query.filter { Self.isSecretName($0.name) }.map(\.value))
        let response = try await perform(httpRequest, redactor: redactor)
        guard (200..<300).contains(response.statusCode) else {
            throw .httpStatus(Self.statusFailure(response, redactor: redactor))
        }
        if let envelope = Envelope.read(response.body), envelope.reportsFailure, let statusCode = envelope.statusCode {
            throw .api(APIFailure(
                statusCode: statusCode, apiCode: envelope.apiCode, message: redactor.redact(envelope.message ?? ""),
                requestId: envelope.requestId, httpStatus: response.statusCode, body: redactor.redact(response.body)))
        }
        return (response, redactor)
    }

    /// Whether a field or parameter of this name holds a secret: a password, pass code, secret, token or code
    /// (not a country code).
    static func isSecretName(_ name: String) -> Bool {
        let name = name.lowercased().filter { $0 != "_" && $0 != "-" }
        guard !name.hasSuffix("countrycode") else { return false }
        return ["password", "passcode", "secret", "token", "code", "verifier"].contains { name.hasSuffix($0) }
            || name.contains("password") || name.contains("secret")
    }

    /// Values of body fields whose names say they are secret (passwords, pass codes, tokens, secrets), so that
    /// a server echoing them cannot put them in an error.
    static func secretValues(in body: Data?) -> [String] {
        guard let body else { return [] }
        var found: [String] = []
        func scan(_ value: JSONValue, key: String?) {
            switch value {
            case .string(let text):
                if let key, isSecretName(key) { found.append(text) }
            case .integer(let number):
                if let key, isSecretName(key) { found.append(String(number)) }
            case .object(let object): for (key, value) in object { scan(value, key: key) }
            case .array(let items): for item in items { scan(item, key: key) }
            default: break
            }
        }
        if let value = try? JSONDecoder().decode(JSONValue.self, from: body) {
            scan(value, key: nil)
        } else {
            // A form body: name=value pairs.
            for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                if parts.count == 2 { scan(.string(parts[1]), key: parts[0]) }
            }
        }
        return found
    }

    // MARK: - Building

    func build(_ request: APIRequest, token: String?) throws(GenAuthError) -> HTTPRequest {
        var host = appHost.trimmingCharacters(in: .whitespaces)
        while host.hasSuffix("/") { host.removeLast() }
        var urlText = host + request.path
        let query = request.query.compactMap { item in item.value.map { (item.name, $0) } }
        if !query.isEmpty { urlText += "?" + PercentEncoding.formEncode(query) }
        guard let url = URL(string: urlText), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil
        else {
            throw .invalidRequest(reason: "appHost '\(appHost)' is not an http(s) URL such as https://example.genauth.ai")
        }

        var headers = [
            HTTPHeader(name: "x-authing-app-id", value: appId),
            HTTPHeader(name: "x-authing-request-from", value: "sdk"),
            HTTPHeader(name: "x-authing-sdk-version", value: "swift:\(GenAuthSDK.version)"),
            HTTPHeader(name: "accept", value: "application/json"),
        ]
        var body: Data?
        switch request.body {
        case .none:
            break
        case .json(let value):
            body = try Self.encodeJSON(value)
            headers.append(HTTPHeader(name: "content-type", value: "application/json"))
        case .form(let value):
            body = try Self.encodeForm(value)
            headers.append(HTTPHeader(name: "content-type", value: "application/x-www-form-urlencoded"))
        }
        if let token, !token.isEmpty {
            headers.append(HTTPHeader(name: "authorization", value: "Bearer \(token)"))
        }
        return HTTPRequest(method: request.method, url: url, headers: headers, body: body, timeout: timeout)
    }

    private static func encodeJSON(_ value: any Encodable) throws(GenAuthError) -> Data {
        do {
            return try JSONCoding.makeEncoder().encode(value)
        } catch {
            // The message names the offending field's path, never its value.
            throw .invalidRequest(reason: "the request body cannot be encoded as JSON (\(Self.describe(error)))")
        }
    }

    private static func encodeForm(_ value: any Encodable) throws(GenAuthError) -> Data {
        let json = try encodeJSON(value)
        guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: json) else {
            throw .invalidRequest(reason: "a form body must be an object")
        }
        let pairs: [(String, String)] = fields.keys.sorted().compactMap { key in
            switch fields[key]! {
            case .null: return nil
            case .string(let text): return (key, text)
            case .bool(let flag): return (key, flag ? "true" : "false")
            case .integer(let number): return (key, String(number))
            case .number(let number): return (key, String(number))
            case let nested:
                let data = (try? JSONCoding.makeEncoder().encode(nested)) ?? Data()
                return (key, String(decoding: data, as: UTF8.self))
            }
        }
        return Data(PercentEncoding.formEncode(pairs).utf8)
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? EncodingError, case .invalidValue(_, let context) = error else {
            return "invalid value"
        }
        let path = context.codingPath.map(\.pathComponent).joined(separator: ".")
        return path.isEmpty ? "invalid value" : "invalid value at '\(path)'"
    }

    // MARK: - Sending

    private func perform(_ request: HTTPRequest, redactor: Redactor) async throws(GenAuthError) -> HTTPResponse {
        let transport = self.transport
        let timeout = self.timeout
        do {
            // The transport's own timeout may only count idle time; this bounds the whole call.
            return try await withThrowingTaskGroup(of: HTTPResponse?.self) { group in
                group.addTask { try await transport.send(request) }
                group.addTask {
                    try await Task.sleep(nanoseconds: UInt64(max(timeout, 0) * 1_000_000_000))
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let response = first else {
                    throw TimeoutReached()
                }
                return response
            }
        } catch is TimeoutReached {
            throw .transport(TransportFailure(kind: .timedOut, message: "no response within \(Self.seconds(timeout))"))
        } catch let error as GenAuthError {
            throw error
        } catch {
            throw .transport(Self.transportFailure(error, timeout: timeout, redactor: redactor))
        }
    }

    private struct TimeoutReached: Error {}

    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    private static func transportFailure(_ error: any Error, timeout: TimeInterval, redactor: Redactor) -> TransportFailure {
        if error is CancellationError {
            return TransportFailure(kind: .cancelled, message: "the calling task was cancelled")
        }
        guard let urlError = error as? URLError else {
            return TransportFailure(kind: .other, message: redactor.redact(String(describing: error)))
        }
        let kind: TransportFailure.Kind
        switch urlError.code {
        case .timedOut:
            return TransportFailure(kind: .timedOut, message: "no response within \(seconds(timeout))")
        case .cancelled:
            return TransportFailure(kind: .cancelled, message: "the request was cancelled")
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet, .secureConnectionFailed:
            kind = .cannotConnect
        case .networkConnectionLost, .badServerResponse, .cannotParseResponse, .zeroByteResource:
            kind = .connectionLost
        default:
            kind = .other
        }
        return TransportFailure(kind: kind, message: redactor.redact(urlError.localizedDescription))
    }

    // MARK: - Failures

    private static func statusFailure(_ response: HTTPResponse, redactor: Redactor) -> HTTPStatusFailure {
        var failure = HTTPStatusFailure(statusCode: response.statusCode, body: redactor.redact(response.body))
        if let text = String(data: response.body, encoding: .utf8) {
            failure.bodyPreview = redactor.redact(String(text.prefix(500)))
        }
        if case .object(let envelope)? = try? JSONDecoder().decode(JSONValue.self, from: response.body) {
            if case .string(let message)? = envelope["message"] { failure.message = redactor.redact(message) }
            switch envelope["apiCode"] {
            case .integer(let code)?: failure.apiCode = code
            case .number(let code)? where code == code.rounded() && abs(code) < 1e15: failure.apiCode = Int(code)
            default: break
            }
            if case .string(let requestId)? = envelope["requestId"] { failure.requestId = requestId }
        }
        return failure
    }

    private static func decodingFailure(_ error: DecodingError, type: Any.Type, body: Data, redactor: Redactor) -> DecodingFailure {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let value), .valueNotFound(_, let value), .dataCorrupted(let value):
            context = value
        case .keyNotFound(let key, let value):
            context = DecodingError.Context(
                codingPath: value.codingPath + [key], debugDescription: "required key '\(key.stringValue)' is missing")
        @unknown default:
            context = DecodingError.Context(codingPath: [], debugDescription: String(describing: error))
        }
        var message = context.debugDescription
        if context.codingPath.isEmpty, (try? JSONDecoder().decode(JSONValue.self, from: body)) != nil {
            // Foundation reports a number that does not fit its Swift type (1.5 or 10^30 for an Int) as
            // invalid JSON, without a path; the body is valid JSON, so say what is actually wrong.
            message = "a number does not fit its type (too large, or with a fraction where an integer is expected)"
        }
        return DecodingFailure(
            typeName: String(describing: type),
            codingPath: context.codingPath.map(\.pathComponent).joined(separator: "."),
            message: redactor.redact(message),
            body: redactor.redact(body))
    }
}

private extension CodingKey {
    var pathComponent: String { intValue.map(String.init) ?? stringValue }
}
