import Foundation
import Mustache
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// The template engine: Mustache's specification (https://github.com/mustache/spec, the cases that apply
/// to a logic-less, non-escaping engine), its strictness, and its output against swift-mustache's.
@Suite(.offThePool) struct TemplateEngineTests {
    // MARK: - Contexts for the cases

    struct Item: TemplateContext {
        var name: String
        var note: String?
    }

    struct Root: TemplateContext {
        var title = "Title"
        var empty = ""
        var count = 3
        var yes = true
        var no = false
        var missing: String?
        var items = [Item(name: "a", note: "first"), Item(name: "b", note: nil)]
        var none: [Item] = []
        var words = ["x", "y"]
        var child = Item(name: "inner", note: "n")
        var absentChild: Item?
        var content = "<\n->"
    }

    /// `template` rendered over `Root()` with `partials`, or the diagnostics.
    static func render(_ template: String, partials: [String: String] = [:], context: any TemplateContext = Root()) -> Result<String, Failure> {
        let sources = [TemplateSource(name: "main", displayPath: "main.mustache", text: template)]
            + partials.map { TemplateSource(name: $0.key, displayPath: "\($0.key).mustache", text: $0.value) }
        var compiled: [String: Template] = [:]
        for source in sources {
            do {
                compiled[source.name] = try Template(compiling: source)
            } catch {
                return .failure(Failure(messages: ["\(error.location): \(error.message)"]))
            }
        }
        let (output, problems) = TemplateSet(templates: compiled).render("main", TemplateValue.prepare(context))
        guard problems.isEmpty else { return .failure(Failure(messages: problems.map(\.description))) }
        return .success(String(decoding: output, as: UTF8.self))
    }

    struct Failure: Error, Equatable {
        var messages: [String]
    }

    static func rendered(_ template: String, partials: [String: String] = [:]) -> String? {
        try? render(template, partials: partials).get()
    }

    static func failure(_ template: String, partials: [String: String] = [:]) -> [String] {
        guard case .failure(let failure) = render(template, partials: partials) else { return [] }
        return failure.messages
    }

    // MARK: - Specification

    @Test(arguments: [
        // Interpolation: no HTML escaping anywhere, numbers and booleans as text.
        ("Hello, {{title}}!", "Hello, Title!"),
        ("{{{title}}} {{&title}} {{ title }}", "Title Title Title"),
        ("<{{content}}>", "<<\n->>"),
        ("{{count}}|{{yes}}", "3|true"),
        ("[{{missing}}]", "[]"),
        ("{{child.name}}/{{child.note}}", "inner/n"),
        ("[{{absentChild.name}}]", "[]"),
        // Sections: lists repeat, booleans gate, values push, absent and empty skip.
        ("{{#items}}{{name}},{{/items}}", "a,b,"),
        ("{{#words}}<{{.}}>{{/words}}", "<x><y>"),
        ("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}", "Y"),
        ("{{#child}}{{name}} in {{title}}{{/child}}", "inner in Title"),
        ("{{#missing}}M{{/missing}}{{#none}}N{{/none}}{{#absentChild}}A{{/absentChild}}", ""),
        ("{{#empty}}E{{/empty}}", "E"),
        ("{{#items}}{{#note}}{{.}};{{/note}}{{/items}}", "first;"),
        // Inverted sections.
        ("{{^no}}N{{/no}}{{^yes}}Y{{/yes}}{{^none}}0{{/none}}{{^missing}}M{{/missing}}{{^items}}I{{/items}}", "N0M"),
        // A nil property is a value of its context: the name does not fall through to an outer one.
        ("{{#items}}[{{note}}]{{/items}}", "[first][]"),
        // Comments.
        ("a{{! a comment }}b", "ab"),
        ("a{{!\nmany\nlines\n}}b", "ab"),
        // Standalone lines.
        ("| This Is\n{{#yes}}\n|\n{{/yes}}\n| A Line\n", "| This Is\n|\n| A Line\n"),
        ("| This Is\n  {{#yes}}\n|\n  {{/yes}}\n| A Line\n", "| This Is\n|\n| A Line\n"),
        ("|\r\n{{#yes}}\r\n{{/yes}}\r\n|", "|\r\n|"),
        ("  {{#yes}}\n#{{/yes}}\n/", "#\n/"),
        ("#{{#yes}}\n/\n  {{/yes}}", "#\n/\n"),
        ("| A {{#yes}}{{/yes}} B |\n", "| A  B |\n"),
        ("Begin.\n{{! Comment Block! }}\nEnd.\n", "Begin.\nEnd.\n"),
        // Two tags on a line: neither stands alone.
        ("  {{#yes}}{{/yes}}  \n|", "    \n|"),
        ("{{#yes}}\n{{/yes}}", ""),
        // Set delimiters.
        ("{{=<% %>=}}(<%title%>){{title}}", "(Title){{title}}"),
        ("[\n{{=@ @=}}\n]", "[\n]"),
        ("{{=<% %>=}}<%#yes%>y<%/yes%><%={{ }}=%>{{title}}", "yTitle"),
    ])
    func specification(_ template: String, _ expected: String) {
        #expect(Self.render(template) == .success(expected))
    }

    @Test func partials() {
        #expect(Self.rendered("<{{>p}}>", partials: ["p": "{{title}}"]) == "<Title>")
        // A standalone partial is indented like its tag, every line of it, but not the lines of a value.
        #expect(Self.rendered("\\\n {{>p}}\n/\n", partials: ["p": "|\n{{{content}}}\n|\n"]) == "\\\n |\n <\n->\n |\n/\n")
        #expect(Self.rendered("  {{>p}}\n>", partials: ["p": ">\n>"]) == "  >\n  >>")
        // Nested standalone partials add up their indentation, sections inside them included.
        #expect(Self.rendered("  {{>outer}}\n", partials: ["outer": "o\n  {{>inner}}\n", "inner": "{{#items}}\n{{name}}\n{{/items}}\n"])
            == "  o\n    a\n    b\n")
        // An inline partial is not indented.
        #expect(Self.rendered(">{{>p}}<", partials: ["p": "a\nb"]) == ">a\nb<")
    }

    // MARK: - Strictness

    @Test func unknownNamesAreErrorsWithTheirPositionAndASuggestion() {
        #expect(Self.failure("x\n  {{titel}}") == ["main.mustache:2:3: error: unknown variable 'titel' (did you mean 'title'?)"])
        #expect(Self.failure("{{#items}}{{nmae}}{{/items}}") == ["main.mustache:1:11: error: unknown variable 'nmae' (did you mean 'name'?)"])
        #expect(Self.failure("{{child.nmae}}") == ["main.mustache:1:1: error: unknown variable 'child.nmae' (did you mean 'name'?)"])
        #expect(Self.failure("{{title.size}}") == ["main.mustache:1:1: error: unknown variable 'title.size': 'size' is looked up in text"])
        #expect(Self.failure("{{items}}") == [
            "main.mustache:1:1: error: '{{items}}' is a list, not text: open it as a section ('{{#items}}…{{/items}}')",
        ])
        // Reported once per tag, however many values show it.
        #expect(Self.failure("{{#items}}{{nope}}{{/items}}").count == 1)
        // Columns count characters, not bytes.
        #expect(Self.failure("标题 {{zzz}}") == ["main.mustache:1:4: error: unknown variable 'zzz'"])
    }

    @Test(arguments: [
        ("{{#items}}", "main.mustache:1:1: '{{#items}}' is never closed (expected '{{/items}}')"),
        ("{{#items}}{{/words}}", "main.mustache:1:11: '{{/words}}' does not close '{{#items}}' (opened at line 1)"),
        ("a\n{{/items}}", "main.mustache:2:1: '{{/items}}' closes no section"),
        ("{{title", "main.mustache:1:1: unclosed tag: no '}}' after it"),
        ("{{{title}}", "main.mustache:1:1: unclosed tag: no '}}}' after it"),
        ("{{}}", "main.mustache:1:1: empty tag"),
        ("{{a b}}", "main.mustache:1:1: invalid name 'a b'"),
        ("{{a..b}}", "main.mustache:1:1: invalid name 'a..b'"),
        ("{{uppercased(title)}}", "main.mustache:1:1: 'uppercased(title)': transforms are not supported; prepare the value in its context"),
        ("{{$block}}{{/block}}", "main.mustache:1:1: '{{$' tags are not supported: templates use plain Mustache (variables, sections, partials, comments)"),
        ("{{<parent}}{{/parent}}", "main.mustache:1:1: '{{<' tags are not supported: templates use plain Mustache (variables, sections, partials, comments)"),
        ("{{=<%>=}}", "main.mustache:1:1: a set-delimiters tag needs two delimiters, e.g. '{{=<% %>=}}'"),
    ])
    func syntaxErrors(_ template: String, _ expected: String) {
        #expect(Self.failure(template) == [expected])
    }

    @Test func templateSetReportsUnknownPartialsAndMissingTemplates() {
        let sources = TemplateSet.required.map {
            TemplateSource(name: $0, displayPath: "Templates/\($0).mustache", text: $0 == "doc-page" ? "x\n{{>swift-enmu}}" : "")
        }
        let (set, diagnostics) = TemplateSet.load(sources.filter { $0.name != "doc-index" })
        #expect(set == nil)
        #expect(diagnostics.map(\.description) == [
            "Templates/doc-page.mustache:2:1: error: unknown partial 'swift-enmu' (did you mean 'swift-enum'?)",
            "error: missing template 'doc-index.mustache'",
        ])
    }

    @Test func aPartialThatIncludesItselfForEverIsAnErrorNotACrash() {
        #expect(Self.failure("{{>loop}}", partials: ["loop": "{{>loop}}"]) == [
            "loop.mustache:1:1: error: partials nested more than 32 deep (does 'loop' include itself for ever?)",
        ])
    }

    // MARK: - The same output as swift-mustache

    /// Every file generated from the real `specs/` and the test goldens, rendered by this engine and by
    /// swift-mustache from the same templates and contexts, must be the same text. swift-mustache does not
    /// indent every line of a standalone partial (its sections' lines keep their own indentation), so it gets
    /// the templates with such partials written out in place, indented line by line, as the specification
    /// defines them.
    @Test(arguments: ["specs", "Tests/GenAuthCodegenCoreTests/Goldens/kitchen-sink/specs", "Tests/GenAuthCodegenCoreTests/Goldens/hostile-text/specs"])
    func rendersWhatSwiftMustacheRenders(_ specsFolder: String) throws {
        let specs = try Workspace.readSpecs(at: Harness.packageRoot.appendingPathComponent(specsFolder).path)
        let sources = try Harness.templates()
        let (api, diagnostics) = Pipeline.validatedAPI(specs)
        let (templates, templateDiagnostics) = TemplateSet.load(sources)
        let model = try #require(api, "\(diagnostics)")
        let engine = try #require(templates, "\(templateDiagnostics)")

        var library = MustacheLibrary()
        let texts = Dictionary(uniqueKeysWithValues: sources.map { ($0.name, $0.text) })
        for source in sources {
            let text = Self.indentedPartialsWrittenOut(source.text, partials: texts)
            library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}\n" + text), named: source.name)
        }
        let jobs = OutputRenderer(api: model, templates: engine, specsFolder: "specs").makeJobs()
        #expect(!jobs.isEmpty)
        for job in jobs {
            let value = TemplateValue.prepare(job.context())
            let (ours, problems) = engine.render(job.template, value)
            #expect(problems.isEmpty)
            let theirs = library.render(MustacheValue.any(value), withTemplate: job.template) ?? "<no output>"
            let text = String(decoding: ours, as: UTF8.self)
            if text != theirs {
                Issue.record("\(job.path) differs from swift-mustache's rendering\n\(Harness.diff(expected: theirs, actual: text, name: job.path))")
            }
        }
    }
}

extension TemplateEngineTests {
    /// `    {{>name}}` alone on a line replaced by the partial's lines, each indented like the tag.
    static func indentedPartialsWrittenOut(_ text: String, partials: [String: String]) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            guard !indent.isEmpty, trimmed.hasPrefix("{{>"), trimmed.hasSuffix("}}"),
                  let partial = partials[trimmed.dropFirst(3).dropLast(2).trimmingCharacters(in: .whitespaces)]
            else { return String(line) }
            let body = partial.hasSuffix("\n") ? String(partial.dropLast()) : partial
            return body.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

/// A prepared context as swift-mustache sees it: objects answer by name, lists are arrays, nil is absent.
private final class MustacheValue: MustacheParent {
    let object: TemplateObject

    init(_ object: TemplateObject) {
        self.object = object
    }

    func child(named name: String) -> Any? {
        object.values[name].flatMap { $0 }.map(Self.any)
    }

    static func any(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): return text
        case .flag(let flag): return flag
        case .number(let number): return number
        case .list(let items): return items.map(any)
        case .object(let object): return MustacheValue(object)
        }
    }
}

extension TemplateEngineTests {
    /// A template naming what its context lacks fails the run with the tag's position, and writes nothing.
    @Test func aMisspeltNameInATemplateFailsGenerationAndProducesNoOutput() throws {
        let templates = try Harness.templates().map { source -> TemplateSource in
            guard source.name == "doc-page" else { return source }
            var broken = source
            broken.text = source.text.replacingOccurrences(of: "{{labels.sampleCode}}", with: "{{labels.sampelCode}}")
            return broken
        }
        let specs = try Workspace.readSpecs(at: Harness.packageRoot.appendingPathComponent("specs").path)
        let result = Pipeline.generate(GeneratorInput(specs: specs, templates: templates))
        #expect(result.outputs.isEmpty)
        let line = try #require(templates.first { $0.name == "doc-page" }?.text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("sampelCode") }) + 1
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "\(Harness.packageRoot.path)/Templates/doc-page.mustache:\(line):4: error: unknown variable 'labels.sampelCode' (did you mean 'sampleCode'?)",
        ])
    }
}
