import Foundation

/// What a transport throws when no usable response arrived, with the kind of failure, so that the client reports it
/// as ``GenAuthError/transport(_:)`` of that ``TransportFailure/kind``.
///
/// ``URLSessionTransport`` throws Foundation's `URLError`s, which the client classifies itself, and this error for a
/// response over its size limit; `AsyncHTTPClientTransport` (product `GenAuthAsyncHTTPClient`) throws only this
/// error, having classified AsyncHTTPClient's and SwiftNIO's. A transport of your own can throw it too:
///
/// ```swift
/// struct OfflineTransport: HTTPTransport {
///     func send(_ request: HTTPRequest) async throws -> HTTPResponse {
///         throw HTTPTransportError(kind: .cannotConnect, message: "the device is offline")
///     }
/// }
/// ```
///
/// The client keeps ``message`` (with the request's secrets removed) except for ``TransportFailure/Kind/timedOut``
/// and ``TransportFailure/Kind/cancelled``, which it words itself, as it does for every transport.
public struct HTTPTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public var kind: TransportFailure.Kind
    /// What happened, for a developer. Quote no header value or body in it: a transport cannot know which of them
    /// are secrets (the client removes those it knows of, but only those).
    public var message: String

    /// Creates a transport error.
    public init(kind: TransportFailure.Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// The kind and the message, such as `connectionLost: the server closed the connection`.
    public var description: String { "\(kind): \(message)" }

    /// The error of a response whose body is larger than `limit` bytes.
    public static func responseTooLarge(limit: Int) -> HTTPTransportError {
        HTTPTransportError(
            kind: .responseTooLarge,
            message: "the response's body is larger than the transport's maximumResponseSize (\(limit) bytes)")
    }
}

extension HTTPTransport {
    /// The largest response body the SDK's transports accept by default: 32 MiB (33,554,432 bytes).
    ///
    /// GenAuth's answers are JSON documents of a few kilobytes; the largest lists stay well under a megabyte. A body
    /// past this limit is not buffered: the transport stops reading, closes the connection and the call throws
    /// ``GenAuthError/transport(_:)`` of kind ``TransportFailure/Kind/responseTooLarge``, so that a broken or hostile
    /// server (or a proxy answering with a file) cannot make the app hold gigabytes. Both transports take another
    /// limit: `URLSessionTransport(maximumResponseSize:)`, `AsyncHTTPClientTransport(client:maximumResponseSize:)`.
    public static var defaultMaximumResponseSize: Int { 32 * 1024 * 1024 }
}
