import Foundation

/// Reads the dates GenAuth sends, which are not always the ISO 8601 date-times its documents promise.
///
/// - An RFC 3339 date-time, with or without fractional seconds, with `Z` or any offset up to ±23:59
///   (`2023-11-01T08:00:00.123+08:00`); `t`, `z` and a space between date and time are read too, and a
///   date-time without an offset is read as UTC.
/// - A date alone (`2022-06-03`): that day, at midnight UTC.
/// - A JSON number: a Unix time, in milliseconds when it is 10^11 or more (as GenAuth writes them), else
///   in seconds.
/// - An empty string where the property is optional: `nil` (GenAuth sends `""` for a date it does not have).
///
/// Dates are always sent in ISO 8601 with fractional seconds, in UTC.
package enum GenAuthDate {
    /// The date of `text`, or nil when it is none of the forms above.
    package static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// `2023-11-01T08:00:00.123Z`: UTC, milliseconds, in the proleptic Gregorian calendar for every year, as ISO 8601
    /// (§3.2.1) and RFC 3339 have it. Not Foundation's ISO 8601 formatter: it writes dates before 1582-10-15 in the
    /// Julian calendar, days away from the instant. Years outside 0000–9999 get a sign and at least four digits.
    package static func format(_ date: Date) -> String {
        // To the microsecond first: a Date holds seconds since 2001, and its distance from 1970 is off by a few ulps.
        let milliseconds = ((date.timeIntervalSince1970 * 1_000_000).rounded() / 1000).rounded(.down)
        guard milliseconds.isFinite, abs(milliseconds) < 9e17 else {
            return milliseconds < 0 ? "-271821-04-20T00:00:00.000Z" : "+275760-09-13T00:00:00.000Z"
        }
        let total = Int64(milliseconds)
        let day = floorDivide(total, 86_400_000)
        let inDay = total - day * 86_400_000
        let (year, month, dayOfMonth) = civil(fromDays: day)
        let yearText: String
        switch year {
        case 0...9999: yearText = padded(year, 4)
        case ..<0: yearText = "-" + padded(-year, 4)
        default: yearText = "+" + padded(year, 4)
        }
        return "\(yearText)-\(padded(month, 2))-\(padded(dayOfMonth, 2))T\(padded(Int(inDay / 3_600_000), 2)):"
            + "\(padded(Int(inDay / 60_000 % 60), 2)):\(padded(Int(inDay / 1000 % 60), 2)).\(padded(Int(inDay % 1000), 3))Z"
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    /// A number as a Unix time: milliseconds from 10^11 on (that is 1973 in milliseconds, year 5138 in seconds).
    package static func fromUnixTime(_ number: Double) -> Date? {
        guard number.isFinite else { return nil }
        return Date(timeIntervalSince1970: abs(number) >= 1e11 ? number / 1000 : number)
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var reader = Reader(bytes: bytes)
        guard let year = reader.digits(4), reader.skip("-"), let month = reader.digits(2), reader.skip("-"),
              let day = reader.digits(2), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        if reader.atEnd { return Date(timeIntervalSince1970: seconds) }

        guard reader.skip("T") || reader.skip("t") || reader.skip(" "),
              let hour = reader.digits(2), hour < 24, reader.skip(":"), let minute = reader.digits(2), minute < 60
        else { return nil }
        var second = 0.0
        if reader.skip(":") {
            guard let whole = reader.digits(2), whole <= 60 else { return nil }  // 60: a leap second
            second = Double(whole)
            if reader.skip(".") || reader.skip(",") {
                var scale = 0.1
                var fraction = 0.0
                var count = 0
                while let digit = reader.digit() {
                    fraction += Double(digit) * scale
                    scale /= 10
                    count += 1
                }
                guard count > 0 else { return nil }
                second += fraction
            }
        }
        seconds += Double(hour * 3600 + minute * 60) + second

        if reader.atEnd || reader.skip("Z") || reader.skip("z") {
            return reader.atEnd ? Date(timeIntervalSince1970: seconds) : nil
        }
        let sign: Double
        if reader.skip("+") {
            sign = 1
        } else if reader.skip("-") {
            sign = -1
        } else {
            return nil
        }
        guard let offsetHours = reader.digits(2), offsetHours < 24 else { return nil }
        var offsetMinutes = 0
        if reader.skip(":") {
            guard let minutes = reader.digits(2) else { return nil }
            offsetMinutes = minutes
        } else if let minutes = reader.digits(2) {
            offsetMinutes = minutes
        }
        guard offsetMinutes < 60, reader.atEnd else { return nil }
        return Date(timeIntervalSince1970: seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int? {
            guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
            defer { index += 1 }
            return Int(bytes[index] - UInt8(ascii: "0"))
        }

        mutating func digits(_ count: Int) -> Int? {
            var value = 0
            for _ in 0..<count {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }
    }
}

extension KeyedDecodingContainer {
    /// An optional date: absent, `null` and `""` are nil; anything else must be a date (see ``GenAuthDate``).
    ///
    /// The generated models' `Decodable` conformances call this overload for their `Date?` properties, through
    /// `ModelDecodingContainer`.
    package func decodeIfPresent(_ type: Date.Type, forKey key: Key) throws -> Date? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let text = try? decode(String.self, forKey: key), text.allSatisfy(\.isWhitespace) {
            return nil
        }
        return try decode(Date.self, forKey: key)
    }
}
