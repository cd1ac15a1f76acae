import ArgumentParser
import Foundation
import GenAuthCodegenCore

@main
struct Main {
    /// A misspelt subcommand would otherwise reach `generate`, the default, as an unexpected argument.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-"),
           !GenAuthCodegen.subcommandNames.contains(first), first != "help" {
            Console.error("genauth-codegen: error: unknown subcommand '\(first)'"
                + (Suggestions.closest(to: first, in: GenAuthCodegen.subcommandNames).map { " (did you mean '\($0)'?)" } ?? "")
                + "; the subcommands are \(GenAuthCodegen.subcommandNames.joined(separator: ", "))")
            exit(ExitCode.validationFailure.rawValue)
        }
        GenAuthCodegen.main(arguments)
    }
}

struct GenAuthCodegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "genauth-codegen",
        abstract: "Generates the GenAuth Swift SDK and its docs from the API description in specs/.",
        version: GeneratorVersion.current,
        subcommands: [Generate.self, Check.self, Lint.self, ImportOpenAPI.self, Diff.self, Untranslated.self],
        defaultSubcommand: Generate.self)

    static var subcommandNames: [String] {
        configuration.subcommands.map { $0.configuration.commandName ?? "\($0)".lowercased() }
    }
}

/// How many diagnostics a run prints, the way compilers cap their output.
struct DiagnosticOptions: ParsableArguments {
    @Option(help: "Show at most this many errors, and as many warnings (0: all).")
    var errorLimit = Console.defaultLimit
}

struct Paths: ParsableArguments {
    @Option(help: "The folder of the API description (*.yaml, recursively).")
    var specs = "specs"

    @Option(help: "The folder of the templates (*.mustache).")
    var templates = "Templates"

    @Option(help: "The SDK's sources: each client's generated Swift goes to <Module>/Generated in it.")
    var sdkOutput = "Sources"

    @Option(help: "Where the Markdown docs go.")
    var docsOutput = "docs"

    @Option(help: "The SDK's tests: each client's compiled doc samples and contract tests go to <Module>Tests/Generated in it.")
    var testsOutput = "Tests"

    @OptionGroup var diagnostics: DiagnosticOptions

    var locations: OutputLocations {
        OutputLocations(sdk: sdkOutput, docs: docsOutput, tests: testsOutput)
    }

    /// Reads the inputs and runs the pipeline; prints the errors; exits non-zero on an error.
    func run() throws -> GenerationResult {
        Timings.start()
        let input: GeneratorInput
        do {
            input = GeneratorInput(
                specs: try Workspace.readSpecs(requiredAt: specs), templates: try Workspace.readTemplates(at: templates),
                specsFolderName: URL(fileURLWithPath: specs).standardizedFileURL.lastPathComponent)
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
        Timings.mark("read specs and templates")
        let result = Pipeline.generate(input)
        Timings.mark("sort outputs")
        // Warnings (missing translations, mostly) are `lint`'s to list; here they are counted in the summary.
        Console.report(result.diagnostics.filter { $0.severity == .error }, limit: diagnostics.errorLimit)
        if result.hasErrors { throw ExitCode.failure }
        return result
    }
}

enum Console {
    static let defaultLimit = 100

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints the diagnostics in order, at most `limit` errors and `limit` warnings (0: all), then one line
    /// for each kind that was cut, and the count of errors.
    static func report(_ diagnostics: [Diagnostic], limit: Int = defaultLimit) {
        var shown: [Diagnostic.Severity: Int] = [:]
        var total: [Diagnostic.Severity: Int] = [:]
        var text = ""
        for diagnostic in diagnostics {
            total[diagnostic.severity, default: 0] += 1
            guard limit == 0 || shown[diagnostic.severity, default: 0] < limit else { continue }
            shown[diagnostic.severity, default: 0] += 1
            text += diagnostic.description + "\n"
        }
        for severity in [Diagnostic.Severity.error, .warning] {
            let hidden = total[severity, default: 0] - shown[severity, default: 0]
            if hidden > 0 {
                text += "genauth-codegen: \(hidden) more \(severity.rawValue)\(hidden == 1 ? "" : "s") not shown (--error-limit 0 shows all)\n"
            }
        }
        let errors = total[.error, default: 0]
        if errors > 0 { text += "genauth-codegen: \(count(errors, "error")); nothing was written\n" }
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// `1 error`, `3 warnings`.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        return String(format: "%.2f", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
