import Foundation
@testable import GenAuthCodegenCore

/// Runs the pipeline on in-memory specs, the way the CLI runs it on files.
enum Harness {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Spec sources from `relative path → text`, shown as `specs/<path>`.
    static func sources(_ files: [String: String]) -> [SpecSource] {
        files.map { SpecSource(displayPath: "specs/\($0.key)", relativePath: $0.key, contents: Data($0.value.utf8)) }
    }

    static func templates() throws -> [TemplateSource] {
        try Workspace.readTemplates(at: packageRoot.appendingPathComponent("Templates").path)
    }

    /// Every diagnostic of loading and validating `files`, compiler style.
    static func diagnostics(_ files: [String: String]) -> [String] {
        Pipeline.lint(sources(files)).diagnostics.map(\.description)
    }

    static func diagnostics(_ yaml: String, file: String = "test.yaml") -> [String] {
        diagnostics([file: yaml])
    }

    static func generate(_ files: [String: String]) throws -> GenerationResult {
        Pipeline.generate(GeneratorInput(specs: sources(files), templates: try templates()))
    }

    static func model(_ yaml: String) -> API? {
        Pipeline.validatedAPI(sources(["test.yaml": yaml])).0?.parts.first
    }

    /// A readable line diff: the first differing lines with some context.
    static func diff(expected: String, actual: String, name: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var output = ["--- expected \(name)", "+++ generated \(name)"]
        var shown = 0
        for index in 0..<max(expectedLines.count, actualLines.count) where shown < 12 {
            let left = index < expectedLines.count ? String(expectedLines[index]) : nil
            let right = index < actualLines.count ? String(actualLines[index]) : nil
            guard left != right else { continue }
            output.append("@@ line \(index + 1)")
            if let left { output.append("-\(left)") }
            if let right { output.append("+\(right)") }
            shown += 1
        }
        return output.joined(separator: "\n")
    }
}

/// A minimal valid spec, to which a test adds the one mistake it is about.
enum Snippets {
    static let responseType = """
      OkDto:
        properties:
          statusCode: { type: integer, required: true }
    """

    static func endpoint(_ body: String, name: String = "doThing", types: String = "") -> String {
        """
        client: AuthenticationClient
        endpoints:
          \(name):
        \(body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
        types:
        \(responseType)
        \(types)
        """
    }
}
