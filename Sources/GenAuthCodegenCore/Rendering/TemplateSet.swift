/// One template file.
public struct TemplateSource: Sendable {
    /// The name partials use: the file name without `.mustache`.
    public var name: String
    /// The path shown in diagnostics.
    public var displayPath: String
    public var text: String

    public init(name: String, displayPath: String, text: String) {
        self.name = name
        self.displayPath = displayPath
        self.text = text
    }
}

/// The compiled templates of `Templates/`.
struct TemplateSet: Sendable {
    /// The templates the generator renders (partials may be added beside them).
    static let required = [
        "swift-model", "swift-enum", "swift-union", "swift-client", "swift-samples", "swift-contract-tests", "doc-page", "doc-index",
        "site-nav", "site-sidebar", "docc-topics", "swift-exports",
    ]

    let templates: [String: Template]

    /// Compiles every template; reports syntax errors, unknown partials and missing templates.
    static func load(_ sources: [TemplateSource]) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [String: Template] = [:]
        for source in sources {
            do {
                templates[source.name] = try Template(compiling: source)
            } catch {
                diagnostics.append(.error(error.message, at: error.location))
            }
        }
        // Partials are checked here, whatever the contexts: a partial inside a section that no context opens
        // would escape the check while rendering.
        let names = Set(sources.map(\.name))
        for template in templates.values.sorted(by: { $0.name < $1.name }) {
            for partial in template.partials where !names.contains(partial.name) {
                diagnostics.append(.error(
                    "unknown partial '\(partial.name)'" + Suggestions.hint(for: partial.name, in: names), at: partial.location))
            }
        }
        for name in required where !names.contains(name) {
            diagnostics.append(.error("missing template '\(name).mustache'", at: nil))
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics.sortedBySource()) }
        return (TemplateSet(templates: templates), [])
    }

    /// `name` rendered over `context`, and the names it could not resolve.
    func render(_ name: String, _ context: TemplateValue) -> (output: [UInt8], problems: [Diagnostic]) {
        guard let template = templates[name] else {
            return ([], [.error("missing template '\(name).mustache'", at: nil)])
        }
        var renderer = TemplateRenderer(templates: templates)
        renderer.render(template, context)
        return (renderer.output, renderer.problems)
    }
}
