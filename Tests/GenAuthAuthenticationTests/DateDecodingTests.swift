import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// Dates as GenAuth writes them: RFC 3339 with any offset, a date alone, an empty string for none.
@Suite struct DateDecodingTests {
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Double = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let whole = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
        return whole.addingTimeInterval(second)
    }

    @Test(arguments: [
        ("2022-07-03T02:20:30.000Z", utc(2022, 7, 3, 2, 20, 30)),
        ("2022-07-03T02:20:30Z", utc(2022, 7, 3, 2, 20, 30)),
        ("2022-07-03T02:20:30.5Z", utc(2022, 7, 3, 2, 20, 30.5)),
        ("2022-07-03T10:20:30+08:00", utc(2022, 7, 3, 2, 20, 30)),
        ("2022-07-03T10:20:30.123456+08:00", utc(2022, 7, 3, 2, 20, 30.123456)),
        ("2022-07-03T02:20:30-05:30", utc(2022, 7, 3, 7, 50, 30)),
        ("2022-07-04T02:19:30+23:59", utc(2022, 7, 3, 2, 20, 30)),
        ("2022-07-02T02:21:30-23:59", utc(2022, 7, 3, 2, 20, 30)),
        ("2022-07-03t02:20:30z", utc(2022, 7, 3, 2, 20, 30)),
        ("2022-07-03 02:20:30Z", utc(2022, 7, 3, 2, 20, 30)),
        ("2022-07-03T02:20:30", utc(2022, 7, 3, 2, 20, 30)),
        ("2022-07-03T02:20", utc(2022, 7, 3, 2, 20)),
        ("2022-07-03T10:20:30+0800", utc(2022, 7, 3, 2, 20, 30)),
        ("2022-06-03", utc(2022, 6, 3)),
        ("2024-02-29", utc(2024, 2, 29)),
        ("1969-12-31T23:59:59Z", utc(1969, 12, 31, 23, 59, 59)),
    ])
    func everyFormGenAuthWritesIsADate(text: String, expected: Date) throws {
        let parsed = try #require(GenAuthDate.parse(text), "\(text)")
        #expect(abs(parsed.timeIntervalSince(expected)) < 0.000_001, "\(text): \(parsed) ≠ \(expected)")
    }

    @Test(arguments: ["", "yesterday", "2022-13-01", "2023-02-29", "2022-06-31", "2022-06-03T25:00:00Z", "2022-06-03T10:60:00Z",
                      "2022-06-03T10:00:00+24:00", "2022-06-03T10:00:00+08:60", "2022-06-03T10:00:00.Z", "2022-6-3",
                      "2022-06-03T10:00:00Zjunk", "20220603", "２０２２-06-03"])
    func whatIsNoDateIsNone(text: String) {
        #expect(GenAuthDate.parse(text) == nil, "\(text)")
    }

    @Test func numbersAreUnixTimesInMillisecondsOrSeconds() throws {
        let decoder = JSONCoding.makeDecoder()
        #expect(try decoder.decode([Date].self, from: Data("[1672502400000, 1672502400]".utf8))
            == [Self.utc(2022, 12, 31, 16), Self.utc(2022, 12, 31, 16)])
    }

    @Test func encodingStaysISO8601InUTC() throws {
        let data = try JSONCoding.makeEncoder().encode([GenAuthDate.parse("2022-07-03T10:20:30.5+08:00")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["2022-07-03T02:20:30.500Z"]"#)
    }

    /// A whole `getProfile` answer with the dates GenAuth's document shows, over loopback.
    @Test func aProfileWithADateAloneAnEmptyDateAndOffsetsDecodes() async throws {
        let body = try profile(with: [
            "birthdate": "2022-06-03", "lastMfaTime": "", "createdAt": "2022-07-03T10:20:30+08:00",
            "updatedAt": "2022-07-04T02:19:30+23:59", "lastLogin": NSNull(),
        ])
        let server = try LoopbackServer { _ in .respond(status: 200, body: body) }
        let user = try await Fixtures.client(server).getProfile().data
        #expect(user.birthdate == Self.utc(2022, 6, 3))
        #expect(user.lastMfaTime == nil)
        #expect(user.lastLogin == nil)
        #expect(user.createdAt == Self.utc(2022, 7, 3, 2, 20, 30))
        #expect(user.updatedAt == Self.utc(2022, 7, 3, 2, 20, 30))
    }

    @Test(arguments: [
        ("birthdate", #""not a date""#, "data.birthdate"),
        ("createdAt", #""""#, "data.createdAt"),
        ("lastMfaTime", #""2022-02-30""#, "data.lastMfaTime"),
        ("passwordLastSetAt", "true", "data.passwordLastSetAt"),
    ])
    func whatIsNoDateNamesItsCodingPath(key: String, json: String, path: String) async throws {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        let body = try profile(with: [key: value])
        let server = try LoopbackServer { _ in .respond(status: 200, body: body) }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server).getProfile()
        }
        guard case .undecodableResponse(let failure)? = error else { Issue.record("expected undecodableResponse, got \(String(describing: error))"); return }
        #expect(failure.typeName == "UserSingleRespDto")
        #expect(failure.codingPath == path)
    }

    /// The example answer of the `getProfile` doc page with some of its user's fields replaced.
    func profile(with fields: [String: Any]) throws -> Data {
        let example = try Fixtures.exampleResult(docPage: "docs/zh/authentication/user-information/get-profile.md")
        let answer = try #require(try JSONSerialization.jsonObject(with: example) as? [String: Any])
        var user = try #require(answer["data"] as? [String: Any])
        user["identities"] = nil  // the page's example of an identity lacks required fields
        for (key, value) in fields { user[key] = value }
        var changed = answer
        changed["data"] = user
        return try JSONSerialization.data(withJSONObject: changed)
    }
}
