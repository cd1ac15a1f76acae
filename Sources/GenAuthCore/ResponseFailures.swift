import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension RequestExecutor {
    /// The redactor for an error made of `response`: the request's secrets, and the tokens the response issues.
    static func failureRedactor(_ requestRedactor: Redactor, for response: HTTPResponse) -> Redactor {
        requestRedactor.adding(issuedSecrets(in: response.body))
    }

    /// A status outside 200–299, with the fields of GenAuth's `envelope` when the body has one.
    package static func statusFailure(_ response: HTTPResponse, envelope: Envelope?, redactor: Redactor) -> HTTPStatusFailure {
        var failure = HTTPStatusFailure(statusCode: response.statusCode, body: redactor.redact(response.body))
        if let text = String(data: response.body, encoding: .utf8) {
            // Redacted whole, then cut: a secret across the cut would no longer be recognised.
            failure.bodyPreview = String(redactor.redact(text).prefix(500))
        }
        if let envelope {
            failure.message = envelope.message.map(redactor.redact)
            failure.apiCode = envelope.apiCode
            failure.requestId = envelope.requestId
        }
        return failure
    }

    /// A response that GenAuth reported as a success but that does not decode as `type`.
    package static func undecodable(_ error: any Error, type: Any.Type, body: Data, redactor: Redactor) -> DecodingFailure {
        if let error = error as? DecodingError {
            return decodingFailure(error, type: type, body: body, redactor: redactor)
        }
        return DecodingFailure(
            typeName: String(describing: type), codingPath: "",
            message: redactor.redact(String(describing: error)), body: redactor.redact(body))
    }

    static func decodingFailure(_ error: DecodingError, type: Any.Type, body: Data, redactor: Redactor) -> DecodingFailure {
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
        if case .dataCorrupted = error, context.codingPath.isEmpty,
           (try? JSONDecoder().decode(JSONValue.self, from: body)) != nil {
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
