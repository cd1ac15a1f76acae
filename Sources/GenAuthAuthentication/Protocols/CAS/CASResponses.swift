import Foundation

/// The answers of CAS ticket validation, read into ``CASAuthentication`` or thrown as ``/GenAuthCore/GenAuthError/cas(_:)``.
enum CASResponses {
    static let namespace = "http://www.yale.edu/tp/cas"

    /// CAS 1.0 (CAS Protocol 3.0 §2.4.2): `yes\n<user>\n` or `no\n\n`.
    static func v1(_ body: Data, redactor: Redactor) throws(GenAuthError) -> CASAuthentication {
        let lines = String(decoding: body, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        switch lines.first {
        case "yes":
            guard lines.count > 1, !lines[1].isEmpty else {
                throw undecodable(body, "the answer is 'yes' without a user", redactor: redactor)
            }
            return CASAuthentication(user: lines[1])
        case "no":
            throw .cas(CASFailure(code: nil, message: "the CAS server says the ticket is not valid"))
        default:
            throw undecodable(body, "a CAS 1.0 answer starts with 'yes' or 'no'", redactor: redactor)
        }
    }

    /// CAS 2.0 in JSON: `{"serviceResponse": {"authenticationSuccess": {"user", "attributes"}}}` or
    /// `{"serviceResponse": {"authenticationFailure": {"code", "description"}}}`.
    static func v2JSON(_ body: Data, redactor: Redactor) throws(GenAuthError) -> CASAuthentication {
        guard case .object(let root)? = try? JSONDecoder().decode(JSONValue.self, from: body),
              case .object(let response)? = root["serviceResponse"]
        else {
            throw undecodable(body, "the answer has no serviceResponse object", redactor: redactor)
        }
        if case .object(let success)? = response["authenticationSuccess"] {
            guard case .string(let user)? = success["user"], !user.isEmpty else {
                throw undecodable(body, "authenticationSuccess has no user", redactor: redactor)
            }
            var attributes: [String: JSONValue] = [:]
            if case .object(let values)? = success["attributes"] { attributes = values }
            return CASAuthentication(user: user, attributes: attributes)
        }
        if case .object(let failure)? = response["authenticationFailure"] {
            let code: String? = if case .string(let code)? = failure["code"] { code } else { nil }
            let description: String = if case .string(let text)? = failure["description"] { text } else { "" }
            throw .cas(CASFailure(code: code, message: redactor.redact(description)))
        }
        throw undecodable(body, "serviceResponse has neither authenticationSuccess nor authenticationFailure", redactor: redactor)
    }

    /// CAS 2.0 in XML (CAS Protocol 3.0 §2.5.2, Appendix A), namespace `http://www.yale.edu/tp/cas`.
    static func v2XML(_ body: Data, redactor: Redactor) throws(GenAuthError) -> CASAuthentication {
        let root: CASXMLElement
        do {
            root = try CASXML.parse(String(decoding: body, as: UTF8.self))
        } catch {
            throw undecodable(body, "the answer is not XML CAS reads: \(error.description)", redactor: redactor)
        }
        guard root.localName == "serviceResponse", root.namespace == namespace else {
            throw undecodable(body, "the root element is not cas:serviceResponse", redactor: redactor)
        }
        if let success = root.child("authenticationSuccess", namespace: namespace) {
            guard let user = success.child("user", namespace: namespace)?.text.trimmingCharacters(in: .whitespacesAndNewlines),
                  !user.isEmpty
            else {
                throw undecodable(body, "cas:authenticationSuccess has no cas:user", redactor: redactor)
            }
            var attributes: [String: JSONValue] = [:]
            for attribute in success.child("attributes", namespace: namespace)?.children ?? [] {
                let value = Self.value(of: attribute)
                switch attributes[attribute.localName] {
                case nil: attributes[attribute.localName] = value
                case .array(let values)?: attributes[attribute.localName] = .array(values + [value])
                case let first?: attributes[attribute.localName] = .array([first, value])
                }
            }
            return CASAuthentication(user: user, attributes: attributes)
        }
        if let failure = root.child("authenticationFailure", namespace: namespace) {
            throw .cas(CASFailure(
                code: failure.attributes["code"],
                message: redactor.redact(failure.text.trimmingCharacters(in: .whitespacesAndNewlines))))
        }
        throw undecodable(body, "cas:serviceResponse has neither cas:authenticationSuccess nor cas:authenticationFailure", redactor: redactor)
    }

    /// An attribute's text, or its children as an object.
    private static func value(of element: CASXMLElement) -> JSONValue {
        guard !element.children.isEmpty else { return .string(element.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        var object: [String: JSONValue] = [:]
        for child in element.children { object[child.localName] = value(of: child) }
        return .object(object)
    }

    private static func undecodable(_ body: Data, _ message: String, redactor: Redactor) -> GenAuthError {
        .undecodableResponse(DecodingFailure(
            typeName: "CASAuthentication", codingPath: "", message: message, body: redactor.redact(body)))
    }
}
