/// A string enum of the GenAuth API that keeps values it does not know.
///
/// Every generated enum conforms. Its known values are static members (`SendSMSDto.Channel.channelLogin`);
/// any other value the server sends decodes as `Channel(rawValue: "…")`, compares by its raw value and
/// encodes back unchanged, so a new value on the server never breaks decoding.
public protocol GenAuthStringEnum: RawRepresentable, Codable, Hashable, Sendable, CaseIterable, CustomStringConvertible
where RawValue == String, AllCases == [Self] {
    /// Creates a value from its raw string, known or not.
    init(rawValue: String)
}

extension GenAuthStringEnum {
    /// The raw value.
    public var description: String { rawValue }

    /// Whether this value is one of the ones the SDK knows (its type's `allCases`).
    public var isKnown: Bool { Self.allCases.contains(self) }

    /// Decodes any JSON string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the raw value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
