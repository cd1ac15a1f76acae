import Foundation

/// Example values built from the specs' `example`s: the docs' Example Results and the samples' arguments.
enum Examples {
    /// The example response of an endpoint: its `example`, else one built from the properties' examples.
    static func response(of endpoint: Endpoint, api: API) -> Value {
        endpoint.example ?? object(endpoint.response, api: api, visiting: []) ?? .object([])
    }

    /// An object built from the examples of its properties; properties without one are left out, except
    /// objects and arrays of objects whose own properties have examples.
    static func object(_ typeName: String, api: API, visiting: Set<String>) -> Value? {
        guard !visiting.contains(typeName), let type = api.types[typeName], case .object(let properties) = type.kind else {
            return nil
        }
        let visiting = visiting.union([typeName])
        var entries: [Value.ObjectEntry] = []
        for property in properties {
            if let example = property.example {
                entries.append(.init(key: property.key, value: example))
            } else if let built = built(property.type, api: api, visiting: visiting) {
                entries.append(.init(key: property.key, value: built))
            }
        }
        return entries.isEmpty ? nil : .object(entries)
    }

    private static func built(_ type: TypeRef, api: API, visiting: Set<String>) -> Value? {
        switch type {
        case .named(let name): return object(name, api: api, visiting: visiting)
        case .array(let element): return built(element, api: api, visiting: visiting).map { .array([$0]) }
        default: return nil
        }
    }

    /// A whole value of a type: the examples, and placeholders for required properties that have none,
    /// so that it decodes. The contract tests answer with it.
    static func complete(_ typeName: String, api: API, depth: Int = 0) -> Value {
        guard depth < 8, case .object(let properties)? = api.types[typeName]?.kind else { return .object([]) }
        var entries: [Value.ObjectEntry] = []
        for property in properties {
            if let example = property.example, example != .null {
                entries.append(.init(key: property.key, value: example))
            } else if property.required {
                entries.append(.init(key: property.key, value: placeholder(property, api: api, depth: depth)))
            }
        }
        return .object(entries)
    }

    private static func placeholder(_ property: Property, api: API, depth: Int) -> Value {
        func value(_ type: TypeRef) -> Value {
            switch type {
            case .string: return .string(property.key)
            case .integer, .number: return .integer(0)
            case .boolean: return .bool(false)
            case .dateTime: return .string("2023-11-14T22:13:20.000Z")
            case .json: return .object([])
            case .inlineEnum: return .string(property.inlineEnum?.cases.first?.rawValue ?? "")
            case .inlineUnion(let qualified):
                guard let first = api.unions[qualified]?.cases.first else { return .null }
                return placeholder(first, api: api, depth: depth)
            case .named(let name):
                if case .enumeration(let decl)? = api.types[name]?.kind { return .string(decl.cases.first?.rawValue ?? "") }
                return complete(name, api: api, depth: depth + 1)
            case .array: return .array([])
            case .map: return .object([])
            }
        }
        return value(property.type)
    }

    /// JSON on one line, keys in spec order: `["email","phone"]`.
    static func compactJSON(_ value: Value) -> String {
        switch value {
        case .array(let items): return "[" + items.map(compactJSON).joined(separator: ",") + "]"
        case .object(let entries):
            return "{" + entries.map { Escaping.jsonString($0.key) + ":" + compactJSON($0.value) }.joined(separator: ",") + "}"
        default: return json(value)
        }
    }

    /// Pretty JSON, keys in spec order, two-space indentation.
    static func json(_ value: Value, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(describing: number)
        case .string(let text): return Escaping.jsonString(text)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + json($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let entries):
            if entries.isEmpty { return "{}" }
            return "{\n" + entries.map { inner + Escaping.jsonString($0.key) + ": " + json($0.value, indent: inner) }
                .joined(separator: ",\n") + "\n\(indent)}"
        }
    }
}
