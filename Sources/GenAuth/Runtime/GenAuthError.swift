import Foundation

/// The one error every GenAuth call throws.
///
/// A 2xx response is never an error: its body is decoded and returned, business `statusCode`
/// included, as GenAuth's other SDKs do. No description of this error contains the app secret,
/// an access token or a request body.
public enum GenAuthError: Error, Sendable, CustomStringConvertible {
    /// The request could not be built: an invalid `appHost`, or a body that cannot be encoded as JSON.
    case invalidRequest(reason: String)
    /// No response arrived: the host could not be reached, the connection was lost, or the request timed out.
    case transport(TransportFailure)
    /// The server answered with an HTTP status outside 200–299.
    case httpStatus(HTTPStatusFailure)
    /// The server answered 2xx with a body that does not decode as the expected type.
    case undecodableResponse(DecodingFailure)

    /// A one-line explanation, free of secrets.
    public var description: String {
        switch self {
        case .invalidRequest(let reason):
            return "GenAuth request could not be built: \(reason)"
        case .transport(let failure):
            return "GenAuth request failed (\(failure.kind)): \(failure.message)"
        case .httpStatus(let failure):
            var text = "GenAuth server answered HTTP \(failure.statusCode)"
            if let message = failure.message { text += ": \(message)" }
            if let apiCode = failure.apiCode { text += " (apiCode \(apiCode))" }
            if failure.message == nil, !failure.bodyPreview.isEmpty { text += ": \(failure.bodyPreview)" }
            return text
        case .undecodableResponse(let failure):
            let path = failure.codingPath.isEmpty ? "the top level" : "'\(failure.codingPath)'"
            return "GenAuth response is not a valid \(failure.typeName) at \(path): \(failure.message)"
        }
    }
}

extension GenAuthError: LocalizedError {
    /// Same as ``description``.
    public var errorDescription: String? { description }
}

/// Why no response arrived.
public struct TransportFailure: Sendable, Hashable {
    /// The kind of failure.
    public enum Kind: String, Sendable, Hashable, CustomStringConvertible {
        /// The request took longer than the client's timeout.
        case timedOut
        /// The host could not be reached.
        case cannotConnect
        /// The connection closed before the whole response arrived.
        case connectionLost
        /// The calling task was cancelled.
        case cancelled
        /// Any other failure of the transport.
        case other

        /// The kind's name, such as `timedOut`.
        public var description: String { rawValue }
    }

    /// The kind of failure.
    public var kind: Kind
    /// What the transport said, with secrets removed.
    public var message: String

    /// Creates a transport failure.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }
}

/// A response with an HTTP status outside 200–299.
public struct HTTPStatusFailure: Sendable, Hashable {
    /// The HTTP status code, such as 500.
    public var statusCode: Int
    /// The response body, as received.
    public var body: Data
    /// `message` of GenAuth's JSON envelope, when the body is one.
    public var message: String?
    /// `apiCode` of GenAuth's JSON envelope, when the body is one.
    public var apiCode: Int?
    /// `requestId` of GenAuth's JSON envelope, when the body is one.
    public var requestId: String?
    /// The start of the body as text, with secrets removed; empty when the body is not UTF-8.
    public var bodyPreview: String

    /// Creates an HTTP status failure.
    public init(statusCode: Int, body: Data, message: String? = nil, apiCode: Int? = nil, requestId: String? = nil, bodyPreview: String = "") {
        self.statusCode = statusCode
        self.body = body
        self.message = message
        self.apiCode = apiCode
        self.requestId = requestId
        self.bodyPreview = bodyPreview
    }
}

/// A 2xx body that does not decode as the expected type.
public struct DecodingFailure: Sendable, Hashable {
    /// The type that was expected, such as `SendSMSRespDto`.
    public var typeName: String
    /// Where decoding failed, as JSON keys and indexes joined by dots, such as `data.user.0.email`.
    public var codingPath: String
    /// What was wrong there, with secrets removed.
    public var message: String
    /// The response body, as received.
    public var body: Data

    /// Creates a decoding failure.
    public init(typeName: String, codingPath: String, message: String, body: Data) {
        self.typeName = typeName
        self.codingPath = codingPath
        self.message = message
        self.body = body
    }
}
