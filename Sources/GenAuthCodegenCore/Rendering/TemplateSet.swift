import Mustache

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

/// The parsed templates of `Templates/`, rendered without HTML escaping (the output is Swift and Markdown;
/// contexts escape what they hold).
struct TemplateSet {
    /// The templates the generator renders (partials may be added beside them).
    static let required = ["swift-model", "swift-enum", "swift-client", "swift-samples", "swift-contract-tests", "doc-page", "doc-index"]

    private let library: MustacheLibrary
    let sources: [String: TemplateSource]

    /// Parses every template; reports syntax errors and missing templates.
    static func load(_ sources: [TemplateSource]) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var byName: [String: TemplateSource] = [:]
        for source in sources {
            byName[source.name] = source
            do {
                // Every template, partials included, is plain text: Mustache would otherwise HTML-escape `{{x}}`.
                let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}\n" + source.text)
                library.register(template, named: source.name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    "template syntax error: \(error.error)",
                    at: SourceLocation(file: source.displayPath, line: error.context.lineNumber, column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error("template syntax error: \(error)", at: SourceLocation(file: source.displayPath, line: 1, column: 1)))
            }
        }
        // Partials are checked here, whatever the contexts: a partial inside a section no context opens
        // would escape the render-time check.
        for source in sources {
            for tag in TemplateChecker.tags(in: source.text, file: source.displayPath) where tag.kind == .partial {
                if byName[tag.name] == nil {
                    diagnostics.append(.error(
                        "unknown partial '\(tag.name)'" + Suggestions.hint(for: tag.name, in: byName.keys), at: tag.location))
                }
            }
        }
        for name in required where byName[name] == nil {
            diagnostics.append(.error("missing template '\(name).mustache'", at: nil))
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        return (TemplateSet(library: library, sources: byName), [])
    }

    func render(_ name: String, _ context: Any) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
