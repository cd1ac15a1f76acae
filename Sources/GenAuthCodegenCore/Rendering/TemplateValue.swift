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

/// A context struct read once: each stored property by name, nil ones included (as `.some(nil)`), so that a
/// misspelt `{{name}}` (an error) is told from a property that is nil here (renders nothing).
final class TemplateObject {
    let values: [String: TemplateValue?]

    init(values: [String: TemplateValue?]) {
        self.values = values
    }

    var keys: Dictionary<String, TemplateValue?>.Keys { values.keys }

    /// `.some(value)` for a stored property (`.some(nil)` when it is nil); `nil` when there is none by that name.
    @inline(__always)
    func member(_ name: String) -> TemplateValue?? {
        values[name]
    }
}
