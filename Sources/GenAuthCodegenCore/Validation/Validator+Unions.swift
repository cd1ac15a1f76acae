extension Validator {
    /// The kinds of JSON value the alternatives of a union are told apart by.
    enum JSONKind: String {
        case object, string, number, boolean, array
    }

    /// A `oneOf`: named alternatives of distinct JSON kinds, each with a type (no nested enum or union).
    mutating func resolveUnion(_ alternatives: [RawProperty], name: String, owner: String, raw: RawProperty) -> UnionDecl? {
        let what = "'oneOf' of '\(raw.key.value)'"
        guard !alternatives.isEmpty else {
            diagnostics.error("\(what) lists no alternatives", at: raw.oneOfLocation ?? raw.key.location)
            return nil
        }
        var cases: [Property] = []
        var caseKinds: [String] = []
        var kinds: [JSONKind: Located<String>] = [:]
        for alternative in alternatives {
            let caseName = alternative.key
            guard Naming.isMethodName(caseName.value), !Naming.keywords.contains(caseName.value) else {
                diagnostics.error(
                    "'\(caseName.value)' in \(what) is not a valid case name: it must start with a lowercase letter and contain only ASCII letters and digits",
                    at: caseName.location)
                continue
            }
            if alternative.enumeration != nil || alternative.oneOf != nil {
                diagnostics.error("alternative '\(caseName.value)' of \(what) must name a type; an enum or a union cannot be nested here", at: caseName.location)
                continue
            }
            guard let rawType = alternative.type, let type = resolveTypeRef(rawType) else { continue }
            guard let kind = jsonKind(type) else {
                diagnostics.error("alternative '\(caseName.value)' of \(what) is json: it could not be told apart from the others", at: caseName.location)
                continue
            }
            if let other = kinds[kind] {
                diagnostics.error(
                    "alternatives '\(caseName.value)' and '\(other.value)' of \(what) are both \(kind.rawValue == "array" || kind.rawValue == "object" ? "an" : "a") \(kind.rawValue): a value could not be told apart",
                    at: caseName.location, notes: [.note("'\(other.value)' is here", at: other.location)])
                continue
            }
            kinds[kind] = caseName
            caseKinds.append(kind.rawValue)
            let (constraints, itemConstraints) = resolveConstraints(alternative, type: type)
            cases.append(Property(
                key: caseName.value, swiftName: caseName.value, type: type, required: true, description: alternative.description,
                defaultValue: nil, example: nil, deprecated: nil, inlineEnum: nil,
                constraints: constraints, itemConstraints: itemConstraints))
        }
        return UnionDecl(name: name, description: raw.description, cases: cases, kinds: caseKinds)
    }

    /// The JSON kind of a type's values; nil for `json`, which can be any.
    func jsonKind(_ type: TypeRef) -> JSONKind? {
        switch type {
        case .string, .dateTime, .inlineEnum: return .string
        case .integer, .number: return .number
        case .boolean: return .boolean
        case .array: return .array
        case .map, .inlineUnion: return .object
        case .json: return nil
        case .named(let name): return rawTypes[name]?.type.enumeration != nil ? .string : .object
        }
    }
}
