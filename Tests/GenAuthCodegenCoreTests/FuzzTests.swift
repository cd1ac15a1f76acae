import Foundation
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// A randomized fuzzer for the loader, bounded in time: spec files (the broken corpus, the real specs,
/// random valid ones) are mutated byte by byte and token by token and run through the pipeline. A crash or
/// a hang fails the run; every diagnostic must point inside its file.
///
/// `GENAUTH_FUZZ_SECONDS` sets the budget (3 s by default; CI runs longer) and `GENAUTH_FUZZ_SEED` the seed.
@Suite(.offThePool) struct FuzzTests {
    static let tokens: [[UInt8]] = [
        ": ", "- ", "{", "}", "[", "]", "\"", "'", "\t", "\n", "\r\n", "&a ", "*a", "!!binary ", "%YAML 1.2\n", "---\n",
        "...\n", "\u{0}", "\u{FEFF}", "? ", "|\n", ">-\n", "#", "~", "null", "type: ", "enum: ", "properties: ",
        "endpoints:\n", "  ", "    ", "{string: [x]}", "[[[", "]]]", "\\", "\\u", "😀", "中",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82]]

    @Test func mutatedSpecsNeverCrashAndPointInsideTheirFile() throws {
        let seconds = ProcessInfo.processInfo.environment["GENAUTH_FUZZ_SECONDS"].flatMap(Double.init) ?? 3
        let seed = ProcessInfo.processInfo.environment["GENAUTH_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_127
        var random = SplitMix64(seed: seed)

        var seeds: [[UInt8]] = []
        for name in BrokenSpecTests.cases {
            seeds.append(Array(try Data(contentsOf: BrokenSpecTests.folder.appendingPathComponent("\(name).yaml"))))
        }
        for source in try Workspace.readSpecs(at: Harness.packageRoot.appendingPathComponent("specs").path).prefix(4) {
            seeds.append(Array(source.contents))
        }
        for index in 0..<8 { seeds += RandomSpec(seed: UInt64(index)).files.map { Array($0.text.utf8) } }

        let templates = try Harness.templates()
        let deadline = Date().addingTimeInterval(seconds)
        var runs = 0
        while Date() < deadline {
            var bytes = seeds[Int(random.next() % UInt64(seeds.count))]
            for _ in 0..<(1 + Int(random.next() % 4)) { Self.mutate(&bytes, &random) }
            let source = SpecSource(displayPath: "specs/fuzz.yaml", relativePath: "fuzz.yaml", contents: Data(bytes))
            let started = Date()
            let result = Pipeline.lint([source])
            if ProcessInfo.processInfo.environment["GENAUTH_FUZZ_TRACE"] != nil, Date().timeIntervalSince(started) > 1 {
                print("slow run \(runs): \(Date().timeIntervalSince(started)) s, \(bytes.count) bytes")
                try? Data(bytes).write(to: URL(fileURLWithPath: "/tmp/slow-\(runs).yaml"))
            }
            let lineCount = Self.lineCount(bytes)
            for diagnostic in result.diagnostics {
                guard let location = diagnostic.location else { continue }
                #expect(location.line >= 1 && location.line <= lineCount + 1 && location.column >= 1,
                        "seed \(seed) run \(runs): \(diagnostic) is outside the file")
            }
            if !result.hasErrors {
                let generated = Pipeline.generate(GeneratorInput(specs: [source], templates: templates))
                #expect(!generated.hasErrors || generated.outputs.isEmpty)
            }
            runs += 1
        }
        #expect(runs > 10)
    }

    /// Lines as libyaml counts them: LF, CR, CRLF, NEL, LS and PS each end one.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var lines = 1
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A: lines += 1
            case 0x0D: lines += 1; if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: lines += 1; index += 1
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                lines += 1; index += 2
            default: break
            }
            index += 1
        }
        return lines
    }

    static func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
        switch random.next() % 6 {
        case 0 where !bytes.isEmpty:
            bytes[position] ^= UInt8(1 << (random.next() % 8))
        case 1:
            bytes.insert(contentsOf: tokens[Int(random.next() % UInt64(tokens.count))], at: position)
        case 2 where !bytes.isEmpty:
            let length = min(bytes.count - position, 1 + Int(random.next() % 16))
            bytes.removeSubrange(position..<(position + length))
        case 3 where !bytes.isEmpty:
            let length = min(bytes.count - position, 1 + Int(random.next() % 64))
            bytes.insert(contentsOf: bytes[position..<(position + length)], at: position)
        case 4:
            bytes = Array(bytes.prefix(position))
        default:
            bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
        }
    }
}
