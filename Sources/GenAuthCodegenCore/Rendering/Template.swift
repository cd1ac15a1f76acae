/// A Mustache template compiled once into a tree: text runs, variables, sections and partials, every tag
/// with its position. ``TemplateRenderer`` walks the tree over ``TemplateValue``s.
///
/// The language is Mustache's (https://mustache.github.io/mustache.5.html): variables, sections,
/// inverted sections, comments, partials and set delimiters, with the specification's whitespace rules
/// (a section, comment or partial tag alone on its line leaves no line behind; a standalone partial is
/// indented like its tag). Nothing is HTML-escaped: the output is Swift and Markdown, and contexts escape
/// what they hold. Lambdas do not exist (contexts are data), and swift-mustache's extensions (transforms,
/// inheritance, pragmas) are errors rather than text that renders differently than it reads.
struct Template: Sendable {
    let name: String
    let nodes: [TemplateNode]
}

indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName)
    case section(TemplateName, inverted: Bool, [TemplateNode])
    /// `indent`: the whitespace before a standalone partial tag, put before every line of the partial.
    case partial(String, indent: [UInt8], SourceLocation)
}

/// A tag's name: `.` (the current value) or dotted parts, split once when the template is compiled, and
/// where the tag is. A class: rendering passes it around for every tag, and a class is one reference.
final class TemplateName: Sendable {
    let text: String
    let parts: [String]
    let location: SourceLocation

    init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        self.location = location
    }
}

/// A template that cannot be compiled: the message and where.
struct TemplateSyntaxError: Error {
    var message: String
    var location: SourceLocation
}

extension Template {
    /// Compiles `source`; partials are referred to by name and resolved when rendering (see ``TemplateSet``).
    init(compiling source: TemplateSource) throws(TemplateSyntaxError) {
        var parser = TemplateParser(bytes: Array(source.text.utf8), file: source.displayPath)
        self.init(name: source.name, nodes: try parser.parse())
    }
}

/// The names of the partials a template refers to, with where.
extension Template {
    var partials: [(name: String, location: SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .partial(let name, _, let location): found.append((name, location))
                case .section(_, _, let children): walk(children)
                case .text, .variable: break
                }
            }
        }
        walk(nodes)
        return found
    }
}

private struct TemplateParser {
    let bytes: [UInt8]
    let file: String
    private static let defaultOpen: [UInt8] = Array("{{".utf8)
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    // Positions are found by counting from the last one found: tags come in order.
    private var countedUpTo = 0
    private var line = 1
    private var lineStart = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private enum TagKind {
        case variable, section, inverted, close, partial, comment, delimiters
        var canStandAlone: Bool { self != .variable }
    }

    private struct OpenSection {
        var name: TemplateName
        var inverted: Bool
        var nodes: [TemplateNode]
    }

    mutating func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var sections: [OpenSection] = []
        var textStart = 0
        var searchFrom = 0

        func emit(_ node: TemplateNode) {
            if sections.isEmpty { nodes.append(node) } else { sections[sections.count - 1].nodes.append(node) }
        }
        func emitText(_ range: Range<Int>) {
            if !range.isEmpty { emit(.text(Array(bytes[range]))) }
        }

        while let tagStart = find(open, from: searchFrom) {
            let location = self.location(of: tagStart)
            var cursor = tagStart + open.count
            var triple = false
            if open == Self.defaultOpen, cursor < bytes.count, bytes[cursor] == UInt8(ascii: "{") {
                triple = true
                cursor += 1
            }
            let closing = triple ? [UInt8(ascii: "}")] + close : close
            guard let bodyEnd = find(closing, from: cursor) else {
                throw TemplateSyntaxError(message: "unclosed tag: no '\(String(decoding: closing, as: UTF8.self))' after it", location: location)
            }
            let tagEnd = bodyEnd + closing.count
            var body = String(decoding: bytes[cursor..<bodyEnd], as: UTF8.self).trimmingMustacheSpace()
            var kind = TagKind.variable
            if !triple, let sigil = body.first {
                switch sigil {
                case "#": kind = .section
                case "^": kind = .inverted
                case "/": kind = .close
                case ">": kind = .partial
                case "!": kind = .comment
                case "=": kind = .delimiters
                case "{", "$", "<", "%":
                    throw TemplateSyntaxError(
                        message: "'{{\(sigil)' tags are not supported: templates use plain Mustache (variables, sections, partials, comments)",
                        location: location)
                default: break
                }
                if kind != .variable || sigil == "&" { body = String(body.dropFirst()).trimmingMustacheSpace() }
            }

            // A tag alone on its line (only spaces or tabs beside it) takes the whole line with it.
            var standaloneIndent: Range<Int>?
            if kind.canStandAlone, let lineBegin = whitespaceBack(from: tagStart), let lineEnd = whitespaceAndNewline(after: tagEnd) {
                let indentStart = max(lineBegin, textStart)
                emitText(textStart..<indentStart)
                standaloneIndent = indentStart..<tagStart
                textStart = lineEnd
            } else {
                emitText(textStart..<tagStart)
                textStart = tagEnd
            }
            searchFrom = tagEnd

            switch kind {
            case .comment:
                break
            case .delimiters:
                try setDelimiters(body, at: location)
            case .variable:
                emit(.variable(try checkedName(body, at: location)))
            case .section, .inverted:
                sections.append(OpenSection(name: try checkedName(body, at: location), inverted: kind == .inverted, nodes: []))
            case .close:
                guard let section = sections.popLast() else {
                    throw TemplateSyntaxError(message: "'{{/\(body)}}' closes no section", location: location)
                }
                guard section.name.text == body else {
                    throw TemplateSyntaxError(
                        message: "'{{/\(body)}}' does not close '{{\(section.inverted ? "^" : "#")\(section.name.text)}}' (opened at line \(section.name.location.line))",
                        location: location)
                }
                emit(.section(section.name, inverted: section.inverted, section.nodes))
            case .partial:
                guard !body.isEmpty, !body.contains(where: \.isWhitespace) else {
                    throw TemplateSyntaxError(message: "invalid partial name '\(body)'", location: location)
                }
                emit(.partial(body, indent: standaloneIndent.map { Array(bytes[$0]) } ?? [], location))
            }
        }
        if let unclosed = sections.last {
            throw TemplateSyntaxError(
                message: "'{{\(unclosed.inverted ? "^" : "#")\(unclosed.name.text)}}' is never closed (expected '{{/\(unclosed.name.text)}}')",
                location: unclosed.name.location)
        }
        emitText(textStart..<bytes.count)
        return nodes
    }

    private mutating func setDelimiters(_ body: String, at location: SourceLocation) throws(TemplateSyntaxError) {
        // `{{=<% %>=}}`: the body is `<% %>=` once the leading `=` is dropped.
        guard body.hasSuffix("=") else {
            throw TemplateSyntaxError(message: "a set-delimiters tag must end with '='", location: location)
        }
        let parts = body.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw TemplateSyntaxError(message: "a set-delimiters tag needs two delimiters, e.g. '{{=<% %>=}}'", location: location)
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    private func checkedName(_ body: String, at location: SourceLocation) throws(TemplateSyntaxError) -> TemplateName {
        guard !body.isEmpty else { throw TemplateSyntaxError(message: "empty tag", location: location) }
        if body.contains("(") || body.contains(")") {
            throw TemplateSyntaxError(message: "'\(body)': transforms are not supported; prepare the value in its context", location: location)
        }
        guard !body.contains(where: \.isWhitespace), body == "." || !body.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
            throw TemplateSyntaxError(message: "invalid name '\(body)'", location: location)
        }
        return TemplateName(body, at: location)
    }

    /// The start of the line holding `index` if only spaces or tabs stand before `index` on it.
    private func whitespaceBack(from index: Int) -> Int? {
        var position = index
        while position > 0 {
            let byte = bytes[position - 1]
            if byte == UInt8(ascii: "\n") { return position }
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") else { return nil }
            position -= 1
        }
        return 0
    }

    /// Just past the end of the line from `index` (its newline included) if only spaces or tabs follow.
    private func whitespaceAndNewline(after index: Int) -> Int? {
        var position = index
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): position += 1
            case UInt8(ascii: "\n"): return position + 1
            case UInt8(ascii: "\r") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\n"): return position + 2
            default: return nil
            }
        }
        return position
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// 1-based line and column (Unicode scalars) of a byte offset at or after the last one asked for.
    private mutating func location(of offset: Int) -> SourceLocation {
        while countedUpTo < offset {
            if bytes[countedUpTo] == UInt8(ascii: "\n") {
                line += 1
                lineStart = countedUpTo + 1
            }
            countedUpTo += 1
        }
        return SourceLocation(file: file, line: line, column: SourceLocation.column(after: bytes[lineStart..<offset]))
    }
}

private extension String {
    func trimmingMustacheSpace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
