import Foundation

/// The one error every GenAuth call throws.
///
/// A call returns only when GenAuth reports success: an HTTP status in 200–299 and, when the body is
/// GenAuth's envelope (`{"statusCode": …, "message": …, "apiCode": …, "requestId": …}`), `statusCode` 200.
/// Any other answer is thrown, so there is no `statusCode` to check by hand:
///
/// ```swift
/// import GenAuthAuthentication
///
/// let client = AuthenticationClient(options: AuthenticationClientOptions(
///     appId: "GENAUTH_APP_ID",
///     appHost: "https://example.genauth.ai"
/// ))
/// do {
///     let response = try await client.sendSms(SendSMSDto(phoneNumber: "188xxxx8888", channel: .channelLogin))
///     print(response.message)
/// } catch {
///     // `error` is a GenAuthError: the SDK's methods throw nothing else.
///     print(error.message ?? error.description, error.apiCode ?? 0, error.requestId ?? "")
/// }
/// ```
///
/// No description of this error, nor any body it carries, contains the app secret, an access token, or a
/// password, pass code, secret or token sent in the request, whatever its length.
public enum GenAuthError: Error, Sendable, CustomStringConvertible {
    /// The request could not be built: an invalid `appHost`, or a body that cannot be encoded as JSON.
    case invalidRequest(reason: String)
    /// No response arrived: the host could not be reached, the connection was lost, or the request timed out.
    case transport(TransportFailure)
    /// The server answered with an HTTP status outside 200–299.
    case httpStatus(HTTPStatusFailure)
    /// The server answered 2xx, but GenAuth's envelope reports a failure: its `statusCode` is not 200.
    case api(APIFailure)
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
            if let requestId = failure.requestId { text += " [requestId \(requestId)]" }
            return text
        case .api(let failure):
            var text = "GenAuth answered statusCode \(failure.statusCode)"
            if let apiCode = failure.apiCode { text += " (apiCode \(apiCode))" }
            text += ": \(failure.message.isEmpty ? "no message" : failure.message)"
            if let requestId = failure.requestId { text += " [requestId \(requestId)]" }
            return text
        case .undecodableResponse(let failure):
            let path = failure.codingPath.isEmpty ? "the top level" : "'\(failure.codingPath)'"
            return "GenAuth response is not a valid \(failure.typeName) at \(path): \(failure.message)"
        }
    }

    /// GenAuth's message: the envelope's `message`, of a failure in the envelope or of an HTTP error.
    public var message: String? {
        switch self {
        case .api(let failure): return failure.message
        case .httpStatus(let failure): return failure.message
        default: return nil
        }
    }

    /// GenAuth's `apiCode`, which names the kind of failure, when the answer has one.
    public var apiCode: Int? {
        switch self {
        case .api(let failure): return failure.apiCode
        case .httpStatus(let failure): return failure.apiCode
        default: return nil
        }
    }

    /// GenAuth's `requestId`, to quote to GenAuth's support, when the answer has one.
    public var requestId: String? {
        switch self {
        case .api(let failure): return failure.requestId
        case .httpStatus(let failure): return failure.requestId
        default: return nil
        }
    }

    /// The envelope's `statusCode` (such as 401 or 403) of a failure in the envelope, or the HTTP status of
    /// an HTTP error.
    public var statusCode: Int? {
        switch self {
        case .api(let failure): return failure.statusCode
        case .httpStatus(let failure): return failure.statusCode
        default: return nil
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
    /// The response body, with the request's secrets replaced by `<redacted>`.
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

/// A 2xx answer whose envelope reports a failure: GenAuth's `statusCode` is not 200.
///
/// GenAuth answers most failures this way (HTTP 200, the failure in the body), as its documents say:
/// `{"statusCode": 400, "message": "…", "apiCode": 2333, "requestId": "…"}`.
public struct APIFailure: Sendable, Hashable {
    /// The envelope's `statusCode`, such as 400, 401 or 403.
    public var statusCode: Int
    /// The envelope's `apiCode`, which names the kind of failure (see GenAuth's error code list).
    public var apiCode: Int?
    /// The envelope's `message`, with secrets removed.
    public var message: String
    /// The envelope's `requestId`.
    public var requestId: String?
    /// The HTTP status of the answer, 2xx.
    public var httpStatus: Int
    /// The response body, with the request's secrets replaced by `<redacted>`.
    public var body: Data

    /// Creates a failure reported in GenAuth's envelope.
    public init(statusCode: Int, apiCode: Int? = nil, message: String, requestId: String? = nil, httpStatus: Int = 200, body: Data = Data()) {
        self.statusCode = statusCode
        self.apiCode = apiCode
        self.message = message
        self.requestId = requestId
        self.httpStatus = httpStatus
        self.body = body
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
    /// The response body, with the request's secrets replaced by `<redacted>`.
    public var body: Data

    /// Creates a decoding failure.
    public init(typeName: String, codingPath: String, message: String, body: Data) {
        self.typeName = typeName
        self.codingPath = codingPath
        self.message = message
        self.body = body
    }
}
