import Foundation

/// Sends one HTTP request and returns the server's response.
///
/// The SDK builds every request (URL, headers, body) and interprets every response; a transport
/// only moves bytes. Provide your own to route requests through your app's networking stack, or
/// to test code that uses the SDK.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status code.
    ///
    /// Throw only when no response was received (no connection, timeout, connection lost). Return or throw
    /// promptly when the calling task is cancelled: the client's `timeout` cancels the request that way, and
    /// waits for `send` to end before it reports the timeout.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// An HTTP request built by the SDK.
public struct HTTPRequest: Sendable, Hashable {
    /// The HTTP method, such as `POST`.
    public var method: String
    /// The absolute URL, query included.
    public var url: URL
    /// Header fields, in the order they are sent. Names are lowercase.
    public var headers: [HTTPHeader]
    /// The body, if any.
    public var body: Data?
    /// Seconds the request may take.
    public var timeout: TimeInterval

    /// Creates a request.
    public init(method: String, url: URL, headers: [HTTPHeader] = [], body: Data? = nil, timeout: TimeInterval) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The value of the first header field named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// One HTTP header field.
public struct HTTPHeader: Sendable, Hashable {
    /// The field's name, such as `content-type`.
    public var name: String
    /// The field's value.
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// An HTTP response, as a transport received it.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code, such as 200.
    public var statusCode: Int
    /// Header fields; names are lowercase.
    public var headers: [String: String]
    /// The body, possibly empty.
    public var body: Data

    /// Creates a response.
    public init(statusCode: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }
}
