import Foundation
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// Generating from `specs/` reproduces the committed SDK sources, docs and doc samples byte for byte.
@Suite(.offThePool) struct DriftTests {
    static let root = Harness.packageRoot

    static var locations: OutputLocations {
        OutputLocations(
            sdk: root.appendingPathComponent("Sources").path,
            docs: root.appendingPathComponent("docs").path,
            tests: root.appendingPathComponent("Tests").path)
    }

    @Test func committedOutputMatchesTheSpecs() throws {
        let specsFolder = Self.root.appendingPathComponent("specs").path
        let specs = try Workspace.readSpecs(at: specsFolder).map {
            SpecSource(displayPath: "specs/\($0.relativePath)", relativePath: $0.relativePath, contents: $0.contents)
        }
        let result = Pipeline.generate(GeneratorInput(specs: specs, templates: try Harness.templates()))
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(result.endpointCount >= 2)

        let plan = try Workspace.plan(result.outputs, at: Self.locations)
        for change in plan.changed {
            let onDisk = try String(contentsOfFile: change.path, encoding: .utf8)
            Issue.record("stale: \(change.path)\n\(Harness.diff(expected: onDisk, actual: change.contents, name: change.path))")
        }
        for change in plan.created { Issue.record("missing: \(change.path)") }
        for path in plan.removed { Issue.record("extra: \(path)") }
        if !plan.isUpToDate {
            Issue.record("run `swift run genauth-codegen generate` and commit the result")
        }
    }

    @Test func generatingTwiceGivesTheSameBytes() throws {
        let specs = try Workspace.readSpecs(at: Self.root.appendingPathComponent("specs").path)
        let templates = try Harness.templates()
        let first = Pipeline.generate(GeneratorInput(specs: specs, templates: templates))
        let second = Pipeline.generate(GeneratorInput(specs: specs.reversed(), templates: templates.reversed()))
        #expect(first.outputs == second.outputs)
        #expect(!first.outputs.isEmpty)
    }
}
