import ArgumentParser
import Foundation
import GenAuthCodegenCore

@main
struct GenAuthCodegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "genauth-codegen",
        abstract: "Generates the GenAuth Swift SDK and its docs from the API description in specs/.",
        subcommands: [Generate.self, Check.self, Lint.self, ImportOpenAPI.self, Diff.self],
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
        Timings.start()
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
        Timings.mark("read specs and templates")
        let result = Pipeline.generate(input)
        Timings.mark("sort outputs")
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
        discussion: """
            Only files whose bytes change are written; generated files that no spec produces any more are removed. \
            On any error nothing is written. With --changelog, CHANGELOG.md's "Unreleased" section is rewritten \
            with what changed for the SDK's users since a git revision (the latest tag, or HEAD).
            """)

    @OptionGroup var paths: Paths

    @Flag(help: "Also rewrite the Unreleased section of CHANGELOG.md (see --since).")
    var changelog = false

    @Option(help: "The git revision the Unreleased changes are counted from; the latest tag, or HEAD, by default.")
    var since: String?

    @Option(help: "The changelog file.")
    var changelogFile = "CHANGELOG.md"

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try paths.run()
        let plan: OutputPlan
        do {
            plan = try Workspace.plan(result.outputs, at: paths.locations)
            Timings.mark("compare with disk")
            try Workspace.apply(plan)
            Timings.mark("write")
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
        if changelog { try writeChangelog() }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "genauth-codegen: \(result.endpointCount) endpoints, \(result.typeCount) types → "
                + "\(plan.created.count + plan.changed.count) files written, \(plan.unchanged.count) unchanged, "
                + "\(plan.removed.count) removed in \(String(format: "%.2f", seconds)) s")
    }
}

extension Generate {
    /// Rewrites the Unreleased section of the changelog: the changes from `since` to the specs as they are.
    func writeChangelog() throws {
        do {
            let revision = try since ?? Self.latestTag() ?? "HEAD"
            let before = try SpecInput.gitSources(revision: revision, folder: paths.specs)
            let after = try Workspace.readSpecs(at: paths.specs)
            let (result, errors) = APIComparison.changelog(old: before, new: after)
            Console.report(errors)
            guard let result else { throw ExitCode.failure }
            let existing = FileManager.default.contents(atPath: changelogFile).map { String(decoding: $0, as: UTF8.self) }
            let text = ChangelogFile.updating(existing, unreleased: result, since: revision)
            let plan = try Workspace.plan([(folder: ".", path: changelogFile, contents: text)], managing: [])
            try Workspace.apply(plan)
            let count = result.entries.count
            print("genauth-codegen: \(changelogFile): \(count) change\(count == 1 ? "" : "s") since \(revision)"
                + (result.versionBump.map { " (\($0))" } ?? ""))
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
    }

    static func latestTag() throws -> String? {
        let tags = String(decoding: (try? SpecInput.git(["tag", "--sort=-creatordate", "--merged", "HEAD"])) ?? Data(), as: UTF8.self)
        return tags.split(separator: "\n").first.map(String.init)
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
            Timings.mark("compare with disk")
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
        Timings.start()
        let result: ImportResult
        do {
            guard let contents = FileManager.default.contents(atPath: document) else {
                throw Workspace.Failure(description: "\(document): error: cannot read the document")
            }
            let source = SpecSource(displayPath: document, relativePath: (document as NSString).lastPathComponent, contents: contents)
            let overlaySources = try overlays.map { try Workspace.readSpecs(at: $0) } ?? []
            Timings.mark("read the document and overlays")
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
            Timings.mark("write")
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

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a Markdown changelog of what changed for the SDK's users between two versions of the API.",
        discussion: """
            Each side is a specs folder, an OpenAPI document (.json or .yaml, imported in memory), or a git
            revision of the specs folder (HEAD~1, a tag). Each change is classified for the Swift SDK's users:
            breaking (their code stops compiling or behaves differently), additive, or docs only; the
            semantic-version bump follows.
            """)

    @Argument(help: "The old side: a specs folder, an OpenAPI document, or a git revision.")
    var old: String

    @Argument(help: "The new side: a specs folder, an OpenAPI document, or a git revision.")
    var new: String

    @Option(help: "The specs folder, for git revisions.")
    var specs = "specs"

    @Option(help: "Overlays to merge when a side is an OpenAPI document.")
    var overlays: String?

    @Flag(help: "Exit non-zero when a change is breaking (for CI).")
    var failOnBreaking = false

    func run() throws {
        let changelog: Changelog
        do {
            let before = try SpecInput.sources(old, specs: specs, overlays: overlays)
            let after = try SpecInput.sources(new, specs: specs, overlays: overlays)
            let (result, errors) = APIComparison.changelog(old: before, new: after)
            Console.report(errors)
            guard let result else { throw ExitCode.failure }
            changelog = result
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
        print(changelog.markdown(title: "Changes from \(old) to \(new)"), terminator: "")
        if failOnBreaking && changelog.hasBreakingChanges {
            Console.error("genauth-codegen: breaking changes (\(changelog.entries.filter { $0.impact == .breaking }.count))")
            throw ExitCode.failure
        }
    }
}

/// One side of a diff: a folder of specs, an OpenAPI document, or a git revision of the specs folder.
enum SpecInput {
    static func sources(_ side: String, specs: String, overlays: String?) throws -> [SpecSource] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: side, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return try Workspace.readSpecs(at: side) }
            guard let contents = FileManager.default.contents(atPath: side) else {
                throw Workspace.Failure(description: "\(side): error: cannot read the file")
            }
            let document = SpecSource(displayPath: side, relativePath: (side as NSString).lastPathComponent, contents: contents)
            let (sources, errors) = OpenAPIImport.specSources(
                document: document, overlays: try overlays.map { try Workspace.readSpecs(at: $0) } ?? [], folder: side)
            guard errors.isEmpty else {
                Console.report(errors)
                throw ExitCode.failure
            }
            return sources
        }
        return try gitSources(revision: side, folder: specs)
    }

    /// The `*.yaml` files of `folder` at a git revision.
    static func gitSources(revision: String, folder: String) throws -> [SpecSource] {
        let list = try git(["ls-tree", "-r", "--name-only", "--full-name", revision, "--", folder])
        let prefix = String(decoding: try git(["rev-parse", "--show-prefix"]), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let files = String(decoding: list, as: UTF8.self).split(separator: "\n").map(String.init).filter { $0.hasSuffix(".yaml") }
        guard !files.isEmpty else {
            throw Workspace.Failure(description: "error: '\(revision)' is not a folder, a file, or a git revision with specs in '\(folder)'")
        }
        let root = prefix + (folder.hasSuffix("/") ? folder : folder + "/").replacingOccurrences(of: "./", with: "")
        return try files.sorted().map { path in
            let relative = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
            return SpecSource(displayPath: "\(revision):\(path)", relativePath: relative, contents: try git(["show", "\(revision):\(path)"]))
        }
    }

    static func git(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Workspace.Failure(description: "error: git \(arguments.joined(separator: " ")) failed; is '\(arguments.dropFirst(2).first ?? "")' a revision?")
        }
        return data
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
