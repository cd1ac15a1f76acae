#if TokenValidation
import Foundation

/// A JWS header or JWT claims set: a JSON object whose member names are unique.
///
/// RFC 7515 §5.2 step 4 and RFC 7519 §4 let a parser either reject duplicate names or keep the lexically last one.
/// Foundation's `JSONDecoder` keeps the *first* (`{"alg":"RS256","alg":"none"}` decodes as RS256) while other
/// libraries keep the last, so two parsers could read one token differently; duplicates are rejected instead.
enum JOSEObject {
    enum Failure: Error {
        /// Not JSON: bad syntax, invalid UTF-8, or nested deeper than the decoder allows.
        case notJSON
        /// JSON, but not an object.
        case notObject
        /// A member name that appears twice at the top level (compared after unescaping, so `"\u0061lg"` is `alg`).
        case duplicateMember(String)
    }

    /// The members of the JSON object `data`.
    static func decode(_ data: Data) -> Result<[String: JSONValue], Failure> {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            return .failure(.notJSON)
        }
        guard case .object(let members) = value else { return .failure(.notObject) }
        if let duplicate = firstDuplicateName(in: Array(data)) { return .failure(.duplicateMember(duplicate)) }
        return .success(members)
    }

    /// The first member name of the top-level object that appears twice. `bytes` is valid JSON (the decoder read it),
    /// so a scan that follows strings and nesting is enough: at depth 1, a string followed by `:` is a member name.
    private static func firstDuplicateName(in bytes: [UInt8]) -> String? {
        var names = Set<String>()
        var depth = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                index += 1
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard index < bytes.count else { return nil }
                let literal = bytes[start...index]
                index += 1
                guard depth == 1, nextNonWhitespace(in: bytes, from: index) == UInt8(ascii: ":") else { continue }
                let name = unescaped(literal)
                if !names.insert(name).inserted { return name }
            default:
                index += 1
            }
        }
        return nil
    }

    private static func nextNonWhitespace(in bytes: [UInt8], from start: Int) -> UInt8? {
        bytes[start...].first { ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains($0) }
    }

    /// A JSON string literal, quotes included, as the text it stands for.
    private static func unescaped(_ literal: ArraySlice<UInt8>) -> String {
        guard literal.contains(UInt8(ascii: "\\")) else { return String(decoding: literal.dropFirst().dropLast(), as: UTF8.self) }
        return (try? JSONDecoder().decode(String.self, from: Data(literal))) ?? String(decoding: literal, as: UTF8.self)
    }
}
#endif
