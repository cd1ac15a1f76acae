import Foundation
import Yams
@testable import GenAuthCodegenCore

/// A random valid API description, built from a seed: types that refer to earlier types (and to any type
/// through arrays), inline enums, every TypeRef form, endpoints with path and query parameters, and texts
/// full of characters that must not break the output. Valid by construction.
struct RandomSpec {
    /// Spec files: relative path → YAML text.
    var files: [(path: String, text: String)] = []

    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        build()
    }

    static let fragments = [
        "plain words", "*/", "/*", "\"\"\"", "\\(x)", "#", "`tick`", "|", "<script>alert(1)</script>", "a\nb", "\t", "🎉",
        "中文说明", "emoji 👩‍💻", "[link](x)", "**bold**", "_under_", "100%", "&amp;", "\\", "'quote'", "\"double\"", "- dash",
        "1. one", "> quote", "{{mustache}}", "\u{2028}", "\r\n", "--- ", ": colon", "yes", "null", "~", "@at", "!bang",
    ]

    static let keys = [
        "name", "client_id", "x-app-id", "default", "self", "Type", "init", "none", "protocol", "value2", "zh-CN",
        "userId", "created_at", "URL", "list", "count", "enabled", "data", "description", "extra",
    ]

    static let rawValues = [
        "CHANNEL_LOGIN", "azure-ad", "code id_token token", "1", "none", "self", "https://example.com/x", "A|B",
        "`tick`", "quote\"d", "中文", "Type", "init", "default", "M", "F", "x y z",
    ]

    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }

    private mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    private mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    private mutating func text() -> String {
        (0..<int(1...3)).map { _ in pick(Self.fragments) }.joined(separator: " ")
    }

    private mutating func textNode() -> Node {
        chance(50) ? YAMLTree.string(text()) : YAMLTree.text([(.en, text()), (.zh, text())])
    }

    private mutating func build() {
        let typeCount = int(1...6)
        let typeNames = (0..<typeCount).map { "T\($0)Dto" }
        var types: [(String, Node)] = []
        for (index, name) in typeNames.enumerated() {
            var properties: [(String, Node)] = []
            var swiftNames = Set<String>()
            for _ in 0..<int(0...6) {
                let key = pick(Self.keys)
                guard let swiftName = Naming.propertyName(key), swiftNames.insert(swiftName).inserted else { continue }
                var entries: [(String, Node)] = []
                if chance(25) {
                    var seen = Set<String>()
                    var values: [Node] = []
                    for _ in 0..<int(1...4) {
                        let raw = pick(Self.rawValues)
                        if let caseName = Naming.caseName(raw), seen.insert(caseName).inserted, !["allCases", "rawValue", "description", "isKnown", "hashValue"].contains(caseName) {
                            values.append(YAMLTree.string(raw))
                        }
                    }
                    guard let first = values.first?.string else { continue }
                    entries.append(("enum", YAMLTree.sequence(values)))
                    if chance(50) { entries.append(("example", YAMLTree.string(first))) }
                } else {
                    let (type, example) = typeRef(earlier: Array(typeNames.prefix(index)), all: typeNames)
                    entries.append(("type", type))
                    if let example, chance(60) { entries.append(("example", example)) }
                }
                if chance(40) { entries.append(("required", YAMLTree.bool(true))) }
                if chance(60) { entries.append(("description", textNode())) }
                if chance(10) { entries.append(("deprecated", chance(50) ? YAMLTree.bool(true) : textNode())) }
                properties.append((key, YAMLTree.mapping(entries)))
            }
            var entries: [(String, Node)] = []
            if chance(50) { entries.append(("description", textNode())) }
            entries.append(("properties", YAMLTree.mapping(properties)))
            types.append((name, YAMLTree.mapping(entries)))
        }

        var endpoints: [(String, Node)] = []
        for index in 0..<int(1...4) {
            let method = pick(["GET", "POST", "PUT", "PATCH", "DELETE"])
            let withPath = chance(40)
            var entries: [(String, Node)] = [
                ("summary", textNode()),
                ("method", YAMLTree.string(method)),
                ("path", YAMLTree.string("/api/v3/op\(index)" + (withPath ? "/{itemId}" : ""))),
            ]
            if chance(50) { entries.append(("description", textNode())) }
            if withPath {
                entries.append(("pathParams", YAMLTree.mapping([("itemId", YAMLTree.mapping([("type", YAMLTree.string("string")), ("example", YAMLTree.string(text()))]))])))
            }
            if chance(50) {
                var query: [(String, Node)] = [("page", YAMLTree.mapping([("type", YAMLTree.string("integer")), ("default", YAMLTree.integer(1))]))]
                if chance(50) { query.append(("lang", YAMLTree.mapping([("enum", YAMLTree.sequence(["zh-CN", "en-US"].map(YAMLTree.string))), ("example", YAMLTree.string("en-US"))]))) }
                if chance(50) { query.append(("tags", YAMLTree.mapping([("type", YAMLTree.sequence([YAMLTree.string("string")])), ("example", YAMLTree.sequence([YAMLTree.string(text())]))]))) }
                entries.append(("query", YAMLTree.mapping(query)))
            }
            if method != "GET", chance(70) {
                entries.append(("request", YAMLTree.string(pick(typeNames))))
                if chance(15) { entries.append(("encoding", YAMLTree.string("form"))) }
            }
            entries.append(("response", YAMLTree.string(pick(typeNames))))
            entries.append(("auth", YAMLTree.string(pick(["none", "appId", "accessToken"]))))
            if chance(10) { entries.append(("deprecated", YAMLTree.bool(true))) }
            endpoints.append(("op\(index)\(pick(["", "Users", "Sms"]))", YAMLTree.mapping(entries)))
        }

        // Split the types and endpoints over one to three files.
        let fileCount = int(1...3)
        for file in 0..<fileCount {
            var entries: [(String, Node)] = [("client", YAMLTree.string("AuthenticationClient"))]
            if chance(70) { entries.append(("module", textNode())) }
            if chance(70) { entries.append(("group", textNode())) }
            let ownEndpoints = endpoints.enumerated().filter { $0.offset % fileCount == file }.map(\.element)
            let ownTypes = types.enumerated().filter { $0.offset % fileCount == file }.map(\.element)
            if !ownEndpoints.isEmpty { entries.append(("endpoints", YAMLTree.mapping(ownEndpoints))) }
            if !ownTypes.isEmpty { entries.append(("types", YAMLTree.mapping(ownTypes))) }
            files.append(("group\(file)/file-\(file).yaml", SpecWriter.write(YAMLTree.mapping(entries), header: ["random spec"])))
        }
    }

    /// A TypeRef and a matching example. Objects only refer to earlier types directly (no cycles), to any
    /// type through an array.
    private mutating func typeRef(earlier: [String], all: [String]) -> (Node, Node?) {
        switch int(0...9) {
        case 0: return (YAMLTree.string("string"), YAMLTree.string(text()))
        case 1: return (YAMLTree.string("integer"), YAMLTree.integer(int(-5...1_000_000)))
        case 2: return (YAMLTree.string("number"), YAMLTree.number(Double(int(0...1000)) / 4))
        case 3: return (YAMLTree.string("boolean"), YAMLTree.bool(chance(50)))
        case 4: return (YAMLTree.string("date-time"), YAMLTree.string("2023-11-0\(int(1...9))T08:00:00Z"))
        case 5: return (YAMLTree.string("json"), YAMLTree.mapping([("k", YAMLTree.string(text())), ("n", YAMLTree.integer(1))]))
        case 6: return (YAMLTree.sequence([YAMLTree.string("string")]), YAMLTree.sequence([YAMLTree.string(text())]))
        case 7: return (YAMLTree.mapping([("string", YAMLTree.string("integer"))]), YAMLTree.mapping([(text(), YAMLTree.integer(2))]))
        case 8 where !earlier.isEmpty: return (YAMLTree.string(pick(earlier)), nil)
        default: return (YAMLTree.sequence([YAMLTree.string(pick(all))]), nil)
        }
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
