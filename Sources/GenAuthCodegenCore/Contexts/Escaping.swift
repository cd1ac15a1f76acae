import Foundation

/// Turns spec text into text that is safe where it lands: Swift literals and comments, Markdown, JSON.
/// Text from specs is data: nothing in it may change the structure of what is generated.
enum Escaping {
    /// Normalizes line breaks of every kind to `\n`.
    static func normalizedLines(_ text: String) -> [String] {
        if !hasLineBreak(text) { return [text] }
        var normalized = ""
        normalized.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                normalized.unicodeScalars.append("\n")
                previousWasCR = true
                continue
            case "\n" where previousWasCR:
                break
            case "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                normalized.unicodeScalars.append("\n")
            default:
                normalized.unicodeScalars.append(scalar)
            }
            previousWasCR = false
        }
        return normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Whether `text` holds any of the line breaks `normalizedLines` splits at: \n, \r, \v, \f, U+0085
    /// (C2 85), U+2028 and U+2029 (E2 80 A8/A9). Most texts are one line.
    private static func hasLineBreak(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case 0x0A...0x0D: return true
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return true
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    return true
                default: break
                }
                index += 1
            }
            return false
        }
    }

    // MARK: - Swift

    /// A Swift string literal holding exactly `text`: `"a \"b\"\n"`.
    static func swiftStringLiteral(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if isUnsafeInSource(scalar) {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Lines of a `///` doc comment holding `text`: every kind of line break starts a new comment line,
    /// and control characters are shown as `\u{…}`, so no text can end the comment.
    static func docCommentLines(_ text: String, indent: String = "") -> [String] {
        normalizedLines(text).map { line in
            let cleaned = commentSafe(line).trimmingTrailingWhitespace()
            return cleaned.isEmpty ? "\(indent)///" : "\(indent)/// \(cleaned)"
        }
    }

    /// One line of comment text with control and invisible line-breaking characters made visible.
    static func commentSafe(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                result += " "
            } else if isUnsafeInSource(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Invisible characters, and those that reorder or hide source text (bidirectional controls).
    private static func isUnsafeInSource(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return isInvisible(scalar)
        }
    }

    // MARK: - Markdown

    /// Inline Markdown text that renders as `text` literally, for a table cell, a link or a title: emphasis, links,
    /// HTML, code and table pipes are escaped, line breaks become `<br>`.
    static func markdown(_ text: String) -> String {
        normalizedLines(text).map { escapeBlockStart(markdownInline($0.trimmingTrailingWhitespace())) }
            .joined(separator: "<br>")
    }

    /// Bytes that make `markdownInline` look at a line closely: Markdown's punctuation, controls, and lead bytes
    /// of the invisible characters (C2: C1 controls, E2: separators and bidirectional controls, EF: BOM).
    private static let markdownAttention: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in 0..<0x20 { table[byte] = true }
        for byte: UInt8 in [0x7F, 0xC2, 0xE2, 0xEF] { table[Int(byte)] = true }
        for byte in "\\`*[]|~$_<>&".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// A run of inline Markdown text, escaped to render literally; spaces kept (it may sit between a code span
    /// and a link). Line starts are the caller's to escape.
    static func markdownInline(_ line: String) -> String {
        if !line.utf8.contains(where: { markdownAttention[Int($0)] }) { return line }
        let characters = Array(line)
        var result = ""
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\", "`", "*", "[", "]", "|", "~", "$":
                result += "\\\(character)"
            case "_":
                // Inside a word (snake_case, URLs) an underscore cannot start emphasis; keep URLs intact.
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                result += before.isLetterOrDigit && after.isLetterOrDigit ? "_" : "\\_"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\t": result += " "
            default:
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, isUnsafeInSource(scalar) {
                    result += " "
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }

    /// A line that would start a heading, list, quote, rule or numbered list gets its first character escaped.
    private static func escapeBlockStart(_ line: String) -> String {
        guard let firstByte = line.utf8.first, " #-+=".utf8.contains(firstByte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(firstByte) else {
            return line
        }
        let trimmed = line.drop { $0 == " " }
        guard let first = trimmed.first else { return line }
        let indent = String(line.prefix(line.count - trimmed.count))
        if "#-+=".contains(first) {
            return indent + "\\" + trimmed
        }
        if first.isASCIIDigit {
            let digits = trimmed.prefix { $0.isASCIIDigit }
            let rest = trimmed.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")" {
                return indent + digits + "\\" + rest
            }
        }
        return line
    }

    /// A Markdown code span showing `text` literally, pipes escaped where it stands in a table.
    static func codeSpan(_ text: String, inTable: Bool = true) -> String {
        let flat = normalizedLines(text).joined(separator: " ")
        if inTable, flat.utf8.contains(UInt8(ascii: "|")) {
            // A pipe in a table's code span: GitHub needs it escaped, Python-Markdown (MkDocs) shows the escape.
            // An HTML code element with the pipe as an entity reads the same in both.
            return "<code>" + htmlEscaped(flat).replacingOccurrences(of: "|", with: "&#124;") + "</code>"
        }
        let longestRun = longestBacktickRun(flat)
        let fence = String(repeating: "`", count: longestRun + 1)
        let padded = longestRun > 0 || flat.hasPrefix("`") || flat.hasSuffix("`") ? " \(flat) " : flat
        return padded.isEmpty ? "` `" : fence + padded + fence
    }

    /// Text for HTML: `&`, `<`, `>` and `"` as entities, invisible characters as spaces.
    static func htmlEscaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(isUnsafeInSource(scalar) ? " " : scalar)
            }
        }
        return result
    }

    /// A fence for a code block holding `text`: longer than any backtick run inside it.
    static func codeFence(for text: String) -> String {
        String(repeating: "`", count: max(3, longestBacktickRun(text) + 1))
    }

    private static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0, current = 0
        for byte in text.utf8 {
            current = byte == UInt8(ascii: "`") ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    // MARK: - JSON

    /// A JSON string literal. Control, invisible and line-separating characters are `\u` escapes, so the
    /// literal is also a valid YAML double-quoted scalar (the spec writer uses it for that).
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if isInvisible(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Control characters (C0, DEL, C1), the Unicode line and paragraph separators and the byte order mark:
    /// characters a reader cannot see, and that some formats take for line breaks.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF: return true
        default: return false
        }
    }
}

extension Character {
    var isLetterOrDigit: Bool { isLetter || isNumber }
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation: tabs and Unicode space separators (Zs) off
    /// both ends.
    func trimmingHorizontalWhitespace() -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == " " || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    func trimmingTrailingWhitespace() -> String {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
