import GenAuthCore
import Foundation
import Yams

/// Checks examples and defaults against their property's type and turns them into ``Value``s.
struct ValueChecker {
    let types: [String: TypeDecl]
    let unions: [String: UnionDecl]
    private(set) var diagnostics = DiagnosticCollector()
    /// Bounds the work on pathological input (deep or self-referencing examples).
    private let maxDepth = 64

    init(types: [String: TypeDecl], unions: [String: UnionDecl] = [:]) {
        self.types = types
        self.unions = unions
    }

    mutating func checkValues(of raw: RawProperty, into property: inout Property) {
        let file = raw.key.location.file
        if let node = raw.example {
            let what = "the example of '\(raw.key.value)'"
            property.example = value(node, as: property.type, inlineEnum: property.inlineEnum, what: what, file: file)
            if let example = property.example, !check(example, of: property, what: what, at: location(node, file)) {
                property.example = nil
            }
        }
        if let node = raw.defaultValue {
            let what = "the default of '\(raw.key.value)'"
            property.defaultValue = value(node, as: property.type, inlineEnum: property.inlineEnum, what: what, file: file)
            if let value = property.defaultValue, !check(value, of: property, what: what, at: location(node, file)) {
                property.defaultValue = nil
            }
        }
    }

    /// Whether `value` keeps the property's constraints (and its elements' constraints); reports it where not.
    mutating func check(_ value: Value, of property: Property, what: String, at location: SourceLocation) -> Bool {
        if case .null = value { return true }
        if let violation = property.constraints.violation(of: value) {
            diagnostics.error("\(what) \(violation)", at: location)
            return false
        }
        if case .array(let items) = value, !property.itemConstraints.isEmpty {
            for (index, item) in items.enumerated() {
                if let violation = property.itemConstraints.violation(of: item) {
                    diagnostics.error("item \(index) of \(what) \(violation)", at: location)
                    return false
                }
            }
        }
        return true
    }

    private func location(_ node: Node, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// Values an example may hold: YAML aliases can make a small file stand for an exponentially large
    /// tree ("billion laughs"), which must be refused, not walked.
    static let maxValues = 100_000

    mutating func value(_ node: Node, as type: TypeRef, inlineEnum: EnumDecl?, what: String, file: String) -> Value? {
        var budget = Self.maxValues
        guard Self.fits(node, budget: &budget) else {
            diagnostics.error(
                "\(what) holds more than \(Self.maxValues) values (are YAML aliases repeating it?)",
                at: SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1))
            return nil
        }
        return convert(node, as: type, inlineEnum: inlineEnum, what: what, file: file, depth: 0)
    }

    /// Counts the values of a tree down from `budget`, stopping as soon as it runs out.
    static func fits(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .sequence(let sequence):
            for item in sequence where !fits(item, budget: &budget) { return false }
        case .mapping(let mapping):
            for (_, value) in mapping where !fits(value, budget: &budget) { return false }
        default:
            break
        }
        return true
    }

    private mutating func convert(_ node: Node, as type: TypeRef, inlineEnum: EnumDecl?, what: String, file: String, depth: Int) -> Value? {
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        guard depth < maxDepth else {
            diagnostics.error("\(what) is nested too deeply", at: location)
            return nil
        }
        func mismatch(_ expected: String) -> Value? {
            diagnostics.error("\(what) must be \(expected), found \(Self.describe(node))", at: location)
            return nil
        }
        if case .scalar(let scalar) = node, scalar.style == .plain, ["null", "~", "Null", "NULL"].contains(scalar.string) {
            return .null
        }
        switch type {
        case .string:
            guard case .scalar(let scalar) = node else { return mismatch("a string") }
            return .string(scalar.string)
        case .integer:
            guard case .scalar(let scalar) = node, scalar.style == .plain, let number = Int(scalar.string) else {
                return mismatch("an integer")
            }
            return .integer(number)
        case .number:
            guard case .scalar(let scalar) = node, scalar.style == .plain, let number = Double(scalar.string), number.isFinite else {
                return mismatch("a number")
            }
            return .number(number)
        case .boolean:
            guard case .scalar(let scalar) = node, scalar.style == .plain, let flag = Bool.yamlBool(scalar.string) else {
                return mismatch("true or false")
            }
            return .bool(flag)
        case .dateTime:
            guard case .scalar(let scalar) = node, Self.isDateTime(scalar.string) else {
                return mismatch("an ISO 8601 date-time such as 2023-11-01T08:00:00Z")
            }
            return .string(scalar.string)
        case .json:
            return Self.anyValue(node, depth: depth, maxDepth: maxDepth)
        case .inlineEnum:
            return enumValue(node, cases: inlineEnum?.cases ?? [], what: what, location: location)
        case .named(let name):
            switch types[name]?.kind {
            case .enumeration(let decl)?:
                return enumValue(node, cases: decl.cases, what: what, location: location)
            case .object(let properties)? where properties.isEmpty:
                // A free-form object: any fields.
                guard case .mapping = node else { return mismatch("a mapping (a '\(name)')") }
                return Self.anyValue(node, depth: depth, maxDepth: maxDepth)
            case .object(let properties)?:
                guard case .mapping(let mapping) = node else { return mismatch("a mapping (a '\(name)')") }
                var entries: [Value.ObjectEntry] = []
                for (keyNode, valueNode) in mapping {
                    let key = keyNode.string ?? ""
                    guard let property = properties.first(where: { $0.key == key }) else {
                        let keyLocation = SourceLocation(file: file, line: keyNode.mark?.line ?? 1, column: keyNode.mark?.column ?? 1)
                        diagnostics.error(
                            "\(what) has a key '\(key)' that '\(name)' does not have", at: keyLocation,
                            hint: PendingHint(key, among: { properties.map(\.key) }))
                        continue
                    }
                    if let value = convert(valueNode, as: property.type, inlineEnum: property.inlineEnum, what: what, file: file, depth: depth + 1),
                       check(value, of: property, what: "'\(key)' in \(what)", at: self.location(valueNode, file)) {
                        entries.append(Value.ObjectEntry(key: key, value: value))
                    }
                }
                return .object(entries)
            case nil:
                return nil  // the unknown type is reported where it is referenced
            }
        case .inlineUnion(let qualified):
            // The alternative whose kind the value has, checked as that alternative.
            guard let union = unions[qualified], let shape = Self.anyValue(node, depth: depth, maxDepth: maxDepth) else { return nil }
            guard let alternative = union.cases.first(where: { SwiftSyntax.holds($0.type, shape, types: types) }) else {
                return mismatch("one of: " + union.cases.map(\.key).joined(separator: ", "))
            }
            guard let value = convert(node, as: alternative.type, inlineEnum: nil, what: what, file: file, depth: depth + 1),
                  check(value, of: alternative, what: what, at: location)
            else { return nil }
            return value
        case .array(let element):
            guard case .sequence(let sequence) = node else { return mismatch("a sequence") }
            return .array(sequence.compactMap { convert($0, as: element, inlineEnum: inlineEnum, what: what, file: file, depth: depth + 1) })
        case .map(let valueType):
            guard case .mapping(let mapping) = node else { return mismatch("a mapping") }
            return .object(mapping.compactMap { key, value in
                convert(value, as: valueType, inlineEnum: inlineEnum, what: what, file: file, depth: depth + 1)
                    .map { Value.ObjectEntry(key: key.string ?? "", value: $0) }
            })
        }
    }

    private mutating func enumValue(_ node: Node, cases: [EnumCase], what: String, location: SourceLocation) -> Value? {
        guard case .scalar(let scalar) = node else {
            diagnostics.error("\(what) must be one of the enum's values, found \(Self.describe(node))", at: location)
            return nil
        }
        guard cases.contains(where: { $0.rawValue == scalar.string }) else {
            diagnostics.error(
                "\(what) has '\(scalar.string)', which is not one of the enum's values", at: location,
                hint: PendingHint(scalar.string, among: { cases.map(\.rawValue) }))
            return nil
        }
        return .string(scalar.string)
    }

    /// Any YAML value, typed the way JSON would type it (plain scalars may be numbers, booleans or null).
    static func anyValue(_ node: Node, depth: Int = 0, maxDepth: Int = 64) -> Value? {
        guard depth < maxDepth else { return nil }
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return .string(scalar.string) }
            if let flag = Bool.yamlBool(scalar.string) { return .bool(flag) }
            if let number = Int(scalar.string) { return .integer(number) }
            if let number = Double(scalar.string), number.isFinite, scalar.string.first?.isNumber == true || scalar.string.first == "-" {
                return .number(number)
            }
            if ["null", "~", "Null", "NULL"].contains(scalar.string) { return .null }
            return .string(scalar.string)
        case .sequence(let sequence):
            return .array(sequence.compactMap { anyValue($0, depth: depth + 1, maxDepth: maxDepth) })
        case .mapping(let mapping):
            return .object(mapping.compactMap { key, value in
                anyValue(value, depth: depth + 1, maxDepth: maxDepth).map { Value.ObjectEntry(key: key.string ?? "", value: $0) }
            })
        case .alias:
            return nil
        }
    }

    static func isDateTime(_ text: String) -> Bool {
        GenAuthDate.parse(text) != nil
    }

    private static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string.prefix(40))'"
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .alias: return "an alias"
        }
    }
}
