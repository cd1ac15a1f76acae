/// GenAuth's descriptions are Markdown: bold, inline code, links, lists, headings, fenced code, quotes,
/// `<details>`/`<summary>` and `<br>`. This reads the safe part of it into blocks and inlines; every other
/// character is text, escaped wherever it is written (raw HTML, `javascript:` links, table pipes included).
/// ``MarkdownRendering`` writes the result for a doc page, a table cell or a `///` doc comment.
enum MarkdownText {
    indirect enum Block: Equatable {
        case paragraph([[Inline]])  // lines
        case heading(level: Int, [Inline])
        case list(ordered: Bool, items: [[Block]])
        case code(language: String, lines: [String])
        case quote([Block])
        case details(summary: [Inline], [Block])
    }

    indirect enum Inline: Equatable {
        case text(String)
        case code(String)
        case strong([Inline])
        case emphasis([Inline])
        /// Only http(s) URLs; a link to anything else is its text.
        case link([Inline], url: String)
        case lineBreak
    }

    /// Bounds the work on pathological nesting (`[[[[…` or quotes of quotes).
    static let maxDepth = 16

    /// The bytes with which an inline other than text can start: code, emphasis, a link (or an image's `[`),
    /// a `<br>`.
    private static let inlineStarts: Set<UInt8> = Set("`*_[<".utf8)

    // MARK: - Blocks

    static func blocks(_ text: String) -> [Block] {
        var lines = Escaping.normalizedLines(text)[...]
        return blocks(&lines, depth: 0, until: nil)
    }

    /// Reads blocks until `until` matches a line (consumed) or the lines run out.
    private static func blocks(_ lines: inout ArraySlice<String>, depth: Int, until: ((String) -> Bool)?) -> [Block] {
        var result: [Block] = []
        var paragraph: [[Inline]] = []
        func closeParagraph() {
            if !paragraph.isEmpty { result.append(.paragraph(paragraph)) }
            paragraph = []
        }
        while let line = lines.first {
            let trimmed = line.trimmingHorizontalWhitespace()
            if let until, until(trimmed) {
                lines.removeFirst()
                break
            }
            lines.removeFirst()
            if trimmed.isEmpty {
                closeParagraph()
                continue
            }
            if let fence = codeFence(trimmed) {
                closeParagraph()
                var code: [String] = []
                // An unterminated fence runs to the end of the text; its output is always closed.
                while let next = lines.first {
                    lines.removeFirst()
                    let candidate = next.trimmingHorizontalWhitespace()
                    if candidate.hasPrefix(fence.marker), candidate.allSatisfy({ String($0) == String(fence.marker.first!) }) { break }
                    code.append(next)
                }
                result.append(.code(language: fence.language, lines: trimCommonIndent(code)))
                continue
            }
            if depth < maxDepth, let details = detailsOpening(trimmed) {
                closeParagraph()
                var summary = details
                if summary == nil, let next = lines.first, let found = summaryLine(next.trimmingHorizontalWhitespace()) {
                    lines.removeFirst()
                    summary = found
                }
                let content = blocks(&lines, depth: depth + 1, until: { $0.lowercased().hasPrefix("</details") })
                result.append(.details(summary: inlines(summary ?? "", depth: 0), content))
                continue
            }
            if let summary = summaryLine(trimmed) {  // a summary outside details: a bold line
                closeParagraph()
                result.append(.paragraph([[.strong(inlines(summary, depth: 0))]]))
                continue
            }
            if isBreakTag(trimmed) {
                closeParagraph()
                continue
            }
            if let (level, title) = heading(trimmed) {
                closeParagraph()
                result.append(.heading(level: level, inlines(title, depth: 0)))
                continue
            }
            if depth < maxDepth, trimmed.hasPrefix(">") {
                closeParagraph()
                var quoted = [String(trimmed.dropFirst()).trimmingHorizontalWhitespace()]
                while let first = lines.first, case let next = first.trimmingHorizontalWhitespace(), next.hasPrefix(">") {
                    quoted.append(String(next.dropFirst()).trimmingHorizontalWhitespace())
                    lines.removeFirst()
                }
                var inner = quoted[...]
                result.append(.quote(blocks(&inner, depth: depth + 1, until: nil)))
                continue
            }
            if depth < maxDepth, let item = listItem(line) {
                closeParagraph()
                var items: [[Block]] = []
                var current = [item.text]
                let indent = item.indent
                while let next = lines.first {
                    let nextTrimmed = next.trimmingHorizontalWhitespace()
                    if let other = listItem(next), other.indent <= indent, other.ordered == item.ordered {
                        var itemLines = current[...]
                        items.append(blocks(&itemLines, depth: depth + 1, until: nil))
                        current = [other.text]
                        lines.removeFirst()
                    } else if !nextTrimmed.isEmpty, leadingSpaces(next) > indent, codeFence(nextTrimmed) == nil {
                        current.append(String(next.dropFirst(min(leadingSpaces(next), indent + 2))))
                        lines.removeFirst()
                    } else {
                        break
                    }
                }
                var itemLines = current[...]
                items.append(blocks(&itemLines, depth: depth + 1, until: nil))
                result.append(.list(ordered: item.ordered, items: items))
                continue
            }
            paragraph.append(inlines(trimmed, depth: 0))
        }
        closeParagraph()
        return result
    }

    private static func codeFence(_ line: String) -> (marker: String, language: String)? {
        for character in ["`", "~"] {
            let run = line.prefix { String($0) == character }
            guard run.count >= 3 else { continue }
            let info = String(line.dropFirst(run.count)).trimmingHorizontalWhitespace()
            guard !(character == "`" && info.contains("`")) else { return nil }
            let language = info.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "+" }
            return (String(run), String(language))
        }
        return nil
    }

    private static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count), line.dropFirst(hashes.count).first == " " else { return nil }
        let title = String(line.dropFirst(hashes.count)).trimmingHorizontalWhitespace()
        return title.isEmpty ? nil : (hashes.count, String(title.reversed().drop { $0 == "#" || $0 == " " }.reversed()))
    }

    private static func listItem(_ line: String) -> (indent: Int, ordered: Bool, text: String)? {
        let indent = leadingSpaces(line)
        let rest = line.dropFirst(indent)
        if let first = rest.first, "-*+".contains(first), rest.dropFirst().first == " " {
            return (indent, false, String(rest.dropFirst(2)))
        }
        let digits = rest.prefix { $0.isASCIIDigit }
        if !digits.isEmpty, digits.count <= 9, let marker = rest.dropFirst(digits.count).first, marker == "." || marker == ")",
           rest.dropFirst(digits.count + 1).first == " " {
            return (indent, true, String(rest.dropFirst(digits.count + 2)))
        }
        return nil
    }

    private static func leadingSpaces(_ line: String) -> Int {
        line.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
    }

    private static func trimCommonIndent(_ lines: [String]) -> [String] {
        let indents = lines.filter { !$0.trimmingHorizontalWhitespace().isEmpty }.map { $0.prefix { $0 == " " }.count }
        let common = indents.min() ?? 0
        return lines.map { $0.trimmingHorizontalWhitespace().isEmpty ? "" : String($0.dropFirst(common)) }
    }

    /// `<details>` (nil: the summary follows) or `<details><summary>X</summary>` (X).
    private static func detailsOpening(_ line: String) -> String?? {
        let lower = line.lowercased()
        guard lower.hasPrefix("<details"), let close = line.firstIndex(of: ">") else { return nil }
        let rest = String(line[line.index(after: close)...]).trimmingHorizontalWhitespace()
        return .some(rest.isEmpty ? nil : summaryLine(rest) ?? rest)
    }

    private static func summaryLine(_ line: String) -> String? {
        let lower = line.lowercased()
        guard lower.hasPrefix("<summary"), let open = line.firstIndex(of: ">") else { return nil }
        var inner = String(line[line.index(after: open)...])
        if let range = inner.range(of: "</summary>", options: .caseInsensitive) { inner = String(inner[..<range.lowerBound]) }
        return inner.trimmingHorizontalWhitespace()
    }

    private static func isBreakTag(_ line: String) -> Bool {
        ["<br>", "<br/>", "<br />", "</details>", "</summary>"].contains(line.lowercased())
    }

    // MARK: - Inlines

    static func inlines(_ text: String, depth: Int) -> [Inline] {
        // Most texts have none of the characters that start an inline: they are one text, as the loop below
        // would find, without its walk over Characters.
        if !text.utf8.contains(where: { inlineStarts.contains($0) }) {
            return text.isEmpty ? [] : [.text(text)]
        }
        let characters = Array(text)
        var result: [Inline] = []
        var buffer = ""
        func flush() {
            if !buffer.isEmpty { result.append(.text(buffer)) }
            buffer = ""
        }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            // Code span: a run of backticks, closed by a run of the same length.
            if character == "`" {
                let run = characters[index...].prefix { $0 == "`" }.count
                if let close = closingRun(characters, from: index + run, length: run) {
                    flush()
                    var code = String(characters[(index + run)..<close])
                    if code.hasPrefix(" "), code.hasSuffix(" "), code.count > 2 { code = String(code.dropFirst().dropLast()) }
                    result.append(.code(code))
                    index = close + run
                    continue
                }
                buffer += String(repeating: "`", count: run)
                index += run
                continue
            }
            if depth < maxDepth, character == "*", index + 1 < characters.count, characters[index + 1] == "*",
               let close = closing(characters, "**", from: index + 2), close > index + 2 {
                flush()
                result.append(.strong(inlines(String(characters[(index + 2)..<close]), depth: depth + 1)))
                index = close + 2
                continue
            }
            if depth < maxDepth, character == "*" || character == "_", index + 1 < characters.count, !characters[index + 1].isWhitespace,
               index == 0 || !characters[index - 1].isLetterOrDigit,
               let close = closing(characters, String(character), from: index + 1), close > index + 1,
               !characters[close - 1].isWhitespace, close + 1 >= characters.count || !characters[close + 1].isLetterOrDigit {
                flush()
                result.append(.emphasis(inlines(String(characters[(index + 1)..<close]), depth: depth + 1)))
                index = close + 1
                continue
            }
            if depth < maxDepth, character == "[" || (character == "!" && index + 1 < characters.count && characters[index + 1] == "["),
               let link = link(characters, at: character == "!" ? index + 1 : index) {
                flush()
                let isImage = character == "!"
                let label = isImage && link.text.isEmpty ? "image" : link.text
                let inner = inlines(label, depth: depth + 1)
                if Self.isWebURL(link.url) || Self.isGuideLink(link.url) {
                    result.append(.link(inner, url: link.url))
                } else {
                    result.append(contentsOf: inner)  // a relative or unsafe link: its text only
                }
                index = link.end
                continue
            }
            if character == "<", let end = breakTag(characters, at: index) {
                flush()
                result.append(.lineBreak)
                index = end
                continue
            }
            buffer.append(character)
            index += 1
        }
        flush()
        return result
    }

    private static func closingRun(_ characters: [Character], from start: Int, length: Int) -> Int? {
        var index = start
        while index < characters.count {
            if characters[index] == "`" {
                let run = characters[index...].prefix { $0 == "`" }.count
                if run == length { return index }
                index += run
            } else {
                index += 1
            }
        }
        return nil
    }

    private static func closing(_ characters: [Character], _ marker: String, from start: Int) -> Int? {
        let marks = Array(marker)
        var index = start
        while index + marks.count <= characters.count {
            if characters[index] == "`" { return nil }  // emphasis does not reach across code
            if Array(characters[index..<(index + marks.count)]) == marks { return index }
            index += 1
        }
        return nil
    }

    /// `[text](url)` at `index`: its text, URL and the index after it.
    private static func link(_ characters: [Character], at index: Int) -> (text: String, url: String, end: Int)? {
        guard characters[index] == "[" else { return nil }
        var depth = 0
        var close: Int?
        for position in index..<characters.count {
            if characters[position] == "[" { depth += 1 }
            if characters[position] == "]" {
                depth -= 1
                if depth == 0 { close = position; break }
            }
        }
        guard let close, close + 1 < characters.count, characters[close + 1] == "(" else { return nil }
        // The destination ends at the parenthesis that closes it: `(javascript:alert(1))` is one destination.
        var parentheses = 0
        var end: Int?
        for position in (close + 2)..<characters.count {
            if characters[position] == "(" { parentheses += 1 }
            if characters[position] == ")" {
                if parentheses == 0 { end = position; break }
                parentheses -= 1
            }
        }
        guard let end else { return nil }
        let url = String(characters[(close + 2)..<end]).trimmingHorizontalWhitespace()
        guard !url.contains(" ") else { return nil }
        return (String(characters[(index + 1)..<close]), url, end + 1)
    }

    private static func breakTag(_ characters: [Character], at index: Int) -> Int? {
        for tag in ["<br>", "<br/>", "<br />", "<BR>"] {
            let marks = Array(tag)
            if index + marks.count <= characters.count, Array(characters[index..<(index + marks.count)]) == marks { return index + marks.count }
        }
        return nil
    }

    /// An absolute http or https URL without characters that could end the link early.
    /// `../../guides/error-codes.md#api-code`: a link from an endpoint's page (`docs/<lang>/<module>/<group>/`) to a
    /// hand-written guide page, the only relative link a spec's text may hold. The pages keep it (MkDocs checks it
    /// strictly); the Swift doc comments keep its text only.
    static func isGuideLink(_ url: String) -> Bool {
        guard url.hasPrefix("../../guides/") else { return false }
        let rest = url.dropFirst("../../guides/".count)
        let (page, anchor) = rest.firstIndex(of: "#").map { (rest[..<$0], rest[rest.index(after: $0)...]) } ?? (rest, "")
        func isSlug<S: StringProtocol>(_ text: S) -> Bool {
            !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        }
        return page.hasSuffix(".md") && isSlug(page.dropLast(3)) && (anchor.isEmpty || isSlug(anchor))
    }

    static func isWebURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        return !url.contains { $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "'" || $0 == "`" || $0.isWhitespace }
    }
}
