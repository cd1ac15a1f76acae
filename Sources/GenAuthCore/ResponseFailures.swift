import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension RequestExecutor {
    static func statusFailure(_ response: HTTPResponse, redactor: Redactor) -> HTTPStatusFailure {
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
