import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthCore

/// Dates as the SDK sends them: ISO 8601 in UTC with milliseconds, in the proleptic Gregorian calendar for every year.
/// The instants are Python's (`datetime(…, tzinfo=timezone.utc) - datetime(1970, 1, 1, tzinfo=timezone.utc)`), whose
/// calendar is the proleptic Gregorian one: an oracle independent of Foundation.
@Suite struct DateEncodingTests {
    @Test(arguments: [
        (1_698_825_600.123, "2023-11-01T08:00:00.123Z"),
        (0, "1970-01-01T00:00:00.000Z"),
        (-0.001, "1969-12-31T23:59:59.999Z"),
        // Before 1582-10-15 Foundation's ISO 8601 formatter writes Julian dates: 1500-02-19 for this instant.
        (-14_826_626_984.75, "1500-03-01T12:30:15.250Z"),
        (-12_220_243_200, "1582-10-04T00:00:00.000Z"),
        (-62_135_596_800, "0001-01-01T00:00:00.000Z"),
        (253_402_300_799.999, "9999-12-31T23:59:59.999Z"),
    ])
    func aDateIsWrittenInTheGregorianCalendar(seconds: Double, text: String) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(GenAuthDate.format(date) == text)
        #expect(abs(GenAuthDate.parse(text)!.timeIntervalSince(date)) < 0.001)
    }

    @Test func yearsBeyondFourDigitsAreSigned() {
        #expect(GenAuthDate.format(Date(timeIntervalSince1970: 253_402_300_800)) == "+10000-01-01T00:00:00.000Z")
        #expect(GenAuthDate.format(Date(timeIntervalSince1970: -62_167_219_200 - 86_400)) == "-0001-12-31T00:00:00.000Z")
    }

    @Test func aRequestBodySendsTheGregorianDate() throws {
        let encoded = try JSONCoding.makeEncoder().encode(["at": Date(timeIntervalSince1970: -14_826_626_984.75)])
        #expect(String(decoding: encoded, as: UTF8.self) == #"{"at":"1500-03-01T12:30:15.250Z"}"#)
    }
}
