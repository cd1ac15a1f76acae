import Foundation

/// What a generated model's `init(from:)` reads its JSON object with:
/// `self.phone = try container.decodeIfPresent(forKey: "phone")`.
///
/// The key is a string and the type comes from the property, so that each field costs one call: the generated models
/// are most of what an app compiles of the SDK, and a debug build compiles every call site of them (see
/// docs/benchmarks.md, issue 18).
package struct ModelDecodingContainer {
    private let container: KeyedDecodingContainer<JSONKey>

    package init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: JSONKey.self)
    }

    /// The field at `key`, which must be there.
    package func decode<Value: Decodable>(forKey key: String) throws -> Value {
        try container.decode(Value.self, forKey: JSONKey(stringValue: key))
    }

    /// The field at `key`, or nil when it is absent or `null`.
    package func decodeIfPresent<Value: Decodable>(forKey key: String) throws -> Value? {
        try container.decodeIfPresent(Value.self, forKey: JSONKey(stringValue: key))
    }

    /// An optional date: absent, `null` and `""` are nil, as GenAuth writes "no date"; anything else must be a date
    /// (`GenAuthDate`). Chosen over the generic overload for every `Date?` property.
    package func decodeIfPresent(forKey key: String) throws -> Date? {
        try container.decodeIfPresent(Date.self, forKey: JSONKey(stringValue: key))
    }

    /// Every field of the object but `known`, as JSON: what a model that keeps its other fields holds in
    /// `additionalProperties`.
    package func additionalProperties(excluding known: Set<String>) throws -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for key in container.allKeys where !known.contains(key.stringValue) {
            fields[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        return fields
    }
}

/// What a generated model's `encode(to:)` writes its JSON object with:
/// `try container.encodeIfPresent(self.phone, forKey: "phone")`. Absent optionals are left out.
package struct ModelEncodingContainer {
    private var container: KeyedEncodingContainer<JSONKey>

    package init(_ encoder: any Encoder) {
        container = encoder.container(keyedBy: JSONKey.self)
    }

    package mutating func encode<Value: Encodable>(_ value: Value, forKey key: String) throws {
        try container.encode(value, forKey: JSONKey(stringValue: key))
    }

    package mutating func encodeIfPresent<Value: Encodable>(_ value: Value?, forKey key: String) throws {
        try container.encodeIfPresent(value, forKey: JSONKey(stringValue: key))
    }

    /// Encodes each of `fields` under its own key.
    package mutating func encodeAdditionalProperties(_ fields: [String: JSONValue]) throws {
        for (key, value) in fields {
            try encode(value, forKey: key)
        }
    }
}
