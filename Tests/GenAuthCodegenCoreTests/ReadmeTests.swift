import Foundation
import Testing
@testable import GenAuthCodegenCore

/// The README is a contract: every Swift snippet in it compiles as written, against the SDK's modules, and its
/// package manifest names products the package has.
@Suite(.serialized) struct ReadmeTests {
    static let readme = Harness.packageRoot.appendingPathComponent("README.md")

    static func swiftBlocks() throws -> [String] {
        DocSamplesTests.swiftBlocks(try String(contentsOf: readme, encoding: .utf8))
    }

    @Test func everySwiftSnippetCompiles() throws {
        let modules = try #require(GeneratedCodeCompilesTests.buildModules, "the SDK's modules are built for the tests")
        let snippets = try Self.swiftBlocks().filter { !$0.contains("import PackageDescription") }
        #expect(snippets.count >= 3)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("genauth-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, snippet) in snippets.enumerated() {
            // Imports stay at the top; the rest is the body of an async function, as in a script or a server's handler.
            let lines = snippet.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let imports = lines.filter { $0.hasPrefix("import ") }
            let body = lines.filter { !$0.hasPrefix("import ") }.map { "    " + $0 }
            let source = (imports + ["", "func readmeSnippet\(index)() async throws {"] + body + ["}", ""]).joined(separator: "\n")
            let file = folder.appendingPathComponent("Snippet\(index).swift")
            try Data(source.utf8).write(to: file)
            do {
                try Compiler.run(["-typecheck", "-swift-version", "6", "-warnings-as-errors", "-I", modules, file.path])
            } catch {
                Issue.record("README snippet \(index + 1) does not compile:\n\(snippet)\n\(error)")
            }
        }
    }

    @Test func thePackageManifestIsValidAndNamesTheSDKsProducts() throws {
        let manifests = try Self.swiftBlocks().filter { $0.contains("import PackageDescription") }
        #expect(manifests.count == 1)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("genauth-readme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for manifest in manifests {
            let app = folder.appendingPathComponent("App")
            try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("genauth-swift"), withDestinationURL: Harness.packageRoot)
            try Data(manifest.utf8).write(to: app.appendingPathComponent("Package.swift"))
            let described = try Self.dumpPackage(app)
            // Our own manifest, from a copy: SwiftPM locks the package's folder while the tests run in it.
            let copy = folder.appendingPathComponent("ours")
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Harness.packageRoot.appendingPathComponent("Package.swift"), to: copy.appendingPathComponent("Package.swift"))
            let ours = try Self.dumpPackage(copy)
            let products = Set(((ours["products"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String })
            let targets = (described["targets"] as? [[String: Any]]) ?? []
            let used = targets.flatMap { ($0["dependencies"] as? [[String: Any]]) ?? [] }
                .compactMap { ($0["product"] as? [Any])?.first as? String }
            #expect(!used.isEmpty)
            for product in used {
                #expect(products.contains(product), "the README's manifest names '\(product)'; the package has \(products.sorted())")
            }
        }
    }

    static func dumpPackage(_ folder: URL) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "package", "--package-path", folder.path, "dump-package"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Compiler.Failure(description: "swift package dump-package failed in \(folder.path)")
        }
        return object
    }
}
