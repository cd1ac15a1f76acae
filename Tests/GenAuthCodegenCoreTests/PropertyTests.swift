import Foundation
import PropertyBased
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// Random valid specs through the whole pipeline: no errors, the same bytes whatever the order of the
/// spec files, Markdown tables that keep their columns, Swift whose brackets balance; a sample compiles.
@Suite(.offThePool) struct PropertyTests {
    static func generate(_ files: [(path: String, text: String)]) throws -> GenerationResult {
        let specs = files.map { SpecSource(displayPath: "specs/\($0.path)", relativePath: $0.path, contents: Data($0.text.utf8)) }
        return Pipeline.generate(GeneratorInput(specs: specs, templates: try Harness.templates()))
    }

    @Test func randomSpecsGenerateDeterministicWellFormedOutput() async throws {
        let templates = try Harness.templates()
        // GENAUTH_PROPERTY_COUNT raises the count for a longer local run.
        let count = ProcessInfo.processInfo.environment["GENAUTH_PROPERTY_COUNT"].flatMap(Int.init) ?? 60
        await propertyCheck(count: count, input: Gen.int(in: 0...Int.max)) { seed in
            let spec = RandomSpec(seed: UInt64(seed))
            let specs = spec.files.map { SpecSource(displayPath: "specs/\($0.path)", relativePath: $0.path, contents: Data($0.text.utf8)) }
            let result = Pipeline.generate(GeneratorInput(specs: specs, templates: templates))
            #expect(!result.hasErrors, "seed \(seed): \(result.diagnostics.filter { $0.severity == .error }.map(\.description))\n\(spec.files.map(\.text).joined(separator: "\n---\n"))")
            guard !result.hasErrors else { return }

            let reordered = Pipeline.generate(GeneratorInput(specs: specs.reversed(), templates: templates.reversed()))
            #expect(reordered.outputs == result.outputs, "seed \(seed): the order of the spec files changed the output")

            for output in result.outputs {
                if output.path.hasSuffix(".md") {
                    #expect(Self.tableProblems(output.contents).isEmpty, "seed \(seed) \(output.path): \(Self.tableProblems(output.contents))")
                } else {
                    #expect(Self.bracketProblem(output.contents) == nil, "seed \(seed) \(output.path): \(Self.bracketProblem(output.contents) ?? "")")
                }
            }
        }
    }

    @Test(arguments: [UInt64(7), 2026, 90_210])
    func aSampleOfRandomSpecsCompiles(seed: UInt64) async throws {
        let spec = RandomSpec(seed: seed)
        let result = try Self.generate(spec.files)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        try await GeneratedCodeCompilesTests.compile(result, name: "random-\(seed)")
    }

    /// Rows of a Markdown table whose number of cells differs from its header's.
    static func tableProblems(_ markdown: String) -> [String] {
        var problems: [String] = []
        var columns: Int?
        var inFence: String?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let ticks = line.prefix { $0 == "`" }
            if ticks.count >= 3 {
                if inFence == nil { inFence = String(ticks) } else if line == inFence! { inFence = nil }
                continue
            }
            guard inFence == nil else { continue }
            guard line.hasPrefix("|") else {
                columns = nil
                continue
            }
            let cells = cellCount(String(line))
            if let columns, cells != columns {
                problems.append("\(cells) cells where the header has \(columns): \(line.prefix(120))")
            } else if columns == nil {
                columns = cells
            }
        }
        return problems
    }

    /// Cells of a table row: pipes that are not escaped, minus the outer two.
    static func cellCount(_ row: String) -> Int {
        var count = 0
        var escaped = false
        for character in row {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "|" { count += 1 }
        }
        return count - 1
    }

    /// The first unbalanced (, [ or { outside comments and string literals, if any.
    static func bracketProblem(_ swift: String) -> String? {
        var stack: [Character] = []
        let pairs: [Character: Character] = [")": "(", "]": "[", "}": "{"]
        for (number, line) in swift.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var inString = false
            var escaped = false
            var previous: Character = " "
            for character in line {
                if inString {
                    if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                    continue
                }
                if character == "/" && previous == "/" { break }
                previous = character
                switch character {
                case "\"": inString = true
                case "(", "[", "{": stack.append(character)
                case ")", "]", "}":
                    guard stack.popLast() == pairs[character] else { return "line \(number + 1): unbalanced '\(character)'" }
                default: break
                }
            }
            if inString { return "line \(number + 1): unterminated string literal" }
        }
        return stack.isEmpty ? nil : "unclosed '\(stack.last!)'"
    }
}

extension PropertyTests {
    /// Names are split into words on bytes when they are ASCII; that must split them as the Character
    /// by Character rule does, for any ASCII text.
    @Test func asciiWordSplittingAgreesWithTheCharacterRule() async {
        let alphabet = Array("aAbBzZ09_- .:/\t\r\nxYSAMLIdp".utf8)
        await propertyCheck(count: 2000, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = SplitMix64(seed: UInt64(seed))
            let length = Int(generator.next() % 24)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(Naming.asciiWords(text) == Naming.characterWords(text), "\(text.debugDescription)")
        }
    }
}


extension PropertyTests {
    /// The Foundation-free trim used on hot paths trims what `trimmingCharacters(in: .whitespaces)` trims.
    @Test func horizontalWhitespaceTrimAgreesWithFoundation() async {
        let alphabet: [Character] = [" ", "\t", "\u{00A0}", "\u{3000}", "\u{2009}", "\u{2028}", "\n", "a", "中", "-"]
        await propertyCheck(count: 2000, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = SplitMix64(seed: UInt64(seed))
            let length = Int(generator.next() % 8)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            #expect(text.trimmingHorizontalWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }
}
