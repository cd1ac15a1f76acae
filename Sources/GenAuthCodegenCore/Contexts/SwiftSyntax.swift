import GenAuthCore
/// How model pieces are spelled in Swift: type names, literals, parameter lists.
enum SwiftSyntax {
    /// The Swift type of a reference. Inside `owner`, its own nested enums are written unqualified.
    static func typeName(_ type: TypeRef, owner: String? = nil) -> String {
        switch type {
        case .string: return "String"
        case .integer: return "Int"
        case .number: return "Double"
        case .boolean: return "Bool"
        case .dateTime: return "Date"
        case .json: return "JSONValue"
        case .named(let name): return name
        case .inlineEnum(let qualified), .inlineUnion(let qualified):
            if let owner, qualified.hasPrefix(owner + ".") { return String(qualified.dropFirst(owner.count + 1)) }
            return qualified
        case .array(let element): return "[\(typeName(element, owner: owner))]"
        case .map(let value): return "[String: \(typeName(value, owner: owner))]"
        }
    }

    /// Whether `value` has the JSON kind of `type`'s values.
    static func holds(_ type: TypeRef, _ value: Value, types: [String: TypeDecl]) -> Bool {
        switch (type, value) {
        case (.string, .string), (.dateTime, .string), (.inlineEnum, .string), (.integer, .integer), (.number, .integer),
             (.number, .number), (.boolean, .bool), (.array, .array), (.map, .object), (.json, _):
            return true
        case (.named(let name), .string):
            if case .enumeration? = types[name]?.kind { return true }
            return false
        case (.named(let name), .object):
            if case .object? = types[name]?.kind { return true }
            return false
        default:
            return false
        }
    }

    static func usesFoundation(_ type: TypeRef) -> Bool {
        switch type {
        case .dateTime: return true
        case .array(let element), .map(let element): return usesFoundation(element)
        default: return false
        }
    }

    /// A Swift expression for `value` as a `type`, for default arguments and sample code.
    /// `nil` when Swift cannot spell it (an object where a default argument is needed, say).
    static func literal(_ value: Value, as type: TypeRef, inlineEnum: EnumDecl?, api: API, depth: Int = 0) -> String? {
        guard depth < 32 else { return nil }
        if case .null = value { return "nil" }
        switch (type, value) {
        case (.string, .string(let text)):
            return Escaping.swiftStringLiteral(text)
        case (.integer, .integer(let number)):
            return String(number)
        case (.number, .number(let number)):
            return numberLiteral(number)
        case (.number, .integer(let number)):
            return String(number)
        case (.boolean, .bool(let flag)):
            return flag ? "true" : "false"
        case (.dateTime, .string(let text)):
            guard let date = GenAuthDate.parse(text) else { return nil }
            return "Date(timeIntervalSince1970: \(numberLiteral(date.timeIntervalSince1970)))"
        case (.json, _):
            return jsonLiteral(value, depth: depth)
        case (.inlineEnum(let qualified), .string(let raw)):
            return enumLiteral(raw, cases: inlineEnum?.cases ?? [], typeName: qualified)
        case (.inlineUnion(let qualified), _):
            // The alternative whose kind the value has.
            guard let alternative = api.unions[qualified]?.cases.first(where: { Self.holds($0.type, value, types: api.types) }),
                  let payload = literal(value, as: alternative.type, inlineEnum: nil, api: api, depth: depth + 1)
            else { return nil }
            return ".\(Naming.escaped(alternative.swiftName))(\(payload))"
        case (.named(let name), _):
            switch api.types[name]?.kind {
            case .enumeration(let decl)?:
                guard case .string(let raw) = value else { return nil }
                return enumLiteral(raw, cases: decl.cases, typeName: name)
            case .object(let properties)? where properties.isEmpty:
                guard case .object = value else { return nil }
                return "\(name)(fields: \(jsonLiteral(value, depth: depth + 1)))"
            case .object(let properties)?:
                guard case .object(let entries) = value else { return nil }
                let arguments = properties.compactMap { property -> String? in
                    guard let entry = entries.first(where: { $0.key == property.key }) else { return nil }
                    return literal(entry.value, as: property.type, inlineEnum: property.inlineEnum, api: api, depth: depth + 1)
                        .map { "\(property.swiftName): \($0)" }
                }
                return "\(name)(\(arguments.joined(separator: ", ")))"
            case nil:
                return nil
            }
        case (.array(let element), .array(let items)):
            let parts = items.compactMap { literal($0, as: element, inlineEnum: inlineEnum, api: api, depth: depth + 1) }
            return "[\(parts.joined(separator: ", "))]"
        case (.map(let valueType), .object(let entries)):
            let parts = entries.compactMap { entry in
                literal(entry.value, as: valueType, inlineEnum: inlineEnum, api: api, depth: depth + 1)
                    .map { "\(Escaping.swiftStringLiteral(entry.key)): \($0)" }
            }
            return parts.isEmpty ? "[:]" : "[\(parts.joined(separator: ", "))]"
        default:
            return nil
        }
    }

    /// `.channelLogin` for a known raw value, `.init(rawValue: "…")` for any other. A case named `none` is
    /// qualified (`Kind.none`): where an optional is expected, `.none` would mean nil.
    static func enumLiteral(_ raw: String, cases: [EnumCase], typeName: String) -> String {
        guard let known = cases.first(where: { $0.rawValue == raw }) else {
            return ".init(rawValue: \(Escaping.swiftStringLiteral(raw)))"
        }
        return (known.swiftName == "none" ? typeName : "") + "." + Naming.escaped(known.swiftName)
    }

    static func numberLiteral(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) + ".0" }
        return String(describing: number)
    }

    /// A `JSONValue` literal.
    static func jsonLiteral(_ value: Value, depth: Int = 0) -> String {
        guard depth < 32 else { return "nil" }
        switch value {
        case .null: return "nil"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return numberLiteral(number)
        case .string(let text): return Escaping.swiftStringLiteral(text)
        case .array(let items): return "[" + items.map { jsonLiteral($0, depth: depth + 1) }.joined(separator: ", ") + "]"
        case .object(let entries):
            if entries.isEmpty { return "[:]" }
            return "[" + entries.map { "\(Escaping.swiftStringLiteral($0.key)): \(jsonLiteral($0.value, depth: depth + 1))" }
                .joined(separator: ", ") + "]"
        }
    }
}
