import Foundation
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// A spec with many errors costs no more than its size: "did you mean" is worked out for the first errors
/// only, each misspelt name once. These tests count that work; `Benchmarks/run` times it.
@Suite(.offThePool) struct ScalingTests {
    /// `types` types of ten properties each, every property of the misspelt type `strin`.
    static func spec(types: Int) -> SpecSource {
        var text = "types:\n"
        for index in 0..<types {
            text += "  Type\(index)Dto:\n    properties:\n"
            for field in 0..<10 { text += "      field\(field): { type: strin }\n" }
        }
        return SpecSource(displayPath: "specs/many.yaml", relativePath: "many.yaml", contents: Data(text.utf8))
    }

    @Test func theHintsOfAManyErrorRunAreBoundedNotOnePerError() {
        for types in [300, 600] {
            let result = Pipeline.lint([Self.spec(types: types)])
            #expect(result.diagnostics.count == types * 10)
            let hinted = result.diagnostics.filter { $0.message.contains("did you mean") }
            // One suggestion search per error would be quadratic: each compares the name with every type name.
            #expect(hinted.count == Suggestions.hintLimit, "\(types) types: \(hinted.count) suggestions worked out")
            #expect(result.diagnostics.allSatisfy { $0.pendingHint == nil })
            #expect(result.diagnostics.first?.description == "specs/many.yaml:4:23: error: unknown type 'strin' (did you mean 'string'?)")
        }
    }

    @Test func resolvingHintsComparesEachMisspeltNameOnceAndOnlyForTheFirstErrors() {
        let candidates = (0..<1_000).map { "Name\($0)" }
        func diagnostics(_ names: [String]) -> [Diagnostic] {
            names.enumerated().map { index, name in
                var diagnostic = Diagnostic.error("unknown type '\(name)'", at: SourceLocation(file: "a.yaml", line: index + 1, column: 1))
                diagnostic.pendingHint = PendingHint(name, among: { candidates })
                return diagnostic
            }
        }
        // The same misspelling 5,000 times: one search.
        let repeated = diagnostics(Array(repeating: "Nane7", count: 5_000)).resolvingHints(limit: 200)
        #expect(repeated.comparisons == candidates.count)
        #expect(repeated.diagnostics.prefix(200).allSatisfy { $0.message.hasSuffix("(did you mean 'Name7'?)") })
        #expect(repeated.diagnostics.dropFirst(200).allSatisfy { !$0.message.contains("did you mean") })

        // 5,000 different ones: searches for the first 200 only, whatever the count.
        let distinct = diagnostics((0..<5_000).map { "Nane\($0)" }).resolvingHints(limit: 200)
        #expect(distinct.comparisons == 200 * candidates.count)
        let twice = diagnostics((0..<10_000).map { "Nane\($0)" }).resolvingHints(limit: 200)
        #expect(twice.comparisons == distinct.comparisons)
    }
}
