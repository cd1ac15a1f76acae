import ArgumentParser
import Foundation
import GenAuthCodegenCore

@main
struct GenAuthCodegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "genauth-codegen",
        abstract: "Generates the GenAuth Swift SDK and its docs from the API description in specs/.",
        subcommands: [Generate.self, Check.self, Lint.self, ImportOpenAPI.self],
        defaultSubcommand: Generate.self)
}

struct Paths: ParsableArguments {
    @Option(help: "The folder of the API description (*.yaml, recursively).")
    var specs = "specs"

    @Option(help: "The folder of the templates (*.mustache).")
    var templates = "Templates"

    @Option(help: "Where the SDK's generated Swift goes.")
    var sdkOutput = "Sources/GenAuth/Generated"

    @Option(help: "Where the Markdown docs go.")
    var docsOutput = "docs"

    @Option(help: "Where the generated tests go: the docs' samples, compiled, and the endpoint contract tests.")
    var testsOutput = "Tests/GenAuthTests/Generated"

    var locations: OutputLocations {
        OutputLocations(sdk: sdkOutput, docs: docsOutput, tests: testsOutput)
    }

    /// Reads the inputs and runs the pipeline; prints every diagnostic; exits non-zero on an error.
    func run() throws -> GenerationResult {
        let input: GeneratorInput
        do {
            let specSources = try Workspace.readSpecs(at: specs)
            guard !specSources.isEmpty else {
                throw Workspace.Failure(description: "\(specs): error: no *.yaml spec files found")
            }
            input = GeneratorInput(
                specs: specSources, templates: try Workspace.readTemplates(at: templates),
                specsFolderName: URL(fileURLWithPath: specs).standardizedFileURL.lastPathComponent)
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
        let result = Pipeline.generate(input)
        // Warnings (missing translations, mostly) are `lint`'s to list; here they are counted.
        Console.report(result.diagnostics.filter { $0.severity == .error })
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        if warnings > 0 { Console.error("genauth-codegen: \(warnings) warnings; `genauth-codegen lint` lists them") }
        if result.hasErrors { throw ExitCode.failure }
        return result
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the specs, render the templates and write the SDK's generated Swift and the docs.",
        discussion: "Only files whose bytes change are written; generated files that no spec produces any more are removed. On any error nothing is written.")

    @OptionGroup var paths: Paths

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try paths.run()
        let plan: OutputPlan
        do {
            plan = try Workspace.plan(result.outputs, at: paths.locations)
            try Workspace.apply(plan)
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "genauth-codegen: \(result.endpointCount) endpoints, \(result.typeCount) types → "
                + "\(plan.created.count + plan.changed.count) files written, \(plan.unchanged.count) unchanged, "
                + "\(plan.removed.count) removed in \(String(format: "%.2f", seconds)) s")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that the generated files on disk are what the specs produce (for CI); writes nothing.")

    @OptionGroup var paths: Paths

    func run() throws {
        let result = try paths.run()
        let plan: OutputPlan
        do {
            plan = try Workspace.plan(result.outputs, at: paths.locations)
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
        for change in plan.changed { Console.error("\(change.path): error: stale: differs from what the specs produce") }
        for change in plan.created { Console.error("\(change.path): error: missing: the specs produce it") }
        for path in plan.removed { Console.error("\(path): error: extra: no spec produces it any more") }
        if !plan.isUpToDate {
            Console.error("genauth-codegen: generated files are out of date; run `swift run genauth-codegen generate`")
            throw ExitCode.failure
        }
        print("genauth-codegen: \(plan.unchanged.count) generated files are up to date")
    }
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the specs only.")

    @Option(help: "The folder of the API description (*.yaml, recursively).")
    var specs = "specs"

    func run() throws {
        let result: GenerationResult
        do {
            result = Pipeline.lint(try Workspace.readSpecs(at: specs))
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
        Console.report(result.diagnostics)
        if result.hasErrors { throw ExitCode.failure }
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        print("genauth-codegen: \(result.endpointCount) endpoints, \(result.typeCount) types, \(warnings) warnings")
    }
}

struct ImportOpenAPI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-openapi",
        abstract: "Write spec files from an OpenAPI 3.0 document, with the overlays' hand edits merged in.",
        discussion: """
            One spec file per tag group; method names from the operationIds (MessageV3Controller_sendSms → sendSms);
            operations marked x-authing-hidden-from-sdk are skipped and listed. What the document says that the
            spec format cannot is reported with its JSON pointer. Only files whose bytes change are written, and
            spec files a previous import wrote that are no longer produced are removed. On any error nothing is
            written.
            """)

    @Argument(help: "The OpenAPI document (.json or .yaml).")
    var document: String

    @Option(help: "The client the operations belong to.")
    var client = "AuthenticationClient"

    @Option(help: "The folder to write the spec files to, such as specs/authentication.")
    var out: String

    @Option(help: "The folder of overlays: import.yaml and one overlay per spec file (see README.md).")
    var overlays: String?

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result: ImportResult
        do {
            guard let contents = FileManager.default.contents(atPath: document) else {
                throw Workspace.Failure(description: "\(document): error: cannot read the document")
            }
            let source = SpecSource(displayPath: document, relativePath: (document as NSString).lastPathComponent, contents: contents)
            let overlaySources = try overlays.map { try Workspace.readSpecs(at: $0) } ?? []
            result = OpenAPIImport.run(document: source, client: client, overlays: overlaySources, outputFolder: out)
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
        Console.report(result.diagnostics)
        if result.hasErrors { throw ExitCode.failure }
        let plan: OutputPlan
        do {
            plan = try Workspace.plan(result.files.map { (folder: out, path: $0.path, contents: $0.contents) }, managing: [out])
            try Workspace.apply(plan)
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
        if !result.hidden.isEmpty {
            print("Skipped \(result.hidden.count) operations marked x-authing-hidden-from-sdk:")
            for label in result.hidden { print("  \(label)") }
        }
        if !result.deprecated.isEmpty {
            print("Kept \(result.deprecated.count) deprecated operations, marked deprecated:")
            for label in result.deprecated { print("  \(label)") }
        }
        let notes = result.diagnostics.filter { $0.severity == .warning }.count
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "genauth-codegen: imported \(result.operationCount) operations into \(result.files.count) spec files → "
                + "\(plan.created.count + plan.changed.count) written, \(plan.unchanged.count) unchanged, \(plan.removed.count) removed; "
                + "\(notes) notes in \(String(format: "%.2f", seconds)) s")
    }
}

enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { error(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 0 { error("genauth-codegen: \(errors) error\(errors == 1 ? "" : "s"); nothing was written") }
    }
}
