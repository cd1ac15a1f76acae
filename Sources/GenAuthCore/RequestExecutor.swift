import Foundation
import Logging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How a client authenticates its requests: the credentials it adds, and what it does when GenAuth rejects
/// them. The authentication client adds the user's token; the management client its management token or
/// an access-key signature.
package protocol RequestAuthorizer: Sendable {
    /// Adds the request's credentials to `request` (a header, a signature); returns the values that must
    /// never appear in an error.
    func authorize(_ request: inout HTTPRequest) async throws(GenAuthError) -> [String]
    /// GenAuth answered 401 (in the HTTP status or the envelope's `statusCode`) to `request`, as authorized:
    /// whether fresh credentials are worth one more try. Called at most once per call.
    func credentialsRejected(_ request: HTTPRequest) async -> Bool
}

/// Sends no credentials.
package struct NoAuthorizer: RequestAuthorizer {
    package init() {}
    package func authorize(_ request: inout HTTPRequest) async throws(GenAuthError) -> [String] { [] }
    package func credentialsRejected(_ request: HTTPRequest) async -> Bool { false }
}

/// Builds, sends and decodes every request of a client: its host, the headers every request carries, its
/// timeout, transport and credentials.
package final class RequestExecutor: Sendable {
    /// The API's address, such as `https://api.genauth.ai`.
    let host: String
    /// How the options call the host, for errors: `appHost`, `host`.
    let hostOption: String
    /// Headers every request carries (`x-authing-app-id`, the SDK version, …), before the credentials.
    let headers: [HTTPHeader]
    /// Values of the options that must never appear in an error (the app secret).
    let secrets: [String]
    let timeout: TimeInterval
    let transport: any HTTPTransport
    let authorizer: any RequestAuthorizer
    /// Where the records of its requests go (RequestLogging.swift).
    let logger: Logger

    package init(
        host: String, hostOption: String, headers: [HTTPHeader], secrets: [String?], timeout: TimeInterval,
        transport: any HTTPTransport, authorizer: any RequestAuthorizer, logger: Logger = GenAuthLogging.disabled
    ) {
        self.logger = logger
        self.host = host
        self.hostOption = hostOption
        self.headers = headers + [
            HTTPHeader(name: "x-authing-request-from", value: "sdk"),
            HTTPHeader(name: "x-authing-sdk-version", value: "swift:\(GenAuthSDK.version)"),
            HTTPHeader(name: "accept", value: "application/json"),
        ]
        self.secrets = secrets.compactMap { $0 }.filter { !$0.isEmpty }
        self.timeout = Self.clampedTimeout(timeout)
        self.transport = transport
        self.authorizer = authorizer
    }

    /// Sends `request` and decodes its answer, once GenAuth has reported success. Every error it throws names the
    /// call (``GenAuthError/call``).
    package func send<Response: Decodable>(_ request: APIRequest, as _: Response.Type) async throws(GenAuthError) -> Response {
        do throws(GenAuthError) {
            let (response, requestRedactor) = try await exchange(request)
            do {
                return try JSONCoding.makeDecoder().decode(Response.self, from: response.body)
            } catch {
                throw GenAuthError.undecodableResponse(Self.undecodable(
                    error, type: Response.self, body: response.body,
                    redactor: Self.failureRedactor(requestRedactor, for: response)))
            }
        } catch {
            throw error.thrown(by: request.call)
        }
    }

    /// Sends a request and returns its response as it is, once its status is 2xx (and, per its error format, no
    /// failure is reported in it), with the redactor for errors made of it.
    package func sendForResponse(_ request: APIRequest) async throws(GenAuthError) -> (HTTPResponse, Redactor) {
        do {
            return try await exchange(request)
        } catch {
            throw error.thrown(by: request.call)
        }
    }

    /// Sends a request whose 2xx response has no body worth decoding.
    package func sendIgnoringBody(_ request: APIRequest) async throws(GenAuthError) {
        do {
            _ = try await exchange(request)
        } catch {
            throw error.thrown(by: request.call)
        }
    }

    /// Builds and sends a request and checks that GenAuth reports success: a 2xx status and, where the body is
    /// GenAuth's envelope, `statusCode` 200. A 401 is tried once more when the authorizer has fresh credentials.
    /// Returns the response and the redactor that keeps this request's secrets out of errors.
    private func exchange(_ request: APIRequest) async throws(GenAuthError) -> (HTTPResponse, Redactor) {
        var retried = false
        while true {
            var httpRequest = try build(request)
            let credentials = request.sendsClientCredentials ? try await authorizer.authorize(&httpRequest) : []
            httpRequest.headers += request.headers
            let redactor = Redactor(
                secrets: secrets + credentials + request.secrets + Self.secretValues(in: httpRequest.body)
                    + request.query.filter { Self.isSecretName($0.name) }.map(\.value))
            let started = ContinuousClock.now
            let response: HTTPResponse
            do {
                response = try await perform(httpRequest, redactor: redactor)
            } catch {
                logRequest(request, response: nil, failure: error, redactor: redactor, since: started)
                throw error
            }
            logRequest(request, response: response, failure: nil, redactor: redactor, since: started)
            switch request.errorFormat {
            case .oauth:
                return try Self.checkOAuth(response, redactor: redactor)
            case .status:
                guard (200..<300).contains(response.statusCode) else {
                    throw .httpStatus(Self.statusFailure(response, envelope: nil, redactor: Self.failureRedactor(redactor, for: response)))
                }
                return (response, redactor)
            case .envelope:
                break
            }
            let envelope = Envelope.read(response.body)
            let rejected = response.statusCode == 401 || envelope?.statusCode == 401
            if rejected, !retried, await authorizer.credentialsRejected(httpRequest) {
                retried = true
                logRetry(request, redactor: redactor)
                continue
            }
            guard (200..<300).contains(response.statusCode) else {
                throw .httpStatus(Self.statusFailure(
                    response, envelope: envelope, redactor: Self.failureRedactor(redactor, for: response)))
            }
            if let envelope, envelope.reportsFailure, let statusCode = envelope.statusCode {
                let redactor = Self.failureRedactor(redactor, for: response)
                throw .api(APIFailure(
                    statusCode: statusCode, apiCode: envelope.apiCode, message: redactor.redact(envelope.message ?? ""),
                    requestId: envelope.requestId, httpStatus: response.statusCode, body: redactor.redact(response.body)))
            }
            return (response, redactor)
        }
    }

    /// The answer of an OAuth endpoint: `{"error", …}` is thrown as ``GenAuthError/oauth(_:)`` whatever the status
    /// (RFC 6749 §5.2 says 400 or 401; some servers say 200), another status outside 2xx as
    /// ``GenAuthError/httpStatus(_:)``.
    private static func checkOAuth(_ response: HTTPResponse, redactor: Redactor) throws(GenAuthError) -> (HTTPResponse, Redactor) {
        let redactor = failureRedactor(redactor, for: response)
        if let error = OAuthErrorBody.read(response.body) {
            throw .oauth(OAuthFailure(
                error: redactor.redact(error.error), errorDescription: error.errorDescription.map(redactor.redact),
                errorURI: error.errorURI, httpStatus: response.statusCode, body: redactor.redact(response.body)))
        }
        guard (200..<300).contains(response.statusCode) else {
            throw .httpStatus(statusFailure(response, envelope: Envelope.read(response.body), redactor: redactor))
        }
        return (response, redactor)
    }

    // MARK: - Sending

    func perform(_ request: HTTPRequest, redactor: Redactor) async throws(GenAuthError) -> HTTPResponse {
        let transport = self.transport
        let timeout = self.timeout
        do {
            // The transport's own timeout may only count idle time; this bounds the whole request. On timeout the
            // transport's task is cancelled and awaited (HTTPTransport says it then ends promptly): a response it had
            // by then, or an error of its own, is returned; its cancellation is reported as the timeout.
            return try await TransportDeadline.run(seconds: timeout) { try await transport.send(request) }
        } catch let error as GenAuthError {
            throw error
        } catch {
            throw .transport(Self.transportFailure(error, timeout: timeout, redactor: redactor))
        }
    }

    /// The options' timeout as the client uses it: NaN or a negative value as 0, `.infinity` or anything longer
    /// as a year, so that no value traps in `Task.sleep` or in the transport.
    package static func clampedTimeout(_ timeout: TimeInterval) -> TimeInterval {
        guard timeout > 0 else { return 0 }
        return min(timeout, 31_536_000)
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// What the transport's error means. Foundation's `URLError`s are classified here, and transports that classify
    /// their own failures (AsyncHTTPClient's, or an app's) throw ``HTTPTransportError``; a timeout and a cancellation
    /// read the same whatever the transport.
    private static func transportFailure(_ error: any Error, timeout: TimeInterval, redactor: Redactor) -> TransportFailure {
        if error is CancellationError {
            return TransportFailure(kind: .cancelled, message: "the calling task was cancelled")
        }
        if let error = error as? HTTPTransportError {
            switch error.kind {
            case .timedOut:
                return TransportFailure(kind: .timedOut, message: "no response within \(seconds(timeout))")
            case .cancelled:
                return TransportFailure(kind: .cancelled, message: "the request was cancelled")
            default:
                return TransportFailure(kind: error.kind, message: redactor.redact(error.message))
            }
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
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet, .secureConnectionFailed,
            .serverCertificateUntrusted, .serverCertificateHasUnknownRoot, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .clientCertificateRejected, .clientCertificateRequired:
            kind = .cannotConnect
        case .networkConnectionLost, .badServerResponse, .cannotParseResponse, .zeroByteResource:
            kind = .connectionLost
        default:
            kind = .other
        }
        return TransportFailure(kind: kind, message: redactor.redact(urlError.localizedDescription))
    }

}
