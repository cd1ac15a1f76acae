import ArgumentParser
import Foundation
import GenAuthCodegenCore

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
        let start = ContinuousClock.now
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
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        print(
            "genauth-codegen: \(result.endpointCount) endpoints, \(result.typeCount) types → "
                + "\(plan.created.count + plan.changed.count) files written, \(plan.unchanged.count) unchanged, "
                + "\(plan.removed.count) removed in \(Console.seconds(since: start)) s"
                + (warnings > 0 ? "; \(Console.count(warnings, "warning")) (`genauth-codegen lint` lists them)" : ""))
    }
}

extension Generate {
    /// Rewrites the Unreleased section of the changelog: the changes from `since` to the specs as they are.
    func writeChangelog() throws {
        do {
            let revision = try since ?? Self.latestTag() ?? "HEAD"
            let before = try SpecInput.gitSources(revision: revision, folder: paths.specs)
            let after = try Workspace.readSpecs(requiredAt: paths.specs)
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
        let tags = String(decoding: (try? SpecInput.git(["tag", "--sort=-creatordate", "--merged", "HEAD"], revision: nil)) ?? Data(), as: UTF8.self)
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
    static let configuration = CommandConfiguration(
        abstract: "Validate the specs only; list every error and warning.",
        discussion: """
            The whole specs folder is always validated (a spec refers to types of others); with paths, only the \
            diagnostics of those files and folders are shown. A warning about a spec written by import-openapi \
            names the overlay file where it is fixed.
            """)

    @Argument(help: "Spec files or folders whose diagnostics to show; all of them by default.")
    var paths: [String] = []

    @Option(help: "The folder of the API description (*.yaml, recursively).")
    var specs = "specs"

    @Flag(help: "Show errors only, no warnings.")
    var errorsOnly = false

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let result: GenerationResult
        do {
            var sources = try Workspace.readSpecs(requiredAt: specs)
            // A path outside the specs folder is validated with it.
            let known = Set(sources.map { Self.normalized($0.displayPath) })
            for path in paths where !Self.isInside(path, specs) {
                for source in try Workspace.readSpecs(requiredAt: path, asFile: true) where !known.contains(Self.normalized(source.displayPath)) {
                    sources.append(source)
                }
            }
            result = Pipeline.lint(sources)
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
        let selected = result.diagnostics.filter { diagnostic in
            (!errorsOnly || diagnostic.severity == .error)
                && (paths.isEmpty || diagnostic.location.map { location in paths.contains { Self.isInside(location.file, $0) } } ?? true)
        }
        Console.report(selected, limit: diagnostics.errorLimit)
        if result.hasErrors {
            if selected.allSatisfy({ $0.severity != .error }) {
                Console.error("genauth-codegen: the specs have errors outside the paths shown; `genauth-codegen lint` lists them")
            }
            throw ExitCode.failure
        }
        let warnings = selected.filter { $0.severity == .warning }.count
        print("genauth-codegen: \(result.endpointCount) endpoints, \(result.typeCount) types, \(Console.count(warnings, "warning"))"
            + (errorsOnly ? " shown (--errors-only)" : ""))
    }

    static func normalized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Whether `path` is `folder` or lies under it.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        let path = normalized(path), folder = normalized(folder)
        return path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
