import Mustache

/// A context value prepared for rendering: a struct's stored properties read once into a dictionary
/// (through its synthesized `Encodable` conformance, see ``ContextEncoder``; by `Mirror` for anything else).
/// Mustache looks every `{{name}}` up by reflection otherwise, which made reflection the generator's main cost.
final class ContextNode: MustacheParent {
    /// Non-nil values by key.
    let values: [String: Any]
    /// Every stored property's name, nil ones included: the template checker tells a typo from a nil.
    let keys: Set<String>

    init(values: [String: Any], keys: Set<String>) {
        self.values = values
        self.keys = keys
    }

    func child(named name: String) -> Any? {
        values[name]
    }

    /// `value` with every struct in it turned into a ``ContextNode``; strings, numbers and booleans stay.
    static func prepare(_ value: Any) -> Any {
        if let context = value as? any TemplateContext {
            return ContextEncoder.prepare(context)
        }
        return reflected(value)
    }

    /// `prepare` by reflection, for values that are not ``TemplateContext``s.
    private static func reflected(_ value: Any) -> Any {
        // Comparing metatypes is much cheaper than `is` casts on an existential.
        let valueType = type(of: value)
        if valueType == String.self || valueType == Bool.self || valueType == Int.self || valueType == ContextNode.self {
            return value
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { prepare($0.value) } as Any
        case .collection, .set:
            return mirror.children.map { prepare($0.value) }
        case .struct, .class:
            var values: [String: Any] = [:]
            var keys = Set<String>()
            for child in mirror.children {
                guard let label = child.label else { continue }
                keys.insert(label)
                let childMirror = Mirror(reflecting: child.value)
                if childMirror.displayStyle == .optional {
                    guard let wrapped = childMirror.children.first else { continue }
                    values[label] = prepare(wrapped.value)
                } else {
                    values[label] = prepare(child.value)
                }
            }
            return ContextNode(values: values, keys: keys)
        default:
            return value
        }
    }
}
