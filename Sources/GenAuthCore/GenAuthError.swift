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
///     // `error` is a GenAuthError: the SDK's methods throw nothing else. Its description starts with the call:
///     // "sendSms (POST /api/v3/send-sms): GenAuth answered statusCode 400 …".
///     print(error.call?.operation ?? "-", error.message ?? error.description, error.apiCode ?? 0)
/// }
/// ```
///
/// Every error thrown by a call names it (``call``): the SDK method and its request's method and path, and the
/// step that failed when it was not the call's own request (getting the management token, say).
///
/// No description of this error, nor any body it carries, contains the app secret, an access token, or a
/// password, pass code, secret or token sent in the request, whatever its length.
public enum GenAuthError: Error, Sendable, CustomStringConvertible {
    /// The request could not be built: an invalid `appHost`, a body that cannot be encoded as JSON, an empty access
    /// key, a missing option. Nothing was sent.
    case invalidRequest(InvalidRequestFailure)
    /// No usable response arrived: the host could not be reached, the connection was lost, the request timed out or
    /// was cancelled, or the response was larger than the transport accepts.
    case transport(TransportFailure)
    /// The server answered with an HTTP status outside 200–299.
    case httpStatus(HTTPStatusFailure)
    /// The server answered 2xx, but GenAuth's envelope reports a failure: its `statusCode` is not 200.
    case api(APIFailure)
    /// The server answered 2xx with a body that does not decode as the expected type.
    case undecodableResponse(DecodingFailure)
    /// An OAuth 2.0 error: a protocol endpoint (`/oidc/token`, `/oauth/token`, …) answered
    /// `{"error", "error_description"}` (RFC 6749 §5.2), or the authorization server redirected back with
    /// `error` (§4.1.2.1).
    case oauth(OAuthFailure)
    /// A redirect back from the authorization server that is not a valid answer to the request the app sent:
    /// no code, a `state` other than the one sent, a repeated parameter, a URL that is not the redirect URI.
    case invalidCallback(CallbackFailure)
    /// A token that failed local validation: its signature, issuer, audience, expiry or nonce.
    case invalidToken(TokenValidationFailure)
    /// A CAS server refused a service ticket (`authenticationFailure`, or `no` from `/validate`).
    case cas(CASFailure)

    /// Creates an ``invalidRequest(_:)`` error.
    public static func invalidRequest(reason: String) -> GenAuthError {
        .invalidRequest(InvalidRequestFailure(reason: reason))
    }

    /// A one-line explanation, free of secrets, that starts with the call that failed.
    public var description: String {
        guard let call else { return failureDescription }
        return "\(call): \(failureDescription)"
    }

    /// The explanation without the call.
    private var failureDescription: String {
        switch self {
        case .invalidRequest(let failure):
            return "GenAuth request could not be built: \(failure.reason)"
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
        case .oauth(let failure):
            var text = failure.httpStatus.map { "GenAuth answered HTTP \($0) with OAuth error" }
                ?? "the authorization server redirected back with OAuth error"
            text += " '\(failure.error)'"
            if let description = failure.errorDescription, !description.isEmpty { text += ": \(description)" }
            return text
        case .invalidCallback(let failure):
            return "the redirect back is not a valid answer to this request (\(failure.kind)): \(failure.message)"
        case .invalidToken(let failure):
            return "the token is not valid (\(failure.kind)): \(failure.message)"
        case .cas(let failure):
            var text = "the CAS server refused the ticket"
            if let code = failure.code { text += " (\(code))" }
            if !failure.message.isEmpty { text += ": \(failure.message)" }
            return text
        }
    }

    /// The call that failed: the SDK method, its request's method and path, and the step that failed when it
    /// was not the call's own request. Set on every error a call throws.
    public var call: GenAuthCall? {
        switch self {
        case .invalidRequest(let failure): return failure.call
        case .transport(let failure): return failure.call
        case .httpStatus(let failure): return failure.call
        case .api(let failure): return failure.call
        case .undecodableResponse(let failure): return failure.call
        case .oauth(let failure): return failure.call
        case .invalidCallback(let failure): return failure.call
        case .invalidToken(let failure): return failure.call
        case .cas(let failure): return failure.call
        }
    }

    /// This error, thrown by `call`. A step the error already names (the management token's request, say) is
    /// kept.
    package func thrown(by call: GenAuthCall) -> GenAuthError {
        func merged(_ existing: GenAuthCall?) -> GenAuthCall {
            var call = call
            if call.step == nil { call.step = existing?.step }
            return call
        }
        switch self {
        case .invalidRequest(var failure): failure.call = merged(failure.call); return .invalidRequest(failure)
        case .transport(var failure): failure.call = merged(failure.call); return .transport(failure)
        case .httpStatus(var failure): failure.call = merged(failure.call); return .httpStatus(failure)
        case .api(var failure): failure.call = merged(failure.call); return .api(failure)
        case .undecodableResponse(var failure): failure.call = merged(failure.call); return .undecodableResponse(failure)
        case .oauth(var failure): failure.call = merged(failure.call); return .oauth(failure)
        case .invalidCallback(var failure): failure.call = merged(failure.call); return .invalidCallback(failure)
        case .invalidToken(var failure): failure.call = merged(failure.call); return .invalidToken(failure)
        case .cas(var failure): failure.call = merged(failure.call); return .cas(failure)
        }
    }

    /// This error, as thrown by the SDK method `operation` (a convenience that sends another method's request):
    /// the request's method and path are kept.
    package func thrown(byOperation operation: String) -> GenAuthError {
        guard var call else { return self }
        call.operation = operation
        return thrown(by: call)
    }

    /// This error, as the failure of `step` of whatever call runs it (getting the management token, say).
    package func failed(at step: GenAuthCall.Step) -> GenAuthError {
        var call = self.call ?? GenAuthCall(operation: "", method: step.method, path: step.path)
        call.step = step
        return thrown(by: call)
    }

    /// GenAuth's message: the envelope's `message`, of a failure in the envelope or of an HTTP error; an OAuth
    /// error's description (or its code); a CAS failure's description.
    public var message: String? {
        switch self {
        case .api(let failure): return failure.message
        case .httpStatus(let failure): return failure.message
        case .oauth(let failure): return failure.errorDescription ?? failure.error
        case .cas(let failure): return failure.message.isEmpty ? nil : failure.message
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
    /// an HTTP error or of an OAuth error answer.
    public var statusCode: Int? {
        switch self {
        case .api(let failure): return failure.statusCode
        case .httpStatus(let failure): return failure.statusCode
        case .oauth(let failure): return failure.httpStatus
        default: return nil
        }
    }
}

extension GenAuthError: LocalizedError {
    /// Same as ``description``.
    public var errorDescription: String? { description }
}

/// The call an error comes from: the SDK method, the method and path of its request, and the step that failed
/// when it was another request the call needed (the management token, the signing keys).
///
/// Its description reads `getUser (GET /api/v3/get-user)`, or with a step
/// `getUser (GET /api/v3/get-user): getting the management token (POST /api/v3/get-management-token) failed`.
public struct GenAuthCall: Sendable, Hashable, CustomStringConvertible {
    /// The SDK method that was called, such as `getUser`.
    public var operation: String
    /// The HTTP method of its request, such as `GET`.
    public var method: String
    /// The path of its request, such as `/api/v3/get-user` (without the query).
    public var path: String
    /// The request that failed when it was not the call's own.
    public var step: Step?

    /// A request a call needs before its own: getting the management token, fetching the signing keys.
    public struct Step: Sendable, Hashable, CustomStringConvertible {
        /// What the request was for, such as `getting the management token`.
        public var purpose: String
        /// Its HTTP method, such as `POST`.
        public var method: String
        /// Its path, such as `/api/v3/get-management-token`.
        public var path: String

        /// Creates a step.
        public init(purpose: String, method: String, path: String) {
            self.purpose = purpose
            self.method = method
            self.path = path
        }

        /// `getting the management token (POST /api/v3/get-management-token)`
        public var description: String { "\(purpose) (\(method) \(path))" }
    }

    /// Creates a call.
    public init(operation: String, method: String, path: String, step: Step? = nil) {
        self.operation = operation
        self.method = method
        self.path = path
        self.step = step
    }

    /// `getUser (GET /api/v3/get-user)`, and the failed step when there is one.
    public var description: String {
        var text: String
        switch (operation.isEmpty, method.isEmpty && path.isEmpty) {
        case (true, _): text = "\(method) \(path)"
        case (false, true): text = operation  // a call that sends no request of its own, such as a local check
        case (false, false): text = "\(operation) (\(method) \(path))"
        }
        if let step { text += ": \(step) failed" }
        return text
    }
}
