import Foundation

/// The fields of GenAuth's response envelope, `{"statusCode", "message", "apiCode", "requestId", "data"}`,
/// read from any body without failing: a body that is not a JSON object, or whose fields have other types,
/// has none of them.
package struct Envelope: Decodable {
    package var statusCode: Int?
    package var message: String?
    package var apiCode: Int?
    package var requestId: String?

    private enum CodingKeys: String, CodingKey {
        case statusCode, message, apiCode, requestId
    }

    /// nil when `body` is not a JSON object.
    package static func read(_ body: Data) -> Envelope? {
        try? JSONDecoder().decode(Envelope.self, from: body)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        statusCode = Self.integer(try? container.decodeIfPresent(JSONValue.self, forKey: .statusCode))
        apiCode = Self.integer(try? container.decodeIfPresent(JSONValue.self, forKey: .apiCode))
        message = try? container.decodeIfPresent(String.self, forKey: .message)
        requestId = try? container.decodeIfPresent(String.self, forKey: .requestId)
    }

    /// A JSON number without a fraction, or a string holding one (`"401"`).
    private static func integer(_ value: JSONValue?) -> Int? {
        switch value {
        case .integer(let number)?: return number
        case .number(let number)? where number == number.rounded() && abs(number) < 1e15: return Int(number)
        case .string(let text)?: return Int(text)
        default: return nil
        }
    }

    /// GenAuth's envelope reports success with `statusCode` 200; a body without one is not an envelope.
    package var reportsFailure: Bool {
        statusCode.map { $0 != 200 } ?? false
    }
}

/// An OAuth 2.0 error answer (RFC 6749 §5.2): `{"error": "invalid_grant", "error_description": "…", "error_uri": "…"}`.
package struct OAuthErrorBody: Decodable, Sendable {
    package var error: String
    package var errorDescription: String?
    package var errorURI: String?

    private enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
        case errorURI = "error_uri"
    }

    /// nil unless `body` is a JSON object whose `error` is a non-empty string.
    package static func read(_ body: Data) -> OAuthErrorBody? {
        guard let value = try? JSONDecoder().decode(OAuthErrorBody.self, from: body), !value.error.isEmpty else { return nil }
        return value
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        error = try container.decode(String.self, forKey: .error)
        errorDescription = try? container.decodeIfPresent(String.self, forKey: .errorDescription)
        errorURI = try? container.decodeIfPresent(String.self, forKey: .errorURI)
    }
}
