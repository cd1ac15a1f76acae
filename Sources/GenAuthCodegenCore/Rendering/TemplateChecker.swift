import Foundation

/// Makes a template's use of its context strict: Mustache renders an unknown variable or partial as
/// nothing, so a typo in a template would silently drop text from every generated file. This walks a
/// template's tags alongside the real context values and reports every name that resolves nowhere.
struct TemplateChecker {
    private let sources: [String: TemplateSource]
    private var tokensByName: [String: [Tag]] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    private var reported = Set<String>()

    init(sources: [String: TemplateSource]) {
        self.sources = sources
        for (name, source) in sources {
            tokensByName[name] = Self.tags(in: source.text, file: source.displayPath)
        }
    }

    struct Tag {
        enum Kind { case variable, section, inverted, close, partial, other }
        var kind: Kind
        var name: String
        var location: SourceLocation
    }

    /// Tags whose name has resolved at least once. A template all of whose names (and its partials')
    /// have resolved is not walked again, nor one walked `checksPerTemplate` times: the contexts of one
    /// template share their shape, so the first ones find every mistake a run can show, and checking costs
    /// next to nothing after them.
    private var resolved = Set<SourceLocation>()
    private var finished = Set<String>()
    private var checks: [String: Int] = [:]
    private let checksPerTemplate = 64

    /// Whether `template` still has names to learn (otherwise its contexts need not be built for the checker).
    func needsCheck(_ template: String) -> Bool {
        !finished.contains(template)
    }

    /// Checks `template` rendered with `context`.
    mutating func check(_ template: String, _ context: Any) {
        guard !finished.contains(template) else { return }
        walk(template, stack: [context], depth: 0)
        checks[template, default: 0] += 1
        if checks[template]! >= checksPerTemplate || isCovered(template, depth: 0) { finished.insert(template) }
    }

    private func isCovered(_ template: String, depth: Int) -> Bool {
        guard depth < 16, let tags = tokensByName[template] else { return true }
        for tag in tags {
            switch tag.kind {
            case .variable, .section, .inverted:
                if tag.name != ".", !resolved.contains(tag.location) { return false }
            case .partial:
                if !isCovered(tag.name, depth: depth + 1) { return false }
            case .close, .other:
                break
            }
        }
        return true
    }

    private mutating func walk(_ template: String, stack: [Any], depth: Int) {
        guard depth < 16, let tags = tokensByName[template] else { return }
        var index = 0
        walk(tags, from: &index, until: nil, stack: stack, template: template, depth: depth)
    }

    /// Walks tags from `index` to the close of `until` (or the end), with `stack` as the context stack.
    private mutating func walk(_ tags: [Tag], from index: inout Int, until: String?, stack: [Any], template: String, depth: Int) {
        while index < tags.count {
            let tag = tags[index]
            index += 1
            switch tag.kind {
            case .close:
                if tag.name == until { return }
            case .variable:
                if tag.name != "." { _ = resolve(tag, in: stack) }
            case .partial:
                if sources[tag.name] == nil {
                    report(tag, "unknown partial '\(tag.name)'" + Suggestions.hint(for: tag.name, in: sources.keys))
                } else {
                    walk(tag.name, stack: stack, depth: depth + 1)
                }
            case .section, .inverted:
                let start = index
                let value: Any? = tag.name == "." ? stack.last : resolve(tag, in: stack)
                var visited = false
                if tag.kind == .section, let value {
                    for element in Self.sectionElements(value) {
                        var inner = start
                        walk(tags, from: &inner, until: tag.name, stack: stack + [element], template: template, depth: depth)
                        index = inner
                        visited = true
                    }
                } else if tag.kind == .inverted {
                    var inner = start
                    walk(tags, from: &inner, until: tag.name, stack: stack, template: template, depth: depth)
                    index = inner
                    visited = true
                }
                if !visited { index = Self.skip(tags, from: start, name: tag.name) }
            case .other:
                break
            }
        }
    }

    /// The values a section is rendered with: each element of a list, the value itself when it is "truthy"
    /// (prepared contexts hold only nodes, lists, strings, booleans and integers).
    private static func sectionElements(_ value: Any) -> [Any] {
        if let flag = value as? Bool { return flag ? [value] : [] }
        if let list = value as? [Any] { return list }
        return [value]
    }

    private static func skip(_ tags: [Tag], from start: Int, name: String) -> Int {
        var depth = 0
        var index = start
        while index < tags.count {
            let tag = tags[index]
            index += 1
            if (tag.kind == .section || tag.kind == .inverted) && tag.name == name { depth += 1 }
            if tag.kind == .close && tag.name == name {
                if depth == 0 { return index }
                depth -= 1
            }
        }
        return index
    }

    /// The value `tag.name` names, looked up the way Mustache does: first name on the stack from the top,
    /// then the rest of a dotted name inside it.
    private mutating func resolve(_ tag: Tag, in stack: [Any]) -> Any? {
        let parts = tag.name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        guard let found = stack.reversed().lazy.compactMap({ Self.child(first, of: $0) }).first else {
            let known = stack.flatMap { Self.keys(of: $0) }
            report(tag, "unknown variable '\(first)'" + Suggestions.hint(for: first, in: known))
            return nil
        }
        var current = found
        for part in parts.dropFirst() {
            guard let object = current else { return nil }  // a nil value: the rest cannot be checked
            guard let next = Self.child(part, of: object) else {
                report(tag, "unknown variable '\(tag.name)'" + Suggestions.hint(for: part, in: Self.keys(of: object)))
                return nil
            }
            current = next
        }
        resolved.insert(tag.location)
        return current
    }

    /// A stored property of a prepared context (nil-valued optionals count: the key exists).
    /// `nil` when there is no such key; `.some(nil)` when the key holds a nil optional.
    private static func child(_ name: String, of object: Any) -> Any?? {
        guard let node = object as? ContextNode, node.keys.contains(name) else { return nil }
        return .some(node.values[name])
    }

    private static func keys(of object: Any) -> [String] {
        (object as? ContextNode).map { Array($0.keys) } ?? []
    }

    private mutating func report(_ tag: Tag, _ message: String) {
        let key = "\(tag.location)|\(message)"
        guard reported.insert(key).inserted else { return }
        diagnostics.append(.error(message, at: tag.location))
    }

    // MARK: - Tags

    /// The tags of a template with their positions. Only the default `{{ }}` delimiters are supported.
    static func tags(in text: String, file: String) -> [Tag] {
        var tags: [Tag] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0, line = 1, column = 1
        func advance() {
            if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        while index + 1 < scalars.count {
            guard scalars[index] == "{", scalars[index + 1] == "{" else {
                advance()
                continue
            }
            let location = SourceLocation(file: file, line: line, column: column)
            advance(); advance()
            var triple = false
            if index < scalars.count, scalars[index] == "{" {
                triple = true
                advance()
            }
            var body = ""
            while index + 1 < scalars.count, !(scalars[index] == "}" && scalars[index + 1] == "}") {
                body.unicodeScalars.append(scalars[index])
                advance()
            }
            if index + 1 < scalars.count { advance(); advance() }
            if triple, index < scalars.count, scalars[index] == "}" { advance() }
            let trimmed = body.trimmingCharacters(in: .whitespaces)
            guard let sigil = trimmed.first else { continue }
            let name = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "#": tags.append(Tag(kind: .section, name: name, location: location))
            case "^": tags.append(Tag(kind: .inverted, name: name, location: location))
            case "/": tags.append(Tag(kind: .close, name: name, location: location))
            case ">": tags.append(Tag(kind: .partial, name: name, location: location))
            case "&": tags.append(Tag(kind: .variable, name: name, location: location))
            case "!", "%", "=", "$", "<": tags.append(Tag(kind: .other, name: name, location: location))
            default: tags.append(Tag(kind: .variable, name: trimmed, location: location))
            }
        }
        return tags
    }
}
