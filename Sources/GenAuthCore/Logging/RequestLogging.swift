import Foundation
import Logging

/// The records a client writes to its options' `logger`: one per request at `debug`, a retry with fresh credentials
/// at `notice`. Each holds the call, the method and path (never the query, whose values can be codes and tickets),
/// the HTTP status, GenAuth's `statusCode`, `apiCode` and `requestId`, and the duration; never a header, a body, a
/// secret or a token (every value passes through the request's redactor).
///
/// Metadata keys: `genauth.operation`, `http.request.method`, `url.path`, `http.response.status_code`,
/// `genauth.status_code`, `genauth.api_code`, `genauth.request_id`, `genauth.duration_ms`, and on a failure without
/// an answer `genauth.error` (the kind of transport failure).
extension RequestExecutor {
    func logRequest(
        _ request: APIRequest, response: HTTPResponse?, failure: GenAuthError?, redactor: Redactor,
        since started: ContinuousClock.Instant
    ) {
        guard logger.logLevel <= .debug else { return }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        var metadata = Self.callMetadata(request, redactor: redactor)
        metadata["genauth.duration_ms"] = "\(milliseconds)"
        var outcome: String
        if let response {
            metadata["http.response.status_code"] = "\(response.statusCode)"
            outcome = "HTTP \(response.statusCode)"
            if request.errorFormat == .envelope, let envelope = Envelope.read(response.body) {
                if let statusCode = envelope.statusCode {
                    metadata["genauth.status_code"] = "\(statusCode)"
                    outcome += ", statusCode \(statusCode)"
                }
                if let apiCode = envelope.apiCode {
                    metadata["genauth.api_code"] = "\(apiCode)"
                    outcome += ", apiCode \(apiCode)"
                }
                if let requestId = envelope.requestId {
                    metadata["genauth.request_id"] = .string(redactor.redact(requestId))
                }
            }
        } else {
            let kind = failure.flatMap(Self.failureKind) ?? "failed"
            metadata["genauth.error"] = .string(kind)
            outcome = kind
        }
        logger.debug("\(Self.callName(request, redactor: redactor)): \(outcome) in \(milliseconds) ms", metadata: metadata)
    }

    func logRetry(_ request: APIRequest, redactor: Redactor) {
        logger.notice(
            "\(Self.callName(request, redactor: redactor)): credentials rejected (401); trying once more with fresh ones",
            metadata: Self.callMetadata(request, redactor: redactor))
    }

    private static func callMetadata(_ request: APIRequest, redactor: Redactor) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "http.request.method": .string(request.method),
            "url.path": .string(redactor.redact(request.path)),
        ]
        if !request.operation.isEmpty { metadata["genauth.operation"] = .string(request.operation) }
        return metadata
    }

    private static func callName(_ request: APIRequest, redactor: Redactor) -> String {
        let route = "\(request.method) \(redactor.redact(request.path))"
        return request.operation.isEmpty ? route : "\(request.operation) (\(route))"
    }

    private static func failureKind(_ error: GenAuthError) -> String? {
        guard case .transport(let failure) = error else { return nil }
        return "transport failure: \(failure.kind)"
    }
}
