import GenAuthCore
import Foundation

/// One call of an endpoint built from the spec's examples (placeholders where there are none): the Swift
/// arguments of the doc sample and the contract test, and the request those arguments must produce.
struct ExampleCall {
    /// `SendSMSDto(…)`, `userId: "…"`: the call's arguments as Swift source (multi-line for a request body).
    var arguments: [String] = []
    /// The JSON body the call sends, with JSON keys.
    var body: Value?
    /// The path with its parameters' example values, percent-encoded as the SDK encodes them.
    var path: String = ""
    /// `name=value&…`, percent-encoded, in spec order; nil when no parameter is sent.
    var query: String?
    var usesFoundation = false
    /// How many optional properties with an example each object passes; nil: all of them. The doc samples pass a few
    /// (a page about `createUser` needs no forty fields), the contract tests all of them.
    private var optionalLimit: Int?

    /// The key of an endpoint's call among all clients' endpoints: `AuthenticationClient.sendSms`.
    static func key(_ endpoint: Endpoint) -> String {
        endpoint.client.rawValue + "." + endpoint.name
    }

    /// Which properties a call passes: required ones, and optional ones that have an example.
    static func isPassed(_ property: Property) -> Bool {
        property.required || property.example != nil
    }

    /// The optional properties with an example that a doc sample's objects pass, in the spec's order.
    static let conciseOptionalCount = 4

    /// - Parameter concise: A doc sample's call: the required properties and the first few optional ones.
    init(_ endpoint: Endpoint, api: API, concise: Bool = false) {
        optionalLimit = concise ? Self.conciseOptionalCount : nil
        if let request = endpoint.request {
            let (swift, value) = object(request, api: api, multiline: true, depth: 0)
            arguments.append(swift)
            body = value
        }
        var pathValues: [String: String] = [:]
        var queryPairs: [(String, String)] = []
        for property in endpoint.pathParams + endpoint.query {
            let isPath = endpoint.pathParams.contains { $0.key == property.key }
            var sent: Value?
            if Self.isPassed(property) {
                // A list in a URL needs an element: an empty one would be sent as an empty value.
                var property = property
                if case .array = property.type { property.constraints.minItems = max(property.constraints.minItems ?? 0, 1) }
                let (swift, value) = argument(property, api: api, depth: 0)
                arguments.append("\(property.swiftName): \(swift)")
                sent = value
            } else if let defaultValue = property.defaultValue, defaultValue != .null,
                      SwiftSyntax.literal(defaultValue, as: property.type, inlineEnum: property.inlineEnum, api: api) != nil {
                sent = defaultValue  // a non-optional parameter with a default is always sent
            }
            guard let sent, let text = Self.urlText(sent, type: property.type) else { continue }
            if isPath { pathValues[property.key] = text } else { queryPairs.append((property.key, text)) }
        }
        var path = ""
        var rest = Substring(endpoint.path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            path += rest[..<open]
            path += Self.percentEncoded(pathValues[String(rest[rest.index(after: open)..<close])] ?? "")
            rest = rest[rest.index(after: close)...]
        }
        self.path = path + rest
        if !queryPairs.isEmpty {
            query = queryPairs.map { "\(Self.percentEncoded($0.0))=\(Self.percentEncoded($0.1))" }.joined(separator: "&")
        }
    }

    // MARK: - Arguments

    private mutating func argument(_ property: Property, api: API, depth: Int) -> (String, Value) {
        if SwiftSyntax.usesFoundation(property.type) { usesFoundation = true }
        if let example = Self.sensibleExample(property), example != .null,
           let literal = SwiftSyntax.literal(example, as: property.type, inlineEnum: property.inlineEnum, api: api) {
            return (literal, Self.wire(example, type: property.type))
        }
        return placeholder(
            property.type, key: property.key, inlineEnum: property.inlineEnum, api: api, depth: depth,
            constraints: property.constraints, items: property.itemConstraints)
    }

    /// An expiry of GenAuth's document is a moment long past (an `endTime` of 2022): a sample would grant what has
    /// already expired. Such an example becomes 2100-01-01 (in milliseconds, as GenAuth's `…Time` integers are).
    static func sensibleExample(_ property: Property) -> Value? {
        let expiries: Set<String> = ["endTime", "expireTime", "expiredTime", "expirationTime", "expireAt", "expiresAt", "expiredAt"]
        guard expiries.contains(property.key), case .integer(let milliseconds)? = property.example,
              milliseconds > 100_000_000_000, milliseconds < Self.farFuture
        else { return property.example }
        return .integer(Self.farFuture)
    }

    /// 2100-01-01T00:00:00Z in milliseconds.
    static let farFuture = 4_102_444_800_000

    /// `SendSMSDto(…)` with the properties a call passes.
    private mutating func object(_ typeName: String, api: API, multiline: Bool, depth: Int) -> (String, Value) {
        let properties = api.types[typeName]?.properties ?? []
        var arguments: [String] = []
        var entries: [Value.ObjectEntry] = []
        var optionals = 0
        for property in properties where Self.isPassed(property) {
            if !property.required, let optionalLimit {
                guard optionals < optionalLimit else { continue }
                optionals += 1
            }
            let (swift, value) = argument(property, api: api, depth: depth + 1)
            arguments.append("\(property.swiftName): \(swift)")
            entries.append(.init(key: property.key, value: value))
        }
        let swift: String
        if arguments.isEmpty {
            swift = "\(typeName)()"
        } else if multiline {
            swift = "\(typeName)(\n" + arguments.map { "    " + $0 }.joined(separator: ",\n") + "\n)"
        } else {
            swift = "\(typeName)(" + arguments.joined(separator: ", ") + ")"
        }
        return (swift, .object(entries))
    }

    /// A value of the right type where the spec gives no example, within the property's constraints: the
    /// key's name in capitals as a string (cut or padded to a valid length), the smallest valid number, as many array
    /// elements as `minItems` asks for.
    private mutating func placeholder(
        _ type: TypeRef, key: String, inlineEnum: EnumDecl?, api: API, depth: Int,
        constraints: Constraints = Constraints(), items: Constraints = Constraints()
    ) -> (String, Value) {
        switch type {
        case .string:
            let text = Self.placeholderText(key, constraints)
            return (Escaping.swiftStringLiteral(text), .string(text))
        case .integer:
            let number = Self.placeholderNumber(constraints, integral: true)
            return (String(Int(number)), .integer(Int(number)))
        case .number:
            let number = Self.placeholderNumber(constraints, integral: false)
            return (SwiftSyntax.numberLiteral(number), .number(number))
        case .boolean: return ("false", .bool(false))
        case .dateTime:
            usesFoundation = true
            return ("Date(timeIntervalSince1970: 1700000000.0)", .string("2023-11-14T22:13:20.000Z"))
        case .json: return ("[:]", .object([]))
        case .inlineEnum(let qualified):
            guard let first = inlineEnum?.cases.first else { return (".init(rawValue: \"\")", .string("")) }
            return (SwiftSyntax.enumLiteral(first.rawValue, cases: [first], typeName: qualified), .string(first.rawValue))
        case .inlineUnion(let qualified):
            // The first alternative.
            guard let first = api.unions[qualified]?.cases.first else { return ("nil", .null) }
            let (swift, value) = placeholder(
                first.type, key: key, inlineEnum: nil, api: api, depth: depth + 1, constraints: first.constraints, items: first.itemConstraints)
            return (".\(Naming.escaped(first.swiftName))(\(swift))", value)
        case .named(let name):
            switch api.types[name]?.kind {
            case .enumeration(let decl)?:
                guard let first = decl.cases.first else { return (".init(rawValue: \"\")", .string("")) }
                return (SwiftSyntax.enumLiteral(first.rawValue, cases: [first], typeName: name), .string(first.rawValue))
            case .object?:
                guard depth < 8 else { return ("\(name)()", .object([])) }
                return object(name, api: api, multiline: false, depth: depth)
            case nil:
                return ("nil", .null)
            }
        case .array(let element):
            // Distinct elements, so that `uniqueItems` holds too: KEY_1, KEY_2, …
            let count = constraints.minItems ?? 0
            let elements = (0..<count).map { index in
                placeholder(element, key: "\(key)_\(index + 1)", inlineEnum: inlineEnum, api: api, depth: depth + 1, constraints: items)
            }
            return ("[" + elements.map(\.0).joined(separator: ", ") + "]", .array(elements.map(\.1)))
        case .map: return ("[:]", .object([]))
        }
    }

    /// The key in capitals, as a value to replace (`qrcodeId` → `QRCODE_ID`), cut to `maxLength` or padded
    /// with `X` to `minLength`.
    static func placeholderText(_ key: String, _ constraints: Constraints) -> String {
        let words = Naming.words(key)
        var scalars = Array((words.isEmpty ? key : words.map { $0.uppercased() }.joined(separator: "_")).unicodeScalars)
        if let maxLength = constraints.maxLength, scalars.count > maxLength { scalars = Array(scalars.prefix(maxLength)) }
        if let minLength = constraints.minLength, scalars.count < minLength {
            scalars += Array(repeating: "X", count: minLength - scalars.count)
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    /// 0, or the nearest bound that allows it.
    static func placeholderNumber(_ constraints: Constraints, integral: Bool) -> Double {
        var number = 0.0
        if let minimum = constraints.minimum, number < minimum { number = integral ? minimum.rounded(.up) : minimum }
        if let maximum = constraints.maximum, number > maximum { number = integral ? maximum.rounded(.down) : maximum }
        return number
    }

    /// A value as the SDK sends it: a `Date` goes out in the SDK's ISO 8601 form (fractional seconds, UTC).
    static func wire(_ value: Value, type: TypeRef) -> Value {
        switch (value, type) {
        case (.string(let text), .dateTime):
            return GenAuthDate.parse(text).map { .string(GenAuthDate.format($0)) } ?? value
        case (.array(let items), .array(let element)): return .array(items.map { wire($0, type: element) })
        case (.object(let entries), .map(let element)): return .object(entries.map { .init(key: $0.key, value: wire($0.value, type: element)) })
        default: return value
        }
    }

    // MARK: - URL text, as the SDK's runtime writes it

    /// How the SDK writes a parameter value in a URL.
    static func urlText(_ value: Value, type: TypeRef) -> String? {
        switch (value, type) {
        case (.string(let text), .dateTime):
            return GenAuthDate.parse(text).map(GenAuthDate.format)
        case (.string(let text), _): return text
        case (.bool(let flag), _): return flag ? "true" : "false"
        case (.integer(let number), .number): return String(Double(number))
        case (.integer(let number), _): return String(number)
        case (.number(let number), _): return String(number)
        case (.array(let items), .array(let element)):
            let parts = items.compactMap { urlText($0, type: element) }
            return parts.joined(separator: ",")
        default: return nil
        }
    }

    /// RFC 3986's unreserved characters stay; every other byte is percent-encoded.
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
