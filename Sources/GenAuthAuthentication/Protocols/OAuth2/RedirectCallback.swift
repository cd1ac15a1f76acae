import Foundation

/// Reads the redirect back from the authorization server and checks that it answers the request the app sent
/// (RFC 6749 §4.1.2, §4.1.2.1, §10.12; RFC 9207 §2.4; RFC 9700 §4.7). Nothing it reports quotes a code or a state.
enum RedirectCallback {
    /// The names of the parameters an answer carries (RFC 6749 §4.1.2, §4.2.2; OIDC Core §3.2.2.5; RFC 9207).
    static let answerParameters: Set<String> = [
        "code", "state", "error", "error_description", "error_uri", "access_token", "id_token", "token_type",
        "expires_in", "iss", "session_state",
    ]

    /// The answer in `url`, checked against `request`.
    static func parse(url text: String, request: AuthorizationRequest, call: GenAuthCall) throws(GenAuthError) -> AuthorizationCallback {
        func fail(_ kind: CallbackFailure.Kind, _ message: String) -> GenAuthError {
            .invalidCallback(CallbackFailure(kind: kind, message: message, call: call))
        }
        guard let url = URLComponents(string: text), let expected = URLComponents(string: request.redirectUri) else {
            throw fail(.malformedURL, "the redirect back is not a URL")
        }
        guard sameEndpoint(url, expected) else {
            throw fail(
                .unexpectedRedirectURI,
                "the URL is not the redirect URI the request named (its scheme, host, port or path differ)")
        }
        // The redirect URI's own query parameters (RFC 6749 §3.1.2 allows them) come back too; they are not the answer.
        var query = try pairs(url.percentEncodedQuery, fail: fail)
        for own in try pairs(expected.percentEncodedQuery, fail: fail) {
            if let index = query.firstIndex(where: { $0 == own }) { query.remove(at: index) }
        }
        let fragment = try pairs(url.percentEncodedFragment, fail: fail)

        let answer: [(String, String)]
        switch request.responseMode {
        case .query:
            if fragment.contains(where: { answerParameters.contains($0.0) }) {
                throw fail(.unexpectedResponseMode, "the answer came in the URL's fragment; the request asked for the query")
            }
            answer = query
        case .fragment:
            if query.contains(where: { answerParameters.contains($0.0) }) {
                throw fail(.unexpectedResponseMode, "the answer came in the URL's query; the request asked for the fragment")
            }
            answer = fragment
        default:
            throw fail(
                .unexpectedResponseMode,
                "the request asked for response_mode '\(request.responseMode.rawValue)': pass the parameters the redirect POSTed")
        }
        return try check(answer, request: request, call: call)
    }

    /// The answer as parameters (a `form_post` body, or a query a web framework has already split), checked against
    /// `request`.
    static func check(_ answer: [(String, String)], request: AuthorizationRequest, call: GenAuthCall) throws(GenAuthError) -> AuthorizationCallback {
        func fail(_ kind: CallbackFailure.Kind, _ message: String) -> GenAuthError {
            .invalidCallback(CallbackFailure(kind: kind, message: message, call: call))
        }
        var parameters: [String: String] = [:]
        for (name, value) in answer {
            // RFC 6749 §3.1: "Request and response parameters MUST NOT be included more than once."
            guard parameters.updateValue(value, forKey: name) == nil else {
                throw fail(.repeatedParameter, "the parameter '\(printable(name))' appears more than once")
            }
        }
        // The state first: an answer with another state (an error included) does not answer this request.
        guard let state = parameters["state"] else {
            throw fail(.missingState, "the redirect back has no state; the request sent one (RFC 6749 §4.1.2)")
        }
        guard constantTimeEquals(state, request.state) else {
            throw fail(.stateMismatch, "the state differs from the one the request sent: the redirect does not answer it (RFC 6749 §10.12)")
        }
        if let issuer = parameters["iss"], issuer != request.issuer {
            throw fail(.issuerMismatch, "the iss parameter names another issuer than \(request.issuer) (RFC 9207 §2.4)")
        }
        if let error = parameters["error"] {
            throw GenAuthError.oauth(OAuthFailure(
                error: error, errorDescription: parameters["error_description"], errorURI: parameters["error_uri"], call: call))
        }
        let code = parameters["code"]
        if request.responseType.includesCode, code?.isEmpty ?? true {
            throw fail(.missingCode, "the redirect back has no code")
        }
        return AuthorizationCallback(code: code, state: state, parameters: parameters)
    }

    /// The parameters of a query or a fragment: `name=value` pairs joined by `&`, percent-encoded, `+` for a space.
    private static func pairs(
        _ encoded: String?, fail: (CallbackFailure.Kind, String) -> GenAuthError
    ) throws(GenAuthError) -> [(String, String)] {
        guard let encoded, !encoded.isEmpty else { return [] }
        var result: [(String, String)] = []
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else {
                throw fail(.malformedURL, "a parameter of the redirect back is not percent-encoded correctly")
            }
            // A pair without a name (`&=&`) carries nothing; it is not a parameter.
            if !name.isEmpty { result.append((name, value)) }
        }
        return result
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// Scheme and host compared without case, default ports made explicit, paths exactly (RFC 3986 §6.2.2–6.2.3).
    private static func sameEndpoint(_ url: URLComponents, _ expected: URLComponents) -> Bool {
        func port(_ components: URLComponents) -> Int? {
            components.port ?? ["http": 80, "https": 443][components.scheme?.lowercased() ?? ""]
        }
        func path(_ components: URLComponents) -> String {
            components.percentEncodedPath.isEmpty && components.host != nil ? "/" : components.percentEncodedPath
        }
        return url.scheme?.lowercased() == expected.scheme?.lowercased()
            && url.host?.lowercased() == expected.host?.lowercased()
            && port(url) == port(expected)
            && path(url) == path(expected)
    }

    /// A parameter name as an error may show it: short, printable.
    private static func printable(_ name: String) -> String {
        String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7f }.prefix(40).map(Character.init))
    }

    /// Compares two strings in time that depends only on their lengths, so that a state cannot be guessed byte by byte.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
