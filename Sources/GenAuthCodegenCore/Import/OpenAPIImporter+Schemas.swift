import Foundation
import Yams

extension OpenAPIImporter {
    // MARK: - Schemas

    mutating func convertType(_ name: String, referenced: inout [String]) -> Node {
        let schema = schemas[name]
        let pointer = Pointer(["components", "schemas", name])
        let swiftName = swiftTypeName(name)
        trace[TraceKey.type(swiftName)] = pointer
        var entries: [(String, Node)] = []
        if swiftName != name {
            entries.append(("originalName", YAMLTree.string(name)))
        } else if !Naming.isTypeName(name) || ReservedNames.types.contains(name) {
            diagnostics.error(
                "\(pointer): the schema name '\(name)' cannot name a Swift type"
                    + (ReservedNames.types.contains(name) ? " (Swift or the SDK already has it)" : "")
                    + "; give it a Swift name in import.yaml's 'types' (\(name): \(Naming.upperCamelCase(name).map { $0 == name ? $0 + "Dto" : $0 } ?? "NewName"))",
                at: location(schema))
        }
        if let description = YAMLTree.value(schema, "description")?.string, !Self.clean(description).isEmpty {
            entries.append(("description", YAMLTree.text([(.zh, Self.clean(description))])))
        }
        if let values = YAMLTree.value(schema, "enum") {
            entries.append(("enum", enumNode(values, pointer: pointer.appending("enum"), descriptions: [:])))
            return YAMLTree.mapping(entries)
        }
        if let type = YAMLTree.value(schema, "type")?.string, type != "object" {
            warn(pointer, "a components schema of type '\(type)' is not supported as a named type; it becomes an empty object", at: schema)
        }
        let required = Set(YAMLTree.value(schema, "required")?.array().compactMap(\.string) ?? [])
        var properties: [(String, Node)] = []
        for (propertyName, propertySchema, _) in YAMLTree.pairs(YAMLTree.value(schema, "properties")) {
            trace[TraceKey.property(swiftName, propertyName)] = pointer.appending("properties", propertyName)
            var property = convertSchema(propertySchema, pointer: pointer.appending("properties", propertyName), propertyName: propertyName, types: &referenced)
            if required.contains(propertyName) {
                property.insert(("required", YAMLTree.bool(true)), at: property.firstIndex { $0.0 == "type" }.map { $0 + 1 } ?? 0)
            }
            properties.append((propertyName, YAMLTree.mapping(property)))
        }
        for (key, value, _) in YAMLTree.pairs(schema) where !["type", "properties", "required", "description", "title"].contains(key) {
            warn(pointer.appending(key), "'\(key)' is not expressed in the spec format; ignored", at: value)
        }
        entries.append(("properties", YAMLTree.mapping(properties)))
        return YAMLTree.mapping(entries)
    }

    /// A property (or parameter) from its schema: `type` or `enum`, then `description`, `default`, `example`.
    mutating func convertSchema(
        _ schema: Node?, pointer: Pointer, propertyName: String, types: inout [String], context: ValueContext = ValueContext()
    ) -> [(String, Node)] {
        var entries: [(String, Node)] = []
        var descriptionText = YAMLTree.value(schema, "description")?.string.map(Self.clean) ?? ""
        var effective = schema
        if let allOf = YAMLTree.value(schema, "allOf")?.array() {
            if allOf.count == 1 {
                effective = allOf[0]
            } else {
                warn(pointer.appending("allOf"), "allOf with \(allOf.count) schemas is not supported; the property becomes json", at: schema)
            }
        }
        let enumValues = YAMLTree.value(effective, "enum")
        let untyped = ["type", "$ref", "allOf", "oneOf", "anyOf", "enum", "properties", "items"].allSatisfy { YAMLTree.value(effective, $0) == nil }
        if context.parameter == nil, let alternatives = YAMLTree.value(effective, "oneOf")?.array(),
           let union = unionNode(alternatives, pointer: pointer.appending("oneOf"), propertyName: propertyName, types: &types) {
            entries.append(("oneOf", union))
        } else if context.parameter != nil, untyped {
            // A URL holds text: a parameter whose schema says nothing is sent as a string.
            warn(pointer, "the parameter's schema has no type; it is imported as a string (correct it in the overlay if it is not)", at: schema ?? context.parameter)
            entries.append(("type", YAMLTree.string("string")))
        } else if enumValues != nil, YAMLTree.value(effective, "type")?.string != "array" {
            let (descriptions, remaining) = Self.enumDescriptions(descriptionText, values: enumValues!)
            descriptionText = remaining
            entries.append(("enum", enumNode(enumValues!, pointer: pointer.appending("enum"), descriptions: descriptions)))
        } else {
            entries.append(("type", typeNode(effective, pointer: pointer, propertyName: propertyName, types: &types)))
        }
        entries += constraintEntries(effective, parameter: context.parameter)
        if YAMLTree.value(schema, "deprecated")?.bool == true { entries.append(("deprecated", YAMLTree.bool(true))) }
        if !descriptionText.isEmpty { entries.append(("description", YAMLTree.text([(.zh, descriptionText)]))) }
        if let value = YAMLTree.value(schema, "default") ?? YAMLTree.value(effective, "default"),
           let converted = exampleValue(value, schema: effective, pointer: pointer.appending("default"), propertyName: propertyName) {
            entries.append(("default", converted))
        }
        if let value = YAMLTree.value(schema, "example") ?? YAMLTree.value(effective, "example"),
           let converted = exampleValue(value, schema: effective, pointer: pointer.appending("example"), propertyName: propertyName),
           let kept = keptExample(converted, schema: effective, context: context, pointer: pointer.appending("example"), at: value) {
            entries.append(("example", kept))
        }
        return entries
    }

    /// The TypeRef node of a schema: `string`, `[T]`, `{string: T}`, `UserDto`, …
    mutating func typeNode(_ schema: Node?, pointer: Pointer, propertyName: String, types: inout [String], depth: Int = 0) -> Node {
        guard depth < 16 else { return YAMLTree.string("json") }
        if let reference = YAMLTree.value(schema, "$ref")?.string {
            let prefix = "#/components/schemas/"
            let name = String(reference.dropFirst(prefix.count))
            guard reference.hasPrefix(prefix), schemas[name] != nil else {
                warn(pointer, "cannot resolve '\(reference)'; the property becomes json", at: schema)
                return YAMLTree.string("json")
            }
            types.append(name)
            return YAMLTree.string(swiftTypeName(name))
        }
        if let allOf = YAMLTree.value(schema, "allOf")?.array(), allOf.count == 1 {
            return typeNode(allOf[0], pointer: pointer.appending("allOf", "0"), propertyName: propertyName, types: &types, depth: depth + 1)
        }
        for combinator in ["oneOf", "anyOf"] where YAMLTree.value(schema, combinator) != nil {
            warn(pointer.appending(combinator), "\(combinator) is not supported; the property becomes json", at: schema)
            return YAMLTree.string("json")
        }
        switch YAMLTree.value(schema, "type")?.string {
        case "string"?:
            return YAMLTree.string(YAMLTree.value(schema, "format")?.string == "date-time" ? "date-time" : "string")
        case "integer"?:
            return YAMLTree.string("integer")
        case "number"?:
            usedNumberNames.insert(propertyName)
            if settings.isInteger(propertyName) {
                return YAMLTree.string("integer")
            }
            return YAMLTree.string("number")
        case "boolean"?:
            return YAMLTree.string("boolean")
        case "array"?:
            guard let items = YAMLTree.value(schema, "items") else {
                warn(pointer, "an array without 'items'; its elements become json", at: schema)
                return YAMLTree.sequence([YAMLTree.string("json")])
            }
            if YAMLTree.value(items, "enum") != nil {
                // An array of enum values: the values are kept as strings.
                return YAMLTree.sequence([YAMLTree.string("string")])
            }
            return YAMLTree.sequence([typeNode(items, pointer: pointer.appending("items"), propertyName: propertyName, types: &types, depth: depth + 1)])
        case "object"?, nil:
            if let additional = YAMLTree.value(schema, "additionalProperties"), YAMLTree.isMapping(additional), !YAMLTree.pairs(additional).isEmpty {
                return YAMLTree.mapping([("string", typeNode(additional, pointer: pointer.appending("additionalProperties"), propertyName: propertyName, types: &types, depth: depth + 1))])
            }
            if !YAMLTree.pairs(YAMLTree.value(schema, "properties")).isEmpty {
                warn(pointer, "inline object schemas with properties are not supported; the property becomes json", at: schema)
            }
            return YAMLTree.string("json")
        case let other?:
            warn(pointer, "type '\(other)' is not supported; the property becomes json", at: schema)
            return YAMLTree.string("json")
        }
    }

    /// A `oneOf` whose alternatives are of distinct JSON kinds: each alternative named by its kind (`object`,
    /// `string`, `number`, `boolean`, `array`). Nil, and said, when two are of the same kind.
    mutating func unionNode(_ alternatives: [Node], pointer: Pointer, propertyName: String, types: inout [String]) -> Node? {
        var cases: [(String, Node)] = []
        var found: [String] = []
        for (index, alternative) in alternatives.enumerated() {
            let kind: String
            switch YAMLTree.value(alternative, "$ref") != nil ? "object" : YAMLTree.value(alternative, "type")?.string {
            case "object"?: kind = "object"
            case "string"?: kind = "string"
            case "number"?, "integer"?: kind = "number"
            case "boolean"?: kind = "boolean"
            case "array"?: kind = "array"
            default:
                warn(pointer.appending(String(index)), "an alternative of no JSON kind cannot be told apart from the others; the property becomes json", at: alternative)
                return nil
            }
            guard !cases.contains(where: { $0.0 == kind }) else {
                warn(pointer, "two alternatives are \(kind == "object" || kind == "array" ? "an" : "a") \(kind): a value could not be told apart; the property becomes json", at: alternative)
                return nil
            }
            var nested: [String] = []
            let entries = convertSchema(alternative, pointer: pointer.appending(String(index)), propertyName: propertyName, types: &nested)
                .filter { !["example", "default", "deprecated"].contains($0.0) }
            found += nested
            cases.append((kind, YAMLTree.mapping(entries)))
        }
        types += found
        return YAMLTree.mapping(cases)
    }

    mutating func enumNode(_ values: Node, pointer: Pointer, descriptions: [String: String]) -> Node {
        var entries: [(String, Node)] = []
        for (index, value) in values.array().enumerated() {
            guard case .scalar(let scalar) = value else {
                warn(pointer.appending(String(index)), "non-scalar enum values are not supported; skipped", at: value)
                continue
            }
            if scalar.tagName != .str {
                warn(pointer.appending(String(index)), "enum value \(scalar.string) is not a string; it is kept as the string '\(scalar.string)'", at: value)
            }
            guard !entries.contains(where: { $0.0 == scalar.string }) else { continue }
            entries.append((scalar.string, descriptions[scalar.string].map { YAMLTree.text([(.zh, $0)]) } ?? YAMLTree.mapping([])))
        }
        if entries.allSatisfy({ YAMLTree.pairs($0.1).isEmpty }) {
            return YAMLTree.sequence(entries.map { YAMLTree.string($0.0) })
        }
        return YAMLTree.mapping(entries)
    }

    /// GenAuth lists an enum's values in the property description as "- `VALUE`: meaning" lines: they become
    /// the values' descriptions, and the rest stays the description.
    static func enumDescriptions(_ description: String, values: Node) -> ([String: String], String) {
        let known = Set(values.array().compactMap(\.string))
        var found: [String: String] = [:]
        var rest: [String] = []
        for line in description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("- `"), let close = trimmed.dropFirst(3).firstIndex(of: "`") {
                let value = String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 3)..<close])
                var meaning = trimmed[trimmed.index(after: close)...].trimmingCharacters(in: .whitespaces)
                if meaning.hasPrefix(":") || meaning.hasPrefix("：") { meaning = String(meaning.dropFirst()).trimmingCharacters(in: .whitespaces) }
                if known.contains(value), found[value] == nil {
                    found[value] = meaning
                    continue
                }
            }
            rest.append(line)
        }
        return (found, clean(rest.joined(separator: "\n")))
    }
}
