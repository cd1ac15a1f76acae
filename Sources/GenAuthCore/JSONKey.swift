/// The coding key of every generated model: the JSON key as it is on the wire.
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
