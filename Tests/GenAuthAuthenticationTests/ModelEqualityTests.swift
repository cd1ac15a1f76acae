import Foundation
import Testing
@testable import GenAuthAuthentication

/// `GenAuthModel`'s `==` and `hash(into:)`: the fields a model encodes, each compared by its own `==`.
@Suite struct ModelEqualityTests {
    static let created = Date(timeIntervalSince1970: 1_700_000_000.125)

    static let userJSON = """
        {"userId":"u1","createdAt":"2023-11-14T22:13:20Z","updatedAt":"2023-11-14T22:13:20Z","status":"Activated",
        "workStatus":"Active","gender":"U","emailVerified":true,"phoneVerified":false,"userSourceType":"register",
        "email":"a@example.com","phone":"13800000000"}
        """

    static func user(email: String? = "a@example.com", createdAt: Date = created, status: UserDto.Status = .activated) throws -> UserDto {
        var user = try JSONCoding.makeDecoder().decode(UserDto.self, from: Data(userJSON.utf8))
        user.email = email
        user.createdAt = createdAt
        user.status = status
        return user
    }

    @Test func modelsWithEqualFieldsAreEqualAndHashAlike() throws {
        let user = try Self.user()
        let decoded = try JSONCoding.makeDecoder().decode(UserDto.self, from: JSONCoding.makeEncoder().encode(user))
        #expect(decoded == user)
        #expect(decoded.hashValue == user.hashValue)
        #expect(Set([decoded, user, try Self.user()]).count == 1)
    }

    @Test func anyFieldThatDiffersMakesThemUnequal() throws {
        let user = try Self.user()
        let variants = [
            try Self.user(email: "b@example.com"),
            try Self.user(email: nil),
            try Self.user(createdAt: Self.created.addingTimeInterval(0.000_1)),  // below the millisecond the wire keeps
            try Self.user(status: .suspended),
        ]
        for variant in variants {
            #expect(variant != user)
        }
        #expect(Set(variants + [user]).count == 5)
    }

    @Test func anAbsentOptionalEqualsANilOne() throws {
        let json = Self.userJSON.replacingOccurrences(of: #""email":"a@example.com","#, with: "")
        let absent = try JSONCoding.makeDecoder().decode(UserDto.self, from: Data(json.utf8))
        let null = try JSONCoding.makeDecoder().decode(
            UserDto.self, from: Data(json.replacingOccurrences(of: "}", with: #","email":null}"#).utf8))
        #expect(absent.email == nil && absent.phone != nil)
        #expect(absent == null)
        #expect(absent.hashValue == null.hashValue)
    }

    @Test func nestedModelsCompareByTheirOwnFields() throws {
        let user = try Self.user()
        let response = UserSingleRespDto(statusCode: 200, message: "ok", data: user)
        var changed = response
        changed.data.phone = "13900000000"
        #expect(response == UserSingleRespDto(statusCode: 200, message: "ok", data: user))
        #expect(response != changed)
        #expect(Set([response, changed]).count == 2)
    }

    @Test func additionalPropertiesAreFieldsToo() {
        let one = TokenIntrospection(active: true, additionalProperties: ["tenant": "t1"])
        #expect(one == TokenIntrospection(active: true, additionalProperties: ["tenant": "t1"]))
        #expect(one != TokenIntrospection(active: true, additionalProperties: ["tenant": "t2"]))
        #expect(one != TokenIntrospection(active: true))
        #expect(one != TokenIntrospection(active: false, additionalProperties: ["tenant": "t1"]))
    }

    @Test func numbersCompareAsNumbers() {
        #expect(GeoIpLocation(lon: 116.4, lat: 39.9) == GeoIpLocation(lon: 116.4, lat: 39.9))
        #expect(GeoIpLocation(lon: 116.4, lat: 39.9) != GeoIpLocation(lon: 39.9, lat: 116.4))
        #expect(GeoIpLocation(lon: 0.1 + 0.2, lat: 0) != GeoIpLocation(lon: 0.3, lat: 0))
    }

    /// A type of an app's own that adopts the protocol, with a field that is only `Codable`: taken apart by its encoding.
    struct Note: GenAuthModel {
        struct Body: Codable, Sendable {
            var lines: [String]
            var pinned: Bool?
        }
        var body: Body

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            try container.encode(body, forKey: "body")
        }

        init(_ lines: [String], pinned: Bool? = nil) {
            body = Body(lines: lines, pinned: pinned)
        }

        init(from decoder: any Decoder) throws {
            body = try decoder.container(keyedBy: JSONKey.self).decode(Body.self, forKey: "body")
        }
    }

    @Test func fieldsThatAreNotHashableAreComparedByWhatTheyEncode() {
        #expect(Note(["a", "b"]) == Note(["a", "b"]))
        #expect(Note(["a", "b"]).hashValue == Note(["a", "b"]).hashValue)
        #expect(Note(["a", "b"]) != Note(["b", "a"]))
        #expect(Note(["a"]) != Note(["a"], pinned: false))
        #expect(Set([Note(["a"]), Note(["a"]), Note(["a"], pinned: true)]).count == 2)
    }
}
