import Foundation
import Testing
@testable import GenAuthManagement

/// The types of GenAuth's management document that plain structs would get wrong, decoded and encoded.
@Suite struct ManagementModelTests {
    static func roundTrip<T: Codable & Equatable>(_ json: String, as type: T.Type) throws -> (T, JSONValue) {
        let value = try JSONCoding.makeDecoder().decode(T.self, from: Data(json.utf8))
        let encoded = try JSONCoding.makeEncoder().encode(value)
        #expect(try JSONCoding.makeDecoder().decode(T.self, from: encoded) == value)
        return (value, try JSONDecoder().decode(JSONValue.self, from: encoded))
    }

    @Test(arguments: [
        (#"{"code":"tree1","name":"树","children":[{"code":"c1","name":"子节点","children":[]}]}"#, "object"),
        (#""a string resource""#, "string"),
        (#"["read","write"]"#, "array"),
    ])
    func aDataResourceStructDecodesAndEncodesEachBranch(json: String, branch: String) throws {
        let body = #"{"namespaceCode":"ns","resourceName":"n","resourceCode":"c","type":"TREE","actions":["get"],"struct":\#(json)}"#
        let (resource, encoded) = try Self.roundTrip(body, as: CreateDataResourceDto.self)
        switch (resource.struct, branch) {
        case (.object(let tree), "object"): #expect(tree.code == "tree1" && tree.children?.count == 1)
        case (.string(let text), "string"): #expect(text == "a string resource")
        case (.array(let items), "array"): #expect(items == ["read", "write"])
        default: Issue.record("\(json) decoded as \(resource.struct)")
        }
        guard case .object(let fields) = encoded else { Issue.record("not an object"); return }
        #expect(fields["struct"] == (try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))), "the branch encodes back as it came")
    }

    @Test func aStructOfNoBranchNamesItsCodingPath() throws {
        let body = #"{"namespaceCode":"ns","resourceName":"n","resourceCode":"c","type":"TREE","actions":[],"struct":42}"#
        #expect {
            _ = try JSONCoding.makeDecoder().decode(CreateDataResourceDto.self, from: Data(body.utf8))
        } throws: { error in
            guard case .dataCorrupted(let context) = error as? DecodingError else { return false }
            return context.codingPath.map(\.stringValue) == ["struct"] && context.debugDescription == "Expected an object, a string or an array"
        }
    }

    @Test func aSelfRecursiveTreeDecodesToAnyDepth() throws {
        var json = #"{"code":"leaf","name":"leaf"}"#
        for level in 0..<30 { json = #"{"code":"l\#(level)","name":"n","children":[\#(json)]}"# }
        var (node, _) = try Self.roundTrip(json, as: TreeStructs.self)
        var depth = 0
        while let child = node.children?.first {
            node = child
            depth += 1
        }
        #expect(depth == 30 && node.code == "leaf")
    }

    @Test func freeFormObjectsKeepEveryField() throws {
        let (any, encoded) = try Self.roundTrip(#"{"a":1,"nested":{"b":[true,null]},"text":"x"}"#, as: AnyDto.self)
        #expect(any.fields["a"] == 1)
        #expect(any.fields["nested"] == ["b": [true, nil]])
        #expect(encoded == ["a": 1, "nested": ["b": [true, nil]], "text": "x"])
    }

    @Test func fractionalCoordinatesAndKeysThatAreNoIdentifiers() throws {
        let (location, _) = try Self.roundTrip(#"{"lat":39.9288,"lon":116.3889}"#, as: GeoIpLocation.self)
        #expect(location.lat == 39.9288 && location.lon == 116.3889)
        let unit = #"{"enabled":true,"value":"x"}"#
        let (languages, encoded) = try Self.roundTrip(
            #"{"zh-CN":\#(unit),"en-US":\#(unit),"zh-TW":\#(unit),"ja-JP":\#(unit)}"#, as: LangObject.self)
        #expect(languages.zhCn == languages.jaJp)
        guard case .object(let fields) = encoded else { Issue.record("not an object"); return }
        #expect(Set(fields.keys) == ["zh-CN", "en-US", "zh-TW", "ja-JP"], "the JSON keys are kept")
    }
}
