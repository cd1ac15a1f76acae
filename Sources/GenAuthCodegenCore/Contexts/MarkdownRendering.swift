/// Writes ``MarkdownText`` where it lands: a doc page's own paragraphs, a table cell (one line, pipes
/// escaped), or a `///` doc comment (DocC's Markdown). Text is escaped in each, so that the source can only
/// produce the safe subset: emphasis, inline code, http(s) links, lists, fenced code, quotes, headings below
/// the page's own, `<details>`.
enum MarkdownRendering {
    // The same descriptions are written on many pages (a type's rows on the page of every operation that
    // reaches it) and in both languages' files: each is rendered once per run.
    private static let pages = Memo<String>()
    private static let cells = Memo<String>()
    private static let docBodies = Memo<String>()
    private static let docSummaries = Memo<String?>()

    // MARK: - Doc pages

    /// Markdown for a doc page's description: blocks separated by blank lines; headings from `####` down, below
    /// the page's title, sections and data structures.
    static func page(_ text: String) -> String {
        pages.value(text, render: renderPage)
    }

    private static func renderPage(_ text: String) -> String {
        let blocks = MarkdownText.blocks(text)
        // The text's own top level becomes the fourth: its structure is kept, below the page's.
        let shift = 4 - (headingLevels(blocks).min() ?? 4)
        return pageBlocks(blocks, shift: shift).joined(separator: "\n\n")
    }

    private static func headingLevels(_ blocks: [MarkdownText.Block]) -> [Int] {
        blocks.flatMap { block -> [Int] in
            switch block {
            case .heading(let level, _): return [level]
            case .list(_, let items): return items.flatMap(headingLevels)
            case .quote(let inner), .details(_, let inner): return headingLevels(inner)
            default: return []
            }
        }
    }

    private static func pageBlocks(_ blocks: [MarkdownText.Block], shift: Int) -> [String] {
        blocks.compactMap { block -> String? in
            switch block {
            case .paragraph(let lines):
                return lines.map { escapeLineStart(pageInlines($0)) }.joined(separator: "\n")
            case .heading(let level, let title):
                let text = pageInlines(title)
                return text.isEmpty ? nil : String(repeating: "#", count: min(6, max(4, level + shift))) + " " + text
            case .list(let ordered, let items):
                return list(ordered: ordered, items.map { pageBlocks($0, shift: shift) })
            case .code(let language, let lines):
                // A "JSON" sample of GenAuth's that is not JSON (JavaScript's `new Date(…)`, comments) is shown as
                // what it is; the import reports it (OpenAPIImporter+Descriptions.swift).
                let isFakeJSON = language.lowercased() == "json" && !OpenAPIImporter.isJSON(lines.joined(separator: "\n"))
                return fenced(language: isFakeJSON ? "javascript" : language, lines)
            case .quote(let inner):
                return quoted(pageBlocks(inner, shift: shift))
            case .details(let summary, let inner):
                // Our own element, rendered by MkDocs (md_in_html) and GitHub alike; the summary is escaped text.
                // HTML: Markdown is not read inside a summary, so it is plain text, HTML-escaped.
                let title = Escaping.htmlEscaped(plainText(summary).trimmingHorizontalWhitespace())
                return "<details markdown=\"1\">\n<summary>\(title.isEmpty ? "…" : title)</summary>\n\n"
                    + pageBlocks(inner, shift: shift).joined(separator: "\n\n") + "\n\n</details>"
            }
        }
    }

    /// Inlines as Markdown: text escaped, code spans (their pipes escaped where they stand in a table cell).
    private static func inlines(_ inlines: [MarkdownText.Inline], inTable: Bool) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): return Escaping.markdownInline(text)
            case .code(let code): return Escaping.codeSpan(code, inTable: inTable)
            case .strong(let inner): return wrap(Self.inlines(inner, inTable: inTable), "**")
            case .emphasis(let inner): return wrap(Self.inlines(inner, inTable: inTable), "*")
            case .link(let inner, let url): return "[\(Self.inlines(inner, inTable: inTable))](\(url))"
            case .lineBreak: return "<br>"
            }
        }.joined()
    }

    private static func pageInlines(_ inlines: [MarkdownText.Inline]) -> String {
        Self.inlines(inlines, inTable: false)
    }

    // MARK: - Table cells

    /// One line for a table cell: blocks joined by `<br>`, headings and summaries bold, code lines as code spans.
    static func cell(_ text: String) -> String {
        cells.value(text) { cellBlocks(MarkdownText.blocks($0), listDepth: 0).joined(separator: "<br>") }
    }

    private static func cellBlocks(_ blocks: [MarkdownText.Block], listDepth: Int) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .paragraph(let lines):
                return lines.map(cellInlines)
            case .heading(_, let title):
                return [wrap(cellInlines(flattened(title)), "**")]
            case .list(let ordered, let items):
                return items.enumerated().flatMap { index, item -> [String] in
                    let marker = String(repeating: "&nbsp;&nbsp;", count: listDepth) + (ordered ? "\(index + 1). " : "- ")
                    let parts = cellBlocks(item, listDepth: listDepth + 1)
                    return parts.isEmpty ? [marker] : [marker + parts[0]] + parts.dropFirst()
                }
            case .code(_, let lines):
                return lines.filter { !$0.trimmingHorizontalWhitespace().isEmpty }.map { Escaping.codeSpan($0) }
            case .quote(let inner):
                return cellBlocks(inner, listDepth: listDepth)
            case .details(let summary, let inner):
                return [wrap(cellInlines(flattened(summary)), "**")] + cellBlocks(inner, listDepth: listDepth)
            }
        }
    }

    private static func cellInlines(_ inlines: [MarkdownText.Inline]) -> String {
        Self.inlines(inlines, inTable: true)
    }

    // MARK: - Doc comments

    /// The lines of a `///` doc comment holding `text` as DocC Markdown: headings and summaries become bold
    /// lines (a heading would start a section of the symbol's page), code with backticks in it becomes text
    /// (DocC reads a double-backtick span as a symbol link), and no line can end the comment.
    static func docComment(_ text: String, indent: String = "") -> [String] {
        let body = docBodies.value(text) { docBlocks(MarkdownText.blocks($0)).joined(separator: "\n\n") }
        guard !body.isEmpty else { return [] }
        return Escaping.docCommentLines(body, indent: indent)
    }

    /// The first paragraph of `text` as one line of DocC Markdown, for a `- Parameter` entry.
    static func docSummary(_ text: String) -> String? {
        docSummaries.value(text, render: renderDocSummary)
    }

    private static func renderDocSummary(_ text: String) -> String? {
        for block in MarkdownText.blocks(text) {
            if case .paragraph(let lines) = block {
                let line = lines.map(docInlines).joined(separator: " ")
                return line.isEmpty ? nil : Escaping.commentSafe(line)
            }
            if case .heading(_, let title) = block { return Escaping.commentSafe(docInlines(title)) }
        }
        return nil
    }

    private static func docBlocks(_ blocks: [MarkdownText.Block]) -> [String] {
        blocks.compactMap { block -> String? in
            switch block {
            case .paragraph(let lines):
                return lines.map { escapeLineStart(docInlines($0)) }.joined(separator: "\n")
            case .heading(_, let title):
                let text = docInlines(flattened(title))
                return text.isEmpty ? nil : wrap(text, "**")
            case .list(let ordered, let items):
                return list(ordered: ordered, items.map(docBlocks))
            case .code(let language, let lines):
                return fenced(language: language, lines)
            case .quote(let inner):
                return quoted(docBlocks(inner))
            case .details(let summary, let inner):
                let title = docInlines(flattened(summary))
                return ([title.isEmpty ? nil : wrap(title, "**")].compactMap { $0 } + docBlocks(inner)).joined(separator: "\n\n")
            }
        }
    }

    private static func docInlines(_ inlines: [MarkdownText.Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): return docText(text)
            case .code(let code):
                return code.contains("`") || code.isEmpty ? docText(code) : "`\(code)`"
            case .strong(let inner): return wrap(docInlines(inner), "**")
            case .emphasis(let inner): return wrap(docInlines(inner), "*")
            case .link(let inner, let url):
                // A guide page of the docs site is no address in a doc comment: its text only.
                return MarkdownText.isWebURL(url) ? "[\(docInlines(inner))](\(url))" : docInlines(inner)
            case .lineBreak: return " "
            }
        }.joined()
    }

    /// Text DocC shows as written: its Markdown punctuation escaped with backslashes.
    private static func docText(_ text: String) -> String {
        guard text.utf8.contains(where: { docSpecial.contains($0) }) else { return text }
        var result = ""
        for character in text {
            if let ascii = character.asciiValue, docSpecial.contains(ascii) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    private static let docSpecial: Set<UInt8> = Set("\\`*_[]<>&#|~".utf8)

    /// A line of plain text for DocC, such as a summary: all of it shown as written.
    static func docPlain(_ text: String) -> String {
        docText(text)
    }

    // MARK: - Shared

    /// A list whose items are rendered blocks; an item's later lines are indented under its marker.
    private static func list(ordered: Bool, _ items: [[String]]) -> String {
        items.enumerated().map { index, blocks in
            let marker = ordered ? "\(index + 1). " : "- "
            let lines = blocks.joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
            let indent = String(repeating: " ", count: marker.count)
            return marker + lines.enumerated().map { $0 == 0 ? String($1) : ($1.isEmpty ? "" : indent + $1) }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// A code block, fenced longer than any fence inside it, with a safe language name.
    private static func fenced(language: String, _ lines: [String]) -> String {
        let body = lines.joined(separator: "\n") + "\n"
        let fence = Escaping.codeFence(for: body)
        return fence + safeLanguage(language) + "\n" + body + fence
    }

    /// A block quote of rendered blocks.
    private static func quoted(_ blocks: [String]) -> String {
        blocks.joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
    }

    /// Inlines without emphasis, for a line that is made bold as a whole (bold inside bold would not close).
    private static func flattened(_ inlines: [MarkdownText.Inline]) -> [MarkdownText.Inline] {
        inlines.flatMap { inline -> [MarkdownText.Inline] in
            switch inline {
            case .strong(let inner), .emphasis(let inner): return flattened(inner)
            case .link(let inner, let url): return [.link(flattened(inner), url: url)]
            default: return [inline]
            }
        }
    }

    /// The text of inlines, without any markup.
    private static func plainText(_ inlines: [MarkdownText.Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text), .code(let text): return text
            case .strong(let inner), .emphasis(let inner), .link(let inner, _): return plainText(inner)
            case .lineBreak: return " "
            }
        }.joined()
    }

    /// `**text**`, or the text alone where it would be empty or already starts or ends with the marker.
    private static func wrap(_ text: String, _ marker: String) -> String {
        let trimmed = text.trimmingHorizontalWhitespace()
        guard !trimmed.isEmpty, trimmed == text else { return text }
        return marker + text + marker
    }

    /// A line that would start a block (a heading, list, quote or rule) gets its first character escaped.
    private static func escapeLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if "#-+=>".contains(first) { return "\\" + line }
        if first.isASCIIDigit {
            let digits = line.prefix { $0.isASCIIDigit }
            if let marker = line.dropFirst(digits.count).first, marker == "." || marker == ")" {
                return digits + "\\" + line.dropFirst(digits.count)
            }
        }
        return line
    }

    /// A fence's info string: a language name, nothing else.
    private static func safeLanguage(_ language: String) -> String {
        language.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "+") } ? language : ""
    }
}
