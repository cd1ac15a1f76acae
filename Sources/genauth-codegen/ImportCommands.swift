import ArgumentParser
import ChildProcess
import Foundation
import GenAuthCodegenCore

struct ImportOpenAPI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-openapi",
        abstract: "Write spec files from an OpenAPI 3.0 document, with the overlays' hand edits merged in.",
        discussion: """
            One spec file per tag group; method names from the operationIds (MessageV3Controller_sendSms → sendSms); \
            operations marked x-authing-hidden-from-sdk are skipped and listed. What the document says that the \
            spec format cannot is reported with its JSON pointer. Only files whose bytes change are written, and \
            spec files a previous import wrote that are no longer produced are removed. On any error nothing is \
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

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let start = ContinuousClock.now
        Timings.start()
        let result: ImportResult
        do {
            guard let contents = FileManager.default.contents(atPath: document) else {
                throw Workspace.Failure(description: "\(document): error: cannot read the document")
            }
            let source = SpecSource(displayPath: document, relativePath: (document as NSString).lastPathComponent, contents: contents)
            let overlaySources = try overlays.map { try Workspace.readSpecs(at: $0) } ?? []
            Timings.mark("read the document and overlays")
            result = OpenAPIImport.run(
                document: source, client: client, overlays: overlaySources, overlaysFolder: overlays, outputFolder: out)
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
        Console.report(result.diagnostics, limit: diagnostics.errorLimit)
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
        print(
            "genauth-codegen: imported \(result.operationCount) operations into \(result.files.count) spec files → "
                + "\(plan.created.count + plan.changed.count) written, \(plan.unchanged.count) unchanged, \(plan.removed.count) removed; "
                + "\(notes) notes in \(Console.seconds(since: start)) s")
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a Markdown changelog of what changed for the SDK's users between two versions of the API.",
        discussion: """
            Each side is a specs folder, an OpenAPI document (.json or .yaml, imported in memory), or a git \
            revision of the specs folder (HEAD~1, a tag). Each change is classified for the Swift SDK's users: \
            breaking (their code stops compiling or behaves differently), additive, or docs only; the \
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

    @Option(help: "The client of a side that is an OpenAPI document.")
    var client = "AuthenticationClient"

    @Flag(help: "Exit non-zero when a change is breaking (for CI).")
    var failOnBreaking = false

    func run() throws {
        let changelog: Changelog
        do {
            let before = try SpecInput.sources(old, specs: specs, overlays: overlays, client: client)
            let after = try SpecInput.sources(new, specs: specs, overlays: overlays, client: client)
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
    static func sources(_ side: String, specs: String, overlays: String?, client: String) throws -> [SpecSource] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: side, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return try Workspace.readSpecs(requiredAt: side) }
            guard let contents = FileManager.default.contents(atPath: side) else {
                throw Workspace.Failure(description: "\(side): error: cannot read the file")
            }
            let document = SpecSource(displayPath: side, relativePath: (side as NSString).lastPathComponent, contents: contents)
            let (sources, errors) = OpenAPIImport.specSources(
                document: document, client: client, overlays: try overlays.map { try Workspace.readSpecs(at: $0) } ?? [],
                overlaysFolder: overlays, folder: side)
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
        let list = try git(["ls-tree", "-r", "--name-only", "--full-name", revision, "--", folder], revision: revision)
        let prefix = String(decoding: try git(["rev-parse", "--show-prefix"], revision: nil), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let files = String(decoding: list, as: UTF8.self).split(separator: "\n").map(String.init).filter { $0.hasSuffix(".yaml") }
        guard !files.isEmpty else {
            throw Workspace.Failure(description: "error: '\(revision)' is not a folder, a file, or a git revision with specs in '\(folder)'")
        }
        let root = prefix + (folder.hasSuffix("/") ? folder : folder + "/").replacingOccurrences(of: "./", with: "")
        return try files.sorted().map { path in
            let relative = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
            return SpecSource(
                displayPath: "\(revision):\(path)", relativePath: relative,
                contents: try git(["show", "\(revision):\(path)"], revision: revision))
        }
    }

    /// Runs git; a failure names `revision`, the user's word that git could not read.
    static func git(_ arguments: [String], revision: String?) throws -> Data {
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(["git"] + arguments)
        } catch {
            throw Workspace.Failure(description: "error: cannot run git: \(error)")
        }
        let data = result.standardOutput
        guard result.status == 0 else {
            if let revision {
                throw Workspace.Failure(
                    description: "error: '\(revision)' is not a folder, a file, or a git revision (git \(arguments.first ?? "") failed)")
            }
            throw Workspace.Failure(description: "error: git \(arguments.joined(separator: " ")) failed; is this a git repository?")
        }
        return data
    }
}

struct Untranslated: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the Chinese texts of the specs that have no English, as entries for an overlays folder's translations.yaml.",
        discussion: """
            Prints each text once, as `- zh: "…"` with an empty `en`: fill in the English, add the entries to the \
            translations.yaml of the spec's overlays folder, and import again.
            """)

    @Option(help: "The folder of spec files to look at, such as specs/management.")
    var specs = "specs"

    func run() throws {
        let result: (yaml: String, count: Int, diagnostics: [Diagnostic])
        do {
            result = Translations.untranslated(try Workspace.readSpecs(requiredAt: specs))
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
        Console.report(result.diagnostics)
        if result.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
        print(result.yaml, terminator: "")
        Console.error("genauth-codegen: \(Console.count(result.count, "text")) without English")
    }
}
