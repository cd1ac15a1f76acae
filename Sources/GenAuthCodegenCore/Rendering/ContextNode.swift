import Mustache

/// A context value prepared for rendering: a struct's stored properties read once into a dictionary,
/// through its synthesized `Encodable` conformance (see ``ContextEncoder``).
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

    /// A context with every struct in it turned into a ``ContextNode``; strings, numbers and booleans stay.
    static func prepare(_ context: any TemplateContext) -> Any {
        ContextEncoder.prepare(context)
    }
}
