/// The coding key of every generated model: the JSON key as it is on the wire, written as a string literal
/// (`try container.decode(String.self, forKey: "phoneNumber")`).
///
/// One key type for the whole SDK instead of a `CodingKeys` enum per type: each such enum, with the conformances the
/// compiler derives for it, was a tenth of the management module's compile time.
package struct JSONKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
    package let stringValue: String

    package init(stringValue: String) {
        self.stringValue = stringValue
    }

    package init(stringLiteral value: String) {
        stringValue = value
    }

    package var intValue: Int? { nil }

    package init?(intValue: Int) {
        nil
    }
}

extension KeyedDecodingContainer where Key == JSONKey {
    /// Every field of the object but `known`, as JSON: what a model that keeps its other fields holds in
    /// `additionalProperties`.
    package func additionalProperties(excluding known: Set<String>) throws -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for key in allKeys where !known.contains(key.stringValue) {
            fields[key.stringValue] = try decode(JSONValue.self, forKey: key)
        }
        return fields
    }
}

extension KeyedEncodingContainer where Key == JSONKey {
    /// Encodes each of `fields` under its own key.
    package mutating func encodeAdditionalProperties(_ fields: [String: JSONValue]) throws {
        for (key, value) in fields {
            try encode(value, forKey: JSONKey(stringValue: key))
        }
    }
}
