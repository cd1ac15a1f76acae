import Foundation

/// The JSON encoder and decoder the SDK uses: dates as ``GenAuthDate`` reads and writes them, absent
/// optionals omitted.
package enum JSONCoding {
    package static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(GenAuthDate.format(date))
        }
        return encoder
    }

    package static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                if let date = GenAuthDate.fromUnixTime(number) { return date }
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected a date, found the number \(number)")
            }
            let text = try container.decode(String.self)
            if let date = GenAuthDate.parse(text) { return date }
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Expected a date such as 2023-11-01T08:00:00Z or 2023-11-01, found '\(text.prefix(64))'")
        }
        return decoder
    }
}
