/// What a template sees: a context with every struct in it turned into a ``TemplateObject``.
/// Rendering switches over these cases; nothing is looked up through `Any` or a dynamic cast.
enum TemplateValue: @unchecked Sendable {
    case text(String)
    case flag(Bool)
    case number(Int)
    case list([TemplateValue])
    case object(TemplateObject)

    /// The prepared form of a context (see ``ContextEncoder``).
    static func prepare(_ context: any TemplateContext) -> TemplateValue {
        ContextEncoder.prepare(context)
    }

    /// How the value is named in a diagnostic.
    var kindName: String {
        switch self {
        case .text: return "text"
        case .flag: return "a boolean"
        case .number: return "a number"
        case .list: return "a list"
        case .object: return "a context"
        }
    }
}

/// A context struct read once: its non-nil stored properties by name, and the names of all of them.
/// The names tell a misspelt `{{name}}` (an error) from a property that is nil here (renders nothing).
final class TemplateObject {
    let values: [String: TemplateValue]
    let keys: Set<String>

    init(values: [String: TemplateValue], keys: Set<String>) {
        self.values = values
        self.keys = keys
    }

    /// `.some(value)` for a stored property (`.some(nil)` when it is nil); `nil` when there is none by that name.
    @inline(__always)
    func member(_ name: String) -> TemplateValue?? {
        if let value = values[name] { return .some(value) }
        return keys.contains(name) ? .some(nil) : nil
    }
}
