import Foundation
import Testing
@testable import GenAuthCodegenCore

/// Every Swift sample in `docs/` is compiled: the `Generated/DocSamples.swift` of each client's test target
/// holds each of its pages' samples as the body of a function. This checks that those files hold exactly the
/// samples the docs show.
@Suite struct DocSamplesTests {
    @Test func everyDocSampleIsCompiledVerbatim() throws {
        let root = Harness.packageRoot
        var compiled: [String: String] = [:]
        for client in ClientName.allCases {
            let path = root.appendingPathComponent("Tests").appendingPathComponent(OutputNaming.samplesFile(client)).path
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            compiled.merge(Self.functionBodies(String(decoding: data, as: UTF8.self))) { first, _ in first }
        }

        let pages = try Self.markdownFiles(under: root.appendingPathComponent("docs"))
        var checked = 0
        for page in pages {
            let relative = "docs/" + page.path.dropFirst(root.appendingPathComponent("docs").path.count + 1)
            let text = try String(contentsOf: page, encoding: .utf8)
            let blocks = Self.swiftBlocks(text)
            guard !blocks.isEmpty else { continue }
            #expect(blocks.count == 1, "\(relative) has \(blocks.count) Swift samples")
            let sample = blocks[0].split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("import ") }
                .drop { $0.isEmpty }
                .joined(separator: "\n")
            let body = try #require(compiled[String(relative)], "\(relative)'s sample is not in DocSamples.swift")
            #expect(body == sample.trimmingCharacters(in: .newlines), "\(relative)'s sample differs from its compiled copy")
            checked += 1
        }
        #expect(checked == compiled.count, "DocSamples.swift has samples of pages that do not exist")
        #expect(checked >= 4)
    }

    /// `// docs/…md` marker → the function body below it, unindented.
    static func functionBodies(_ source: String) -> [String: String] {
        var result: [String: String] = [:]
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard line.hasPrefix("// docs/") else { continue }
            let page = String(line.dropFirst(3))
            while index < lines.count, !lines[index].hasPrefix("func ") { index += 1 }
            index += 1
            var body: [String] = []
            while index < lines.count, lines[index] != "}" {
                body.append(lines[index].hasPrefix("    ") ? String(lines[index].dropFirst(4)) : lines[index])
                index += 1
            }
            result[page] = body.joined(separator: "\n")
        }
        return result
    }

    /// The contents of every fenced code block whose info string is `swift`.
    static func swiftBlocks(_ markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [String]?
        var fence = ""
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if current == nil {
                let ticks = line.prefix { $0 == "`" }
                if ticks.count >= 3, line.dropFirst(ticks.count) == "swift" {
                    fence = String(ticks)
                    current = []
                }
            } else if line == fence {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current!.append(line)
            }
        }
        return blocks
    }

    static func markdownFiles(under folder: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
    }
}
