import Foundation
import GenAuthCore
import Yams

extension OpenAPIImporter {
    // MARK: - Values

    /// An example or default, checked against the schema: converted where the document uses the wrong JSON
    /// type for an obvious value (`"60000"` for a number), dropped and reported where it cannot be.
    mutating func exampleValue(_ value: Node, schema: Node?, pointer: Pointer, propertyName: String) -> Node? {
        var schema = schema
        if let allOf = YAMLTree.value(schema, "allOf")?.array(), allOf.count == 1 { schema = allOf[0] }
        if YAMLTree.value(schema, "$ref") != nil {
            return nil  // examples of objects are built from their own properties' examples
        }
        let type = YAMLTree.value(schema, "type")?.string
        let text = value.string
        func drop(_ why: String) -> Node? {
            warn(pointer, "\(why); dropped", at: value)
            return nil
        }
        if let values = YAMLTree.value(schema, "enum"), type != "array" {
            guard let text, values.array().contains(where: { $0.string == text }) else {
                return drop("'\(SpecWriter.flow(value))' is not one of the enum's values")
            }
            return YAMLTree.string(text)
        }
        switch type {
        case "string"?:
            guard case .scalar(let scalar) = value, let text else { return drop("a \(Self.kind(value)) where a string is expected") }
            if scalar.tagName == .bool || scalar.tagName == .null || text.isEmpty && scalar.tagName != .str {
                return drop("'\(text)' where a string is expected")
            }
            if YAMLTree.value(schema, "format")?.string == "date-time", GenAuthDate.parse(text) == nil {
                return drop("'\(text)' is not an ISO 8601 date-time")
            }
            if scalar.tagName != .str { warn(pointer, "\(text) is not a string; it is kept as the string '\(text)'", at: value) }
            return YAMLTree.string(text)
        case "number"?, "integer"?:
            let integer = type == "integer" || settings.isInteger(propertyName)
            guard case .scalar = value, let text, let number = Double(text), number.isFinite else {
                return drop("'\(SpecWriter.flow(value))' where a number is expected")
            }
            if integer {
                guard number == number.rounded(), abs(number) < 9e15 else { return drop("'\(text)' is not an integer") }
                if value.scalar?.tagName == .str { warn(pointer, "the string '\(text)' is kept as the number \(Int(number))", at: value) }
                return YAMLTree.integer(Int(number))
            }
            if value.scalar?.tagName == .str { warn(pointer, "the string '\(text)' is kept as the number \(text)", at: value) }
            return YAMLTree.number(number)
        case "boolean"?:
            guard let text, let flag = ["true": true, "false": false][text] else {
                return drop("'\(SpecWriter.flow(value))' where true or false is expected")
            }
            if value.scalar?.tagName == .str { warn(pointer, "the string '\(text)' is kept as the boolean \(text)", at: value) }
            return YAMLTree.bool(flag)
        case "array"?:
            guard case .sequence(let items) = value else { return drop("a \(Self.kind(value)) where an array is expected") }
            let itemSchema = YAMLTree.value(schema, "items")
            if YAMLTree.value(itemSchema, "$ref") != nil { return nil }
            var converted: [Node] = []
            for (index, item) in items.enumerated() {
                if let values = YAMLTree.value(itemSchema, "enum") {
                    guard let text = item.string, values.array().contains(where: { $0.string == text }) else {
                        warn(pointer.appending(String(index)), "'\(SpecWriter.flow(item))' is not one of the items' enum values; left out of the example", at: item)
                        continue
                    }
                    converted.append(YAMLTree.string(text))
                } else if let node = exampleValue(item, schema: itemSchema, pointer: pointer.appending(String(index)), propertyName: propertyName) {
                    converted.append(node)
                }
            }
            return YAMLTree.sequence(converted)
        case "object"?:
            // A free-form object (json) or a map: any object, kept as the document has it; nothing else.
            guard case .mapping = value else {
                return drop("\(Self.kind(value) == "array" ? "an" : "a") \(Self.kind(value)) where an object is expected")
            }
            return Self.plainCopy(value)
        default:
            // No type: any value, kept as the document has it.
            return Self.plainCopy(value)
        }
    }

    /// A copy of a value node with explicit tags, so that the writer quotes strings that look like numbers.
    static func plainCopy(_ node: Node) -> Node {
        switch node {
        case .scalar(let scalar):
            switch scalar.tagName {
            case .int, .float, .bool, .null: return Node(scalar.string, scalar.tag)
            default: return YAMLTree.string(scalar.string)
            }
        case .sequence(let sequence): return YAMLTree.sequence(sequence.map(plainCopy))
        case .mapping: return YAMLTree.mapping(YAMLTree.pairs(node).map { ($0.key, plainCopy($0.value)) })
        case .alias: return YAMLTree.null
        }
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar: return "scalar"
        case .mapping: return "object"
        case .sequence: return "array"
        case .alias: return "alias"
        }
    }

    /// Trailing whitespace and blank lines off, line breaks normalized.
    mutating func insertDescription(_ entries: [(String, Node)], _ text: String, enumValues: Node?) -> [(String, Node)] {
        var entries = entries
        var text = text
        if let enumValues, let index = entries.firstIndex(where: { $0.0 == "enum" }) {
            let (descriptions, remaining) = Self.enumDescriptions(text, values: enumValues)
            text = remaining
            if !descriptions.isEmpty {
                entries[index].1 = enumNode(enumValues, pointer: Pointer([]), descriptions: descriptions)
            }
        }
        guard !text.isEmpty else { return entries }
        let position = (entries.firstIndex { $0.0 == "default" || $0.0 == "example" }) ?? entries.count
        entries.insert(("description", YAMLTree.text([(.zh, text)])), at: position)
        return entries
    }

    static func clean(_ text: String) -> String {
        var lines = Escaping.normalizedLines(text).map { $0.trimmingTrailingWhitespace() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }
}
