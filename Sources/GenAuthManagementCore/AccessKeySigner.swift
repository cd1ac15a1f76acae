import Foundation
import GenAuthCrypto

/// Signs every request with the access key, as GenAuth's current Node SDK does, instead of sending a token:
///
/// - headers `x-authing-signature-method: HMAC-SHA1`, `x-authing-signature-version: 1.0`,
///   `x-authing-signature-nonce` (random, never reused) and `date` (RFC 1123);
/// - the string to sign: the method and a line break; then each header named `x-authing-…` or `date`, in
///   name order, as `name:value` and a line break; then the path and, where there are any, `?` and the query
///   parameters (GET) or the body's top-level fields (other methods) in name order, as `name=value` joined by
///   `&` (objects and arrays as compact JSON);
/// - `authorization: authing <accessKeyId>:<base64(HMAC-SHA1(accessKeySecret, string to sign))>`.
struct AccessKeySigner: RequestAuthorizer {
    let accessKeyId: String
    let accessKeySecret: String
    let userPoolId: String?
    let clock: @Sendable () -> Date
    let nonce: @Sendable () -> String

    func authorize(_ request: inout HTTPRequest) async throws(GenAuthError) -> [String] {
        guard !accessKeyId.isEmpty, !accessKeySecret.isEmpty else {
            throw .invalidRequest(reason: "the options' accessKeyId and accessKeySecret must not be empty")
        }
        if let userPoolId, !userPoolId.isEmpty {
            request.headers.append(HTTPHeader(name: "x-authing-userpool-id", value: userPoolId))
        }
        request.headers += [
            HTTPHeader(name: "x-authing-signature-method", value: "HMAC-SHA1"),
            HTTPHeader(name: "x-authing-signature-version", value: "1.0"),
            HTTPHeader(name: "x-authing-signature-nonce", value: nonce()),
            HTTPHeader(name: "date", value: Self.httpDate(clock())),
        ]
        let signature = Self.sign(Self.stringToSign(request), secret: accessKeySecret)
        request.headers.append(HTTPHeader(name: "authorization", value: "authing \(accessKeyId):\(signature)"))
        return []
    }

    /// A signature cannot be renewed: a 401 is the caller's to handle.
    func credentialsRejected(_ request: HTTPRequest) async -> Bool { false }

    static func stringToSign(_ request: HTTPRequest) -> String {
        var text = request.method.uppercased() + "\n"
        let signed = request.headers
            .filter { $0.name.lowercased().hasPrefix("x-authing-") || $0.name.lowercased() == "date" }
            .map { (name: $0.name.lowercased(), value: Self.flattened($0.value)) }
            .sorted { $0.name < $1.name }
        for header in signed { text += "\(header.name):\(header.value)\n" }
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        text += components?.percentEncodedPath ?? request.url.path
        let fields = request.method.uppercased() == "GET"
            ? (components?.queryItems ?? []).map { ($0.name, $0.value ?? "") }
            : bodyFields(request.body)
        if !fields.isEmpty {
            text += "?" + fields.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        }
        return text
    }

    /// The body's top-level fields as text: strings as they are, other values as compact JSON; nulls left out.
    static func bodyFields(_ body: Data?) -> [(String, String)] {
        guard let body, case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: body) else { return [] }
        return object.compactMap { key, value in
            switch value {
            case .null: return nil
            case .string(let text): return (key, text)
            case .bool(let flag): return (key, flag ? "true" : "false")
            case .integer(let number): return (key, String(number))
            default:
                let data = (try? JSONCoding.makeEncoder().encode(value)) ?? Data()
                return (key, String(decoding: data, as: UTF8.self))
            }
        }
    }

    static func sign(_ text: String, secret: String) -> String {
        Data(HMAC<SHA1>.authenticationCode(for: Array(text.utf8), key: Array(secret.utf8))).base64EncodedString()
    }

    /// Tabs and line breaks become spaces, and the ends are trimmed, as the canonical form asks.
    private static func flattened(_ value: String) -> String {
        String(value.map { "\t\n\r\u{0C}".contains($0) ? " " : $0 }).trimmingCharacters(in: .whitespaces)
    }

    /// `Mon, 30 Nov 2026 12:00:00 GMT`
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
