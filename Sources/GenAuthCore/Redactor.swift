import Foundation

/// Removes the secrets of one request (app secret, tokens, passwords, pass codes) from everything that may
/// reach an error: messages, body previews and the bodies errors carry, whatever the secrets' length.
///
/// A secret of four characters or more is removed wherever it appears. A shorter one (a password such as
/// `abc`) is removed where it stands alone, not inside a longer word: between quotes, spaces or punctuation,
/// as a server echoes it (`"password":"abc"`), so that ordinary words keep their letters. Each secret is also
/// looked for as JSON writes it (`\"`, and non-ASCII characters as they are or as `\u00e9`/`\u00E9`) and as a URL
/// or form writes it (`%20`).
package struct Redactor: Sendable {
    static let replacement = "<redacted>"
    /// Below this many bytes a secret is only removed where it is not part of a longer word.
    static let shortSecretLength = 4

    private let patterns: [[UInt8]]

    package init(secrets: [String?]) {
        self.init(patterns: Self.patterns(of: secrets.compactMap { $0 }))
    }

    private init(patterns: Set<[UInt8]>) {
        // Longest first, so that a secret containing another is removed whole.
        self.patterns = patterns.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
    }

    /// This redactor, removing `secrets` too: such as the tokens a response issues, when it becomes an error.
    package func adding(_ secrets: [String]) -> Redactor {
        secrets.isEmpty ? self : Redactor(patterns: Set(patterns).union(Self.patterns(of: secrets)))
    }

    private static func patterns(of secrets: [String]) -> Set<[UInt8]> {
        var patterns = Set<[UInt8]>()
        for secret in secrets where !secret.isEmpty {
            patterns.insert(Array(secret.utf8))
            let escaped = jsonEscaped(secret)
            patterns.insert(Array(escaped.utf8))
            if !secret.utf8.allSatisfy({ $0 < 0x80 }) {
                patterns.insert(Array(unicodeEscaped(escaped, uppercase: false).utf8))
                patterns.insert(Array(unicodeEscaped(escaped, uppercase: true).utf8))
            }
            patterns.insert(Array(PercentEncoding.encode(secret).utf8))
        }
        return patterns
    }

    package func redact(_ text: String) -> String {
        guard !patterns.isEmpty else { return text }
        return String(decoding: redact(bytes: Array(text.utf8)), as: UTF8.self)
    }

    package func redact(_ data: Data) -> Data {
        guard !patterns.isEmpty else { return data }
        return Data(redact(bytes: Array(data)))
    }

    private func redact(bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        for pattern in patterns {
            bytes = Self.replace(pattern, in: bytes, wholeWordOnly: pattern.count < Self.shortSecretLength)
        }
        return bytes
    }

    private static func replace(_ pattern: [UInt8], in bytes: [UInt8], wholeWordOnly: Bool) -> [UInt8] {
        guard let first = pattern.first, bytes.count >= pattern.count else { return bytes }
        let replacement = Array(Self.replacement.utf8)
        var result: [UInt8] = []
        var index = 0
        var copiedUpTo = 0
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern),
               !wholeWordOnly || (isBoundary(bytes, before: index) && isBoundary(bytes, after: index + pattern.count)) {
                if result.isEmpty { result.reserveCapacity(bytes.count) }
                result.append(contentsOf: bytes[copiedUpTo..<index])
                result.append(contentsOf: replacement)
                index += pattern.count
                copiedUpTo = index
            } else {
                index += 1
            }
        }
        guard copiedUpTo > 0 else { return bytes }
        result.append(contentsOf: bytes[copiedUpTo...])
        return result
    }

    /// A short secret stands alone when no ASCII letter or digit touches it.
    private static func isBoundary(_ bytes: [UInt8], before index: Int) -> Bool {
        index == 0 || !isWordByte(bytes[index - 1])
    }

    private static func isBoundary(_ bytes: [UInt8], after index: Int) -> Bool {
        index == bytes.count || !isWordByte(bytes[index])
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The secret as a JSON string holds it, without the quotes, as Foundation writes it.
    private static func jsonEscaped(_ secret: String) -> String {
        guard let data = try? JSONEncoder().encode(secret) else { return secret }
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    /// JSON-escaped text with every character outside ASCII written `\uXXXX` (UTF-16), as Python's `json.dumps`
    /// and many servers write it.
    private static func unicodeEscaped(_ escaped: String, uppercase: Bool) -> String {
        var result = ""
        for unit in escaped.utf16 {
            if unit < 0x80 {
                result.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            } else {
                let hex = String(unit, radix: 16, uppercase: uppercase)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return result
    }
}
