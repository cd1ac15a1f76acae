import Foundation
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// Spec snippets → the Swift and Markdown they must produce, byte for byte.
///
/// Each folder of `Goldens/` holds `specs/` and `expected/<role>/…`. To re-record after an intended change,
/// run `GENAUTH_RECORD_GOLDENS=1 swift test --filter GoldenTests`; a recording run fails on purpose, so
/// that it can never pass in CI, and `git diff` then shows what changed.
@Suite(.offThePool) struct GoldenTests {
    static let goldens = Harness.packageRoot.appendingPathComponent("Tests/GenAuthCodegenCoreTests/Goldens")
    static let recording = ProcessInfo.processInfo.environment["GENAUTH_RECORD_GOLDENS"] == "1"

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: goldens.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test(arguments: cases)
    func generatedFilesMatchTheGolden(_ name: String) throws {
        let folder = Self.goldens.appendingPathComponent(name)
        let result = try Self.generate(folder)
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.description).joined(separator: "\n"))")

        let expectedFolder = folder.appendingPathComponent("expected")
        if Self.recording {
            try? FileManager.default.removeItem(at: expectedFolder)
            for output in result.outputs {
                let url = expectedFolder.appendingPathComponent(output.role.rawValue).appendingPathComponent(output.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(output.contents.utf8).write(to: url)
            }
            Issue.record("re-recorded the golden '\(name)'; run again without GENAUTH_RECORD_GOLDENS to check it")
            return
        }

        var expectedPaths = Set(try Workspace.files(under: expectedFolder.path, withExtension: nil))
        #expect(!expectedPaths.isEmpty, "no golden files for '\(name)'; record them with GENAUTH_RECORD_GOLDENS=1")
        for output in result.outputs {
            let relative = "\(output.role.rawValue)/\(output.path)"
            guard expectedPaths.remove(relative) != nil else {
                Issue.record("'\(name)' generates \(relative), which the golden does not have")
                continue
            }
            let expected = try String(contentsOf: expectedFolder.appendingPathComponent(relative), encoding: .utf8)
            if expected != output.contents {
                Issue.record("\(Harness.diff(expected: expected, actual: output.contents, name: relative))")
            }
        }
        for missing in expectedPaths.sorted() {
            Issue.record("'\(name)' no longer generates \(missing)")
        }
    }

    static func generate(_ folder: URL) throws -> GenerationResult {
        let specsFolder = folder.appendingPathComponent("specs")
        let files = try Workspace.files(under: specsFolder.path, withExtension: "yaml")
        var specs: [String: String] = [:]
        for file in files {
            specs[file] = try String(contentsOf: specsFolder.appendingPathComponent(file), encoding: .utf8)
        }
        return try Harness.generate(specs)
    }
}
