#if TokenValidation
import Foundation

/// Builds the errors of one validation, so that none of them quotes the token, the app secret or a key.
///
/// Messages are written by the validator and name claims, algorithms and key IDs. A value that comes from the token
/// (its `iss`, `aud`, `kid`…) is quoted through ``quote(_:)``: secrets removed first, then cut short and stripped of
/// control characters, so that a hostile token can neither smuggle the secret nor a megabyte into a log line.
struct TokenFailures {
    private let secrets: [String?]

    /// - Parameters:
    ///   - token: The token being validated.
    ///   - appSecret: The application's secret (the key of HS256 tokens).
    init(token: String, appSecret: String?) {
        secrets = [token, appSecret]
    }

    /// `text` without the secrets. The redactor is built only when a validation fails, and only of the secrets that
    /// fit in `text`: a token of several megabytes cannot be in a message of a hundred bytes, and need not be
    /// searched for (nor JSON- and percent-encoded, as the redactor does with each secret).
    private func redacted(_ text: String) -> String {
        Redactor(secrets: secrets.filter { ($0?.utf8.count ?? 0) <= text.utf8.count }).redact(text)
    }

    /// `GenAuthError.invalidToken` of `kind`.
    func error(_ kind: TokenValidationFailure.Kind, _ message: String, claim: String? = nil) -> GenAuthError {
        .invalidToken(TokenValidationFailure(kind: kind, message: redacted(message), claim: claim))
    }

    /// `'value'`, for a message: without secrets, at most 80 characters, control characters as `?`.
    func quote(_ value: String) -> String {
        let clean = String(String.UnicodeScalarView(redacted(value).unicodeScalars.lazy.map {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format ? "?" : $0
        }))
        return "'" + (clean.count > 80 ? clean.prefix(79) + "…" : clean) + "'"
    }

    /// A JSON value from the token, for a message: strings quoted, anything else by its type.
    func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return quote(text)
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .bool(let flag): return String(flag)
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
#endif
