import Foundation
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// A corpus of broken specs (`BrokenSpecs/*.yaml`), each with its diagnostics pinned in `*.expected`:
/// message, file, line and column. None may crash or hang, and each must fail.
/// Re-record with `GENAUTH_RECORD_GOLDENS=1 swift test --filter BrokenSpecTests` (the run fails on purpose).
@Suite(.offThePool) struct BrokenSpecTests {
    static let folder = Harness.packageRoot.appendingPathComponent("Tests/GenAuthCodegenCoreTests/BrokenSpecs")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func theCorpusIsLarge() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func brokenSpecFailsWithItsPinnedDiagnostics(_ name: String) throws {
        let contents = try Data(contentsOf: Self.folder.appendingPathComponent("\(name).yaml"))
        let result = Pipeline.lint([SpecSource(displayPath: "specs/\(name).yaml", relativePath: "\(name).yaml", contents: contents)])
        #expect(result.hasErrors, "\(name) must fail")
        let actual = result.diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let expectedURL = Self.folder.appendingPathComponent("\(name).expected")
        if GoldenTests.recording {
            try Data(actual.utf8).write(to: expectedURL)
            Issue.record("re-recorded \(name).expected")
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(Harness.diff(expected: expected, actual: actual, name: "\(name).expected"))")
    }

    @Test func aTenMegabyteSpecIsReadAndItsErrorReported() {
        // 50,000 types, one of which refers to a type that does not exist, near the end.
        var text = "types:\n"
        var index = 0
        while text.utf8.count < 10_000_000 {
            text += "  Type\(index):\n    description: \(String(repeating: "long description ", count: 8))\n    properties:\n      value: { type: string, example: x }\n"
            index += 1
        }
        text += "  Last:\n    properties:\n      broken: { type: Type\(index + 5) }\n"
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("broken:") }! + 1
        let result = Pipeline.lint([SpecSource(displayPath: "specs/big.yaml", relativePath: "big.yaml", contents: Data(text.utf8))])
        #expect(result.diagnostics.map(\.description) == [
            "specs/big.yaml:\(line):23: error: unknown type 'Type\(index + 5)' (did you mean 'Type\(index + 5 - 30_000)'?)"
        ])
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = "types:\n  A:\n    properties:\n      a: { type: " + String(repeating: "[", count: 50_000) + "string" + String(repeating: "]", count: 50_000) + " }\n"
        let result = Pipeline.lint([SpecSource(displayPath: "specs/deep.yaml", relativePath: "deep.yaml", contents: Data(deep.utf8))])
        #expect(result.hasErrors)
        #expect(result.diagnostics.first?.description.hasPrefix("specs/deep.yaml:4:") == true)

        // Deep but within libyaml's limit: the type is resolved without blowing the stack.
        let nested = "types:\n  A:\n    properties:\n      a: { type: " + String(repeating: "[", count: 900) + "string" + String(repeating: "]", count: 900) + " }\n"
        let fine = Pipeline.lint([SpecSource(displayPath: "specs/nested.yaml", relativePath: "nested.yaml", contents: Data(nested.utf8))])
        #expect(!fine.hasErrors, "\(fine.diagnostics)")
    }
}
