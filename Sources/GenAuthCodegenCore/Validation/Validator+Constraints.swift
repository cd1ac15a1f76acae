extension Validator {
    /// The constraints of a property, each checked against its type: lengths for strings, item counts for
    /// arrays, bounds for numbers; `items` for the elements of an array.
    mutating func resolveConstraints(_ raw: RawProperty, type: TypeRef) -> (Constraints, Constraints) {
        let what = "'\(raw.key.value)'"
        let constraints = resolve(raw.constraints, for: type, what: what)
        var itemConstraints = Constraints()
        if let items = raw.itemConstraints {
            if case .array(let element) = type {
                itemConstraints = resolve(items, for: element, what: "the items of \(what)")
            } else if let first = [items.minLength, items.maxLength].compactMap({ $0?.location }).first
                ?? [items.minimum, items.maximum].compactMap({ $0?.location }).first {
                diagnostics.error("'items' constrains the elements of an array; \(what) is \(Self.kindName(type))", at: first)
            }
        }
        return (constraints, itemConstraints)
    }

    private mutating func resolve(_ raw: RawConstraints, for type: TypeRef, what: String) -> Constraints {
        var result = Constraints()
        guard !raw.isEmpty else { return result }
        func misplaced(_ key: String, _ location: SourceLocation, applies: String) {
            diagnostics.error("'\(key)' applies to \(applies); \(what) is \(Self.kindName(type))", at: location)
        }
        let isString: Bool
        switch type {
        case .string, .inlineEnum: isString = true
        case .named(let name): isString = rawTypes[name]?.type.enumeration != nil
        default: isString = false
        }
        let isNumber = type == .integer || type == .number
        let isArray: Bool
        if case .array = type { isArray = true } else { isArray = false }

        for (key, bound) in [("minLength", raw.minLength), ("maxLength", raw.maxLength)] {
            guard let bound else { continue }
            if isString { key == "minLength" ? (result.minLength = bound.value) : (result.maxLength = bound.value) }
            else { misplaced(key, bound.location, applies: "strings") }
        }
        for (key, bound) in [("minItems", raw.minItems), ("maxItems", raw.maxItems)] {
            guard let bound else { continue }
            if isArray { key == "minItems" ? (result.minItems = bound.value) : (result.maxItems = bound.value) }
            else { misplaced(key, bound.location, applies: "arrays") }
        }
        if let unique = raw.uniqueItems {
            if isArray { result.uniqueItems = unique.value } else { misplaced("uniqueItems", unique.location, applies: "arrays") }
        }
        for (key, bound) in [("minimum", raw.minimum), ("maximum", raw.maximum)] {
            guard let bound else { continue }
            if isNumber { key == "minimum" ? (result.minimum = bound.value) : (result.maximum = bound.value) }
            else { misplaced(key, bound.location, applies: "numbers") }
        }
        if let min = result.minLength, let max = result.maxLength, min > max, let location = raw.minLength?.location {
            diagnostics.error("'minLength' (\(min)) of \(what) is greater than its 'maxLength' (\(max))", at: location)
        }
        if let min = result.minItems, let max = result.maxItems, min > max, let location = raw.minItems?.location {
            diagnostics.error("'minItems' (\(min)) of \(what) is greater than its 'maxItems' (\(max))", at: location)
        }
        if let min = result.minimum, let max = result.maximum, min > max, let location = raw.minimum?.location {
            diagnostics.error(
                "'minimum' (\(Constraints.format(min))) of \(what) is greater than its 'maximum' (\(Constraints.format(max)))",
                at: location)
        }
        return result
    }

    static func kindName(_ type: TypeRef) -> String {
        switch type {
        case .string, .inlineEnum: return "a string"
        case .integer: return "an integer"
        case .number: return "a number"
        case .boolean: return "a boolean"
        case .dateTime: return "a date-time"
        case .json: return "json"
        case .named(let name): return "'\(name)'"
        case .array: return "an array"
        case .map: return "a map"
        case .inlineUnion: return "one of several types"
        }
    }
}
