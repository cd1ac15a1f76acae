import Yams

/// Where a schema's value stands: a parameter (whose object may carry constraints of its own, as GenAuth's
/// management document puts `maxLength` there) that may have to be sent in the URL.
struct ValueContext {
    var parameter: Node?
    /// A query or path parameter: an empty value would be read as none.
    var inURL = false
}

extension OpenAPIImporter {
    static let stringConstraintKeys = ["minLength", "maxLength"]
    static let arrayConstraintKeys = ["minItems", "maxItems", "uniqueItems"]
    static let numberConstraintKeys = ["minimum", "maximum"]

    /// The spec's constraint entries for a schema: the ones JSON Schema applies to its type, from the schema
    /// or else from the parameter object; `items` for the elements of an array.
    func constraintEntries(_ schema: Node?, parameter: Node?) -> [(String, Node)] {
        var entries = Self.constraintEntries(of: schema, fallback: parameter)
        if YAMLTree.value(schema, "type")?.string == "array", let items = YAMLTree.value(schema, "items") {
            let itemEntries = Self.constraintEntries(of: items, fallback: nil).filter { !Self.arrayConstraintKeys.contains($0.0) }
            if !itemEntries.isEmpty { entries.append(("items", YAMLTree.mapping(itemEntries))) }
        }
        return entries
    }

    private static func constraintEntries(of schema: Node?, fallback: Node?) -> [(String, Node)] {
        let keys: [String]
        switch YAMLTree.value(schema, "type")?.string {
        case "string"?: keys = YAMLTree.value(schema, "format") == nil ? stringConstraintKeys : []
        case "array"?: keys = arrayConstraintKeys
        case "number"?, "integer"?: keys = numberConstraintKeys
        default: keys = []
        }
        return keys.compactMap { key -> (String, Node)? in
            guard let node = YAMLTree.value(schema, key) ?? YAMLTree.value(fallback, key), let text = node.string else { return nil }
            if key == "uniqueItems" { return text == "true" ? (key, YAMLTree.bool(true)) : nil }
            guard let number = Double(text), number.isFinite else { return nil }
            if numberConstraintKeys.contains(key) { return (key, YAMLTree.number(number)) }
            guard number >= 0, number == number.rounded() else { return nil }
            return (key, YAMLTree.integer(Int(number)))
        }
    }

    /// The constraints of `schema` (and its parameter) as the validator will read them back.
    func constraints(_ schema: Node?, context: ValueContext) -> (Constraints, Constraints) {
        func read(_ entries: [(String, Node)]) -> Constraints {
            var result = Constraints()
            for (key, node) in entries {
                let number = node.string.flatMap(Double.init)
                switch key {
                case "minLength": result.minLength = number.map { Int($0) }
                case "maxLength": result.maxLength = number.map { Int($0) }
                case "minItems": result.minItems = number.map { Int($0) }
                case "maxItems": result.maxItems = number.map { Int($0) }
                case "uniqueItems": result.uniqueItems = node.string == "true"
                case "minimum": result.minimum = number
                case "maximum": result.maximum = number
                default: break
                }
            }
            return result
        }
        let entries = constraintEntries(schema, parameter: context.parameter)
        let items = entries.first { $0.0 == "items" }.map { YAMLTree.pairs($0.1).map { ($0.key, $0.value) } } ?? []
        return (read(entries), read(items))
    }

    /// An example that keeps its constraints, or the best part of it: array items that break them are left out;
    /// anything else that breaks them is dropped, so that samples use a value that keeps them. Each is reported
    /// with its JSON pointer, since the document contradicts itself there.
    mutating func keptExample(_ example: Node, schema: Node?, context: ValueContext, pointer: Pointer, at node: Node) -> Node? {
        let value = Self.value(of: example)
        if context.inURL, Validator.isEmptyInURL(value) {
            warn(pointer, "the example is empty, but a parameter's value in a URL must not be: the server reads an empty value as none; dropped, the samples use a placeholder", at: node)
            return nil
        }
        let (constraints, items) = constraints(schema, context: context)
        guard case .array(let elements) = value, !items.isEmpty, case .sequence(let itemNodes) = example else {
            if let violation = constraints.violation(of: value) {
                warn(pointer, "the example \(violation); dropped, the samples use a value that keeps it", at: node)
                return nil
            }
            return example
        }
        var kept: [Node] = []
        for (index, element) in elements.enumerated() {
            if let violation = items.violation(of: element) {
                warn(pointer.appending(String(index)), "this item of the example \(violation); left out of the example", at: node)
            } else {
                kept.append(itemNodes[index])
            }
        }
        let remaining = elements.filter { items.violation(of: $0) == nil }
        if let violation = constraints.violation(of: .array(remaining)) {
            warn(pointer, "the example \(violation) once items that break 'items' are left out; dropped, the samples use a value that keeps it", at: node)
            return nil
        }
        return YAMLTree.sequence(kept)
    }

    /// A converted example as a value, typed by its nodes' tags.
    static func value(of node: Node) -> Value {
        switch node {
        case .scalar(let scalar):
            switch scalar.tagName {
            case .int: return Int(scalar.string).map(Value.integer) ?? .string(scalar.string)
            case .float: return Double(scalar.string).map(Value.number) ?? .string(scalar.string)
            case .bool: return .bool(scalar.string == "true")
            case .null: return .null
            default: return .string(scalar.string)
            }
        case .sequence(let items): return .array(items.map(value(of:)))
        case .mapping: return .object(YAMLTree.pairs(node).map { Value.ObjectEntry(key: $0.key, value: value(of: $0.value)) })
        case .alias: return .null
        }
    }
}
