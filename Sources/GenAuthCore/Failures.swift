import Foundation

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
        /// The response's body was larger than the transport accepts (its `maximumResponseSize`, by default
        /// ``HTTPTransport/defaultMaximumResponseSize``); it was not read to its end.
        case responseTooLarge
        /// Any other failure of the transport.
        case other

        /// The kind's name, such as `timedOut`.
        public var description: String { rawValue }
    }

    /// The kind of failure.
    public var kind: Kind
    /// What the transport said, with secrets removed.
    public var message: String

    /// The call that failed (see ``GenAuthError/call``).
    public var call: GenAuthCall?

    /// Creates a transport failure.
    public init(kind: Kind, message: String, call: GenAuthCall? = nil) {
        self.kind = kind
        self.message = message
        self.call = call
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

    /// The call that failed (see ``GenAuthError/call``).
    public var call: GenAuthCall?

    /// Creates an HTTP status failure.
    public init(statusCode: Int, body: Data, message: String? = nil, apiCode: Int? = nil, requestId: String? = nil, bodyPreview: String = "", call: GenAuthCall? = nil) {
        self.statusCode = statusCode
        self.body = body
        self.message = message
        self.apiCode = apiCode
        self.requestId = requestId
        self.bodyPreview = bodyPreview
        self.call = call
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

    /// The call that failed (see ``GenAuthError/call``).
    public var call: GenAuthCall?

    /// Creates a failure reported in GenAuth's envelope.
    public init(statusCode: Int, apiCode: Int? = nil, message: String, requestId: String? = nil, httpStatus: Int = 200, body: Data = Data(), call: GenAuthCall? = nil) {
        self.statusCode = statusCode
        self.apiCode = apiCode
        self.message = message
        self.requestId = requestId
        self.httpStatus = httpStatus
        self.body = body
        self.call = call
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

    /// The call that failed (see ``GenAuthError/call``).
    public var call: GenAuthCall?

    /// Creates a decoding failure.
    public init(typeName: String, codingPath: String, message: String, body: Data, call: GenAuthCall? = nil) {
        self.typeName = typeName
        self.codingPath = codingPath
        self.message = message
        self.body = body
        self.call = call
    }
}

/// A request that could not be built, so nothing was sent.
public struct InvalidRequestFailure: Sendable, Hashable {
    /// What is wrong, such as `appHost 'x' is not an http(s) URL`.
    public var reason: String
    /// The call that failed (see ``GenAuthError/call``).
    public var call: GenAuthCall?

    /// Creates an invalid-request failure.
    public init(reason: String, call: GenAuthCall? = nil) {
        self.reason = reason
        self.call = call
    }
}

/// An OAuth 2.0 error: the answer of a protocol endpoint (RFC 6749 §5.2), or the error an authorization server
/// redirects back with (§4.1.2.1).
public struct OAuthFailure: Sendable, Hashable {
    /// The error code, such as `invalid_grant`, `invalid_client` or `access_denied`.
    public var error: String
    /// `error_description`: what went wrong, for a developer.
    public var errorDescription: String?
    /// `error_uri`: a page about the error.
    public var errorURI: String?
    /// The HTTP status of the answer (400, 401, …); nil for an error in a redirect back.
    public var httpStatus: Int?
    /// The response body, with secrets removed; empty for an error in a redirect back.
    public var body: Data
    /// The call that failed (see ``GenAuthError/call``).
    public var call: GenAuthCall?

    /// Creates an OAuth failure.
    public init(
        error: String, errorDescription: String? = nil, errorURI: String? = nil, httpStatus: Int? = nil,
        body: Data = Data(), call: GenAuthCall? = nil
    ) {
        self.error = error
        self.errorDescription = errorDescription
        self.errorURI = errorURI
        self.httpStatus = httpStatus
        self.body = body
        self.call = call
    }
}

/// Why a redirect back from the authorization server was rejected.
public struct CallbackFailure: Sendable, Hashable {
    /// What was wrong with the redirect back.
    public enum Kind: String, Sendable, Hashable, CustomStringConvertible {
        /// The URL is not one: it cannot be parsed, or has no query where the answer should be.
        case malformedURL
        /// The URL is not the redirect URI the request named (scheme, host, port or path differ).
        case unexpectedRedirectURI
        /// No `code` parameter.
        case missingCode
        /// No `state` parameter, although the request sent one.
        case missingState
        /// The `state` differs from the one the request sent: the redirect does not answer this request
        /// (a forged or replayed callback, RFC 6749 §10.12).
        case stateMismatch
        /// A parameter appears more than once (RFC 6749 §3.1: "Request and response parameters MUST NOT be
        /// included more than once").
        case repeatedParameter
        /// The answer came in the URL's fragment where the request asked for the query, or the other way round.
        case unexpectedResponseMode
        /// The `iss` parameter names another issuer (RFC 9207 §2.4).
        case issuerMismatch

        /// The kind's name, such as `stateMismatch`.
        public var description: String { rawValue }
    }

    /// What was wrong.
    public var kind: Kind
    /// An explanation; it never quotes a code, a state or a token.
    public var message: String
    /// The call that failed (see ``GenAuthError/call``).
    public var call: GenAuthCall?

    /// Creates a callback failure.
    public init(kind: Kind, message: String, call: GenAuthCall? = nil) {
        self.kind = kind
        self.message = message
        self.call = call
    }
}

/// Why a token failed local validation.
public struct TokenValidationFailure: Sendable, Hashable {
    /// The check that failed.
    public enum Kind: String, Sendable, Hashable, CustomStringConvertible {
        /// Not a compact JWS: not three base64url parts, a header or payload that is not a JSON object.
        case malformed
        /// An algorithm the validator does not accept (`none`, or one other than those allowed).
        case unsupportedAlgorithm
        /// No key of the JWKS has the token's `kid`, even after fetching the JWKS again; or no app secret for HS256.
        case unknownKey
        /// The signature does not verify.
        case invalidSignature
        /// `iss` is not the expected issuer.
        case issuerMismatch
        /// `aud` does not contain the expected audience (or `azp` names another client).
        case audienceMismatch
        /// `exp` is past, beyond the allowed clock skew.
        case expired
        /// `iat` or `nbf` is in the future, beyond the allowed clock skew.
        case notYetValid
        /// `nonce` differs from the one the authorization request sent.
        case nonceMismatch
        /// `at_hash` does not match the access token given with the ID token.
        case accessTokenMismatch
        /// A claim that must be present is missing or has the wrong type.
        case missingClaim

        /// The kind's name, such as `expired`.
        public var description: String { rawValue }
    }

    /// The check that failed.
    public var kind: Kind
    /// An explanation; it never quotes the token.
    public var message: String
    /// The claim concerned, such as `exp`, when there is one.
    public var claim: String?
    /// The call that failed (see ``GenAuthError/call``).
    public var call: GenAuthCall?

    /// Creates a token validation failure.
    public init(kind: Kind, message: String, claim: String? = nil, call: GenAuthCall? = nil) {
        self.kind = kind
        self.message = message
        self.claim = claim
        self.call = call
    }
}

/// A service ticket the CAS server refused.
public struct CASFailure: Sendable, Hashable {
    /// The failure's code, such as `INVALID_TICKET`, `INVALID_SERVICE` or `INVALID_REQUEST` (CAS protocol 3.0,
    /// §2.5.3); nil for the plain `no` of `/validate`, which gives none.
    public var code: String?
    /// The server's description, such as `Ticket 不合法`.
    public var message: String
    /// The call that failed (see ``GenAuthError/call``).
    public var call: GenAuthCall?

    /// Creates a CAS failure.
    public init(code: String?, message: String, call: GenAuthCall? = nil) {
        self.code = code
        self.message = message
        self.call = call
    }
}
