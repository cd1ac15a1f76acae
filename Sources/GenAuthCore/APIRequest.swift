import Foundation

/// One call of an endpoint, as the generated methods describe it to ``RequestExecutor``.
package struct APIRequest: Sendable {
    package enum Body: Sendable {
        /// `application/json`
        case json(any Encodable & Sendable)
        /// `application/x-www-form-urlencoded`: the body's top-level JSON fields become form fields.
        case form(any Encodable & Sendable)
    }

    /// The SDK method that sends it, such as `getUser`: errors name it.
    package var operation: String
    package var method: String
    /// The path, its parameters already percent-encoded (see ``pathSegment(_:)``).
    package var path: String
    package var query: [QueryItem] = []
    package var body: Body?
    /// Values of this request that must never appear in an error description (tokens, passwords).
    package var secrets: [String] = []
    /// Headers of this request only, after the client's (`authorization: Basic …` for an OAuth client, say).
    package var headers: [HTTPHeader] = []
    /// Whether the client's credentials (the user's token, the management token, a signature) go with it. The
    /// OAuth endpoints authenticate the application instead, and must not receive a user's token.
    package var sendsClientCredentials = true
    /// How the server reports failures.
    package var errorFormat: ErrorFormat = .envelope

    /// How an endpoint reports failures.
    package enum ErrorFormat: Sendable {
        /// GenAuth's envelope, `{"statusCode", "message", "apiCode", "requestId"}` (the `/api/v3` endpoints).
        case envelope
        /// OAuth 2.0's `{"error", "error_description"}` (RFC 6749 §5.2: `/oidc/*`, `/oauth/*`).
        case oauth
        /// Only the HTTP status: the body is not JSON (CAS answers in text and XML).
        case status
    }

    package init(
        operation: String, method: String, path: String, query: [QueryItem] = [], body: Body? = nil, secrets: [String] = []
    ) {
        self.operation = operation
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.secrets = secrets
    }

    /// The call, as its errors name it.
    package var call: GenAuthCall {
        GenAuthCall(operation: operation, method: method, path: path)
    }
}

/// One query parameter; `nil` values are left out of the URL.
package struct QueryItem: Sendable, Equatable {
    package var name: String
    package var value: String?

    package init(_ name: String, _ value: (some QueryValue)?) {
        self.name = name
        self.value = value?.queryValue
    }

    package init(_ name: String, _ value: (some GenAuthStringEnum)?) {
        self.name = name
        self.value = value?.rawValue
    }

    /// GenAuth's API takes lists in a query parameter comma-separated.
    package init<Value: GenAuthStringEnum>(_ name: String, _ value: [Value]?) {
        self.name = name
        self.value = value?.map(\.rawValue).joined(separator: ",")
    }
}

/// A value that can stand in a URL's query or path.
package protocol QueryValue {
    var queryValue: String { get }
}

extension String: QueryValue { package var queryValue: String { self } }
extension Int: QueryValue { package var queryValue: String { String(self) } }
extension Double: QueryValue { package var queryValue: String { String(self) } }
extension Bool: QueryValue { package var queryValue: String { self ? "true" : "false" } }
extension Date: QueryValue {
    package var queryValue: String { GenAuthDate.format(self) }
}
extension Array: QueryValue where Element: QueryValue {
    /// GenAuth's API takes lists in a query parameter comma-separated.
    package var queryValue: String { map(\.queryValue).joined(separator: ",") }
}

/// Percent-encodes one path parameter so that it stays one segment of the path.
package func pathSegment(_ value: some QueryValue) -> String {
    PercentEncoding.encode(value.queryValue)
}

/// Percent-encodes an enum path parameter.
package func pathSegment(_ value: some GenAuthStringEnum) -> String {
    PercentEncoding.encode(value.rawValue)
}

package enum PercentEncoding {
    /// RFC 3986's unreserved characters; everything else is percent-encoded.
    private static let unreserved: Set<UInt8> = Set(
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))

    package static func encode(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    /// `name=value&…`, each part percent-encoded.
    package static func formEncode(_ fields: [(String, String)]) -> String {
        fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }
}
