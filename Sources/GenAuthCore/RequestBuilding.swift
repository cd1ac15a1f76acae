import Foundation

extension RequestExecutor {
    /// The HTTP request of an API call, before its credentials: URL, the client's headers, the body.
    func build(_ request: APIRequest) throws(GenAuthError) -> HTTPRequest {
        var host = self.host.trimmingCharacters(in: .whitespaces)
        while host.hasSuffix("/") { host.removeLast() }
        var urlText = host + request.path
        let query = request.query.compactMap { item in item.value.map { (item.name, $0) } }
        if !query.isEmpty { urlText += "?" + PercentEncoding.formEncode(query) }
        guard let url = URL(string: urlText), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil
        else {
            throw .invalidRequest(reason: "\(hostOption) '\(self.host)' is not an http(s) URL such as https://example.genauth.ai")
        }

        var headers = self.headers
        var body: Data?
        switch request.body {
        case .none:
            break
        case .json(let value):
            body = try Self.encodeJSON(value)
            headers.append(HTTPHeader(name: "content-type", value: "application/json"))
        case .form(let value):
            body = try Self.encodeForm(value)
            headers.append(HTTPHeader(name: "content-type", value: "application/x-www-form-urlencoded"))
        }
        return HTTPRequest(method: request.method, url: url, headers: headers, body: body, timeout: timeout)
    }

    /// Whether a field or parameter of this name holds a secret: a password, pass code, secret, token or code
    /// (not a country code).
    static func isSecretName(_ name: String) -> Bool {
        let name = name.lowercased().filter { $0 != "_" && $0 != "-" }
        guard !name.hasSuffix("countrycode") else { return false }
        return ["password", "passcode", "secret", "token", "code", "verifier"].contains { name.hasSuffix($0) }
            || name.contains("password") || name.contains("secret")
    }

    /// Values of body fields whose names say they are secret (passwords, pass codes, tokens, secrets), so that
    /// a server echoing them cannot put them in an error.
    static func secretValues(in body: Data?) -> [String] {
        secretValues(in: body, numbers: true)
    }

    /// The string values of a response's fields whose names say they are secret (the `access_token`,
    /// `id_token` and `refresh_token` a response issues), so that a response that becomes an error never shows
    /// them. Numbers are left alone: the envelope's own `statusCode` and `apiCode` would match.
    static func issuedSecrets(in body: Data) -> [String] {
        secretValues(in: body, numbers: false)
    }

    private static func secretValues(in body: Data?, numbers: Bool) -> [String] {
        guard let body else { return [] }
        var found: [String] = []
        func scan(_ value: JSONValue, key: String?) {
            switch value {
            case .string(let text):
                if let key, isSecretName(key) { found.append(text) }
            case .integer(let number):
                if numbers, let key, isSecretName(key) { found.append(String(number)) }
            case .object(let object): for (key, value) in object { scan(value, key: key) }
            case .array(let items): for item in items { scan(item, key: key) }
            default: break
            }
        }
        if let value = try? JSONDecoder().decode(JSONValue.self, from: body) {
            scan(value, key: nil)
        } else {
            // A form body: name=value pairs.
            for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                if parts.count == 2 { scan(.string(parts[1]), key: parts[0]) }
            }
        }
        return found
    }

    private static func encodeJSON(_ value: any Encodable) throws(GenAuthError) -> Data {
        do {
            return try JSONCoding.makeEncoder().encode(value)
        } catch {
            // The message names the offending field's path, never its value.
            throw .invalidRequest(reason: "the request body cannot be encoded as JSON (\(Self.describe(error)))")
        }
    }

    private static func encodeForm(_ value: any Encodable) throws(GenAuthError) -> Data {
        let json = try encodeJSON(value)
        guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: json) else {
            throw .invalidRequest(reason: "a form body must be an object")
        }
        let pairs: [(String, String)] = fields.keys.sorted().compactMap { key in
            switch fields[key]! {
            case .null: return nil
            case .string(let text): return (key, text)
            case .bool(let flag): return (key, flag ? "true" : "false")
            case .integer(let number): return (key, String(number))
            case .number(let number): return (key, String(number))
            case let nested:
                let data = (try? JSONCoding.makeEncoder().encode(nested)) ?? Data()
                return (key, String(decoding: data, as: UTF8.self))
            }
        }
        return Data(PercentEncoding.formEncode(pairs).utf8)
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? EncodingError, case .invalidValue(_, let context) = error else {
            return "invalid value"
        }
        let path = context.codingPath.map(\.pathComponent).joined(separator: ".")
        return path.isEmpty ? "invalid value" : "invalid value at '\(path)'"
    }

}

extension CodingKey {
    var pathComponent: String { intValue.map(String.init) ?? stringValue }
}
