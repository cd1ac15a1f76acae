/// Renders a compiled ``Template`` over a prepared context into bytes.
///
/// Names are looked up as Mustache does: the first part of `a.b` on the context stack from the top, the
/// rest inside what it found. Unlike Mustache it is strict: a name that no context on the stack has (a
/// typo, which Mustache would render as nothing) is reported with its tag's position. A property that is
/// nil in this context is not a problem: it renders nothing, or skips its section.
struct TemplateRenderer {
    private let templates: [String: Template]
    private(set) var output: [UInt8] = []
    private(set) var problems: [Diagnostic] = []
    private var reported = Set<Diagnostic>()
    private var stack: [TemplateValue] = []
    /// The indentation of the standalone partials being rendered, put before every line they write.
    private var indent: [UInt8] = []
    private var atLineStart = true
    private var partialDepth = 0
    static let maximumPartialDepth = 32

    init(templates: [String: Template]) {
        self.templates = templates
    }

    mutating func render(_ template: Template, _ context: TemplateValue) {
        output.reserveCapacity(4096)
        stack = [context]
        render(template.nodes)
    }

    private mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                writeTemplateText(bytes)
            case .variable(let name):
                switch lookup(name) {
                case nil: break
                case .text(let text)?: writeValue(text)
                case .number(let number)?: writeValue(String(number))
                case .flag(let flag)?: writeValue(flag ? "true" : "false")
                case let value?:
                    report("'{{\(name.text)}}' is \(value.kindName), not text: open it as a section ('{{#\(name.text)}}…{{/\(name.text)}}')", at: name.location)
                }
            case .section(let name, let inverted, let children):
                let value = lookup(name)
                if inverted {
                    if Self.isFalsy(value) { render(children) }
                    continue
                }
                switch value {
                case nil, .flag(false)?:
                    break
                case .flag(true)?:
                    render(children)
                case .list(let items)?:
                    for item in items {
                        stack.append(item)
                        render(children)
                        stack.removeLast()
                    }
                case let value?:
                    stack.append(value)
                    render(children)
                    stack.removeLast()
                }
            case .partial(let name, let partialIndent, let location):
                guard let partial = templates[name] else {
                    report("unknown partial '\(name)'" + Suggestions.hint(for: name, in: templates.keys), at: location)
                    continue
                }
                guard partialDepth < Self.maximumPartialDepth else {
                    report("partials nested more than \(Self.maximumPartialDepth) deep (does '\(name)' include itself for ever?)", at: location)
                    continue
                }
                let saved = (indent, partialDepth)
                indent += partialIndent
                partialDepth += 1
                if !partialIndent.isEmpty { atLineStart = true }
                render(partial.nodes)
                (indent, partialDepth) = saved
            }
        }
    }

    private static func isFalsy(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .flag(false)?: return true
        case .list(let items)?: return items.isEmpty
        default: return false
        }
    }

    /// The value `name` names on the stack; nil for a nil property or a name that resolves nowhere (reported).
    private mutating func lookup(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateValue??
        var index = stack.count - 1
        while index >= 0 {
            if case .object(let object) = stack[index], let member = object.member(first) {
                found = member
                break
            }
            index -= 1
        }
        guard var current = found else {
            let known = stack.flatMap { frame -> [String] in
                if case .object(let object) = frame { return Array(object.keys) }
                return []
            }
            report("unknown variable '\(first)'" + Suggestions.hint(for: first, in: known), at: name.location)
            return nil
        }
        for part in name.parts.dropFirst() {
            guard let value = current else { return nil }  // a nil property: nothing inside it to look at
            guard case .object(let object) = value else {
                report("unknown variable '\(name.text)': '\(part)' is looked up in \(value.kindName)", at: name.location)
                return nil
            }
            guard let member = object.member(part) else {
                report("unknown variable '\(name.text)'" + Suggestions.hint(for: part, in: object.keys), at: name.location)
                return nil
            }
            current = member
        }
        return current
    }

    private mutating func writeTemplateText(_ bytes: [UInt8]) {
        guard !indent.isEmpty else {
            output.append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            if atLineStart && byte != UInt8(ascii: "\n") { output.append(contentsOf: indent) }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
    }

    /// A value's text: indented where it starts a line of an indented partial, its own lines left as they are.
    private mutating func writeValue(_ text: String) {
        guard !text.isEmpty else { return }
        if !indent.isEmpty {
            if atLineStart { output.append(contentsOf: indent) }
            atLineStart = false
        }
        output.append(contentsOf: text.utf8)
    }

    private mutating func report(_ message: String, at location: SourceLocation) {
        let problem = Diagnostic.error(message, at: location)
        if reported.insert(problem).inserted { problems.append(problem) }
    }
}
