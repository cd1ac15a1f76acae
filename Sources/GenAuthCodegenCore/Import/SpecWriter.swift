import Yams

/// Writes a YAML node tree as a spec file: block style, two-space indentation, keys in tree order, strings
/// quoted wherever YAML would read them as something else. The loader reads back exactly the same values.
enum SpecWriter {
    static func write(_ root: Node, header: [String]) -> String {
        var lines = header.map { "# " + $0 }
        writeMapping(root, indent: 0, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func writeMapping(_ node: Node, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for (_, value, keyNode) in YAMLTree.pairs(node) {
            let keyText = scalarText(keyNode, isString: true)
            switch value {
            case .mapping(let mapping) where mapping.count > 0:
                if isShortTextMapping(value) {
                    lines.append("\(pad)\(keyText): \(flow(value))")
                } else {
                    lines.append("\(pad)\(keyText):")
                    writeMapping(value, indent: indent + 2, into: &lines)
                }
            case .mapping:
                lines.append("\(pad)\(keyText): {}")
            case .sequence(let sequence):
                if sequence.allSatisfy({ if case .scalar = $0 { return true } else { return false } }), flow(value).count <= 80 {
                    lines.append("\(pad)\(keyText): \(flow(value))")
                } else if sequence.isEmpty {
                    lines.append("\(pad)\(keyText): []")
                } else {
                    lines.append("\(pad)\(keyText):")
                    for item in sequence { writeSequenceItem(item, indent: indent + 2, into: &lines) }
                }
            case .scalar:
                writeScalarEntry(keyText, value, pad: pad, into: &lines)
            case .alias:
                lines.append("\(pad)\(keyText): null")
            }
        }
    }

    private static func writeSequenceItem(_ node: Node, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        switch node {
        case .mapping, .sequence:
            lines.append("\(pad)- \(flow(node))")
        default:
            lines.append("\(pad)- \(scalarText(node, isString: isString(node)))")
        }
    }

    private static func writeScalarEntry(_ key: String, _ value: Node, pad: String, into lines: inout [String]) {
        let text = value.string ?? ""
        if isString(value), text.contains("\n"), let block = literalBlock(text, indent: pad + "  ") {
            lines.append("\(pad)\(key): \(block.header)")
            lines.append(contentsOf: block.lines)
        } else {
            lines.append("\(pad)\(key): \(scalarText(value, isString: isString(value)))")
        }
    }

    /// `{ en: …, zh: … }` on one line when short.
    private static func isShortTextMapping(_ node: Node) -> Bool {
        let entries = YAMLTree.pairs(node)
        guard entries.allSatisfy({ Language(rawValue: $0.key) != nil && !($0.value.string ?? "\n").contains("\n") }) else { return false }
        return flow(node).count <= 90
    }

    /// Flow style: `[a, b]`, `{ key: value }`.
    static func flow(_ node: Node) -> String {
        switch node {
        case .scalar: return scalarText(node, isString: isString(node))
        case .sequence(let sequence): return "[" + sequence.map(flow).joined(separator: ", ") + "]"
        case .mapping:
            let entries = YAMLTree.pairs(node).map { "\(scalarText($0.keyNode, isString: true)): \(flow($0.value))" }
            return entries.isEmpty ? "{}" : "{ " + entries.joined(separator: ", ") + " }"
        case .alias: return "null"
        }
    }

    static func isString(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.tagName == .str
    }

    /// A scalar as YAML: plain where that reads back as the same string, else double-quoted.
    static func scalarText(_ node: Node, isString: Bool) -> String {
        let text = node.string ?? ""
        guard isString else { return text }
        return isPlainSafe(text) ? text : quoted(text)
    }

    private static func isPlainSafe(_ text: String) -> Bool {
        // Every character YAML's plain scalars care about is ASCII: the text is looked at byte by byte.
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { return false }
        if "-?:,[]{}#&*!|>'\"%@`~".utf8.contains(first) || last == UInt8(ascii: ":") { return false }
        var previous: UInt8 = 0
        var mayHideInvisible = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"): return false
            case UInt8(ascii: " ") where previous == UInt8(ascii: ":"): return false
            case UInt8(ascii: "#") where previous == UInt8(ascii: " "): return false
            case 0..<0x20, 0x7F: return false
            case 0xC2, 0xE2, 0xEF: mayHideInvisible = true  // lead bytes of C1 controls, U+2028/9, U+FEFF
            default: break
            }
            previous = byte
        }
        if mayHideInvisible && text.unicodeScalars.contains(where: Escaping.isInvisible) { return false }
        // Words and numbers that YAML (1.1 or 1.2) would read as another type.
        if bytes.count <= 6 {
            let lowered = text.lowercased()
            if ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", "-.inf", ".nan"].contains(lowered) { return false }
        }
        if Double(text) != nil || Int(text) != nil { return false }
        if first == UInt8(ascii: "+") || first == UInt8(ascii: ".") { return false }
        if first >= 0x80 ? text.first!.isNumber : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) { return false }
        return true
    }

    /// A double-quoted YAML scalar: JSON's string syntax is valid YAML.
    static func quoted(_ text: String) -> String {
        Escaping.jsonString(text)
    }

    /// `|-` (or `|`) and the indented lines, when the text survives a literal block unchanged.
    private static func literalBlock(_ text: String, indent: String) -> (header: String, lines: [String])? {
        var body = text
        var header = "|-"
        if body.hasSuffix("\n") {
            body.removeLast()
            header = "|"
            if body.hasSuffix("\n") { return nil }
        }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, !first.hasPrefix(" "), !first.hasPrefix("\t"), !first.isEmpty else { return nil }
        for line in lines {
            if line.hasSuffix(" ") || line.hasSuffix("\t") { return nil }
            if line.unicodeScalars.contains(where: { $0 != "\t" && Escaping.isInvisible($0) }) { return nil }
        }
        return (header, lines.map { $0.isEmpty ? "" : indent + $0 })
    }
}
