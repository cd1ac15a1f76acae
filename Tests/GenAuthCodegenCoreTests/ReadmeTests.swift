import Foundation
import Testing
import GenAuthTestSupport
@testable import GenAuthCodegenCore

/// The README and the DocC reference are a contract: every Swift snippet in the README, in the hand-written pages of
/// `docs/` (the guides and the protocol modules; the generated pages' samples are compiled as `DocSamples.swift`), in
/// the DocC articles and in the examples of the runtime's doc comments compiles as written, against the SDK's modules,
/// and their package manifests name products the package has.
@Suite(.serialized, .offThePool) struct ReadmeTests {
    static let readme = Harness.packageRoot.appendingPathComponent("README.md")

    /// A snippet, where it comes from, and the module its file imports (the examples in doc comments say no
    /// `import`: their own module's is implied).
    struct Snippet {
        var origin: String
        var code: String
        var implicitImport: String?
    }

    static func swiftBlocks() throws -> [String] {
        DocSamplesTests.swiftBlocks(try String(contentsOf: readme, encoding: .utf8))
    }

    /// The README's snippets, then each DocC article's, then the doc-comment examples of the hand-written runtime.
    static func snippets() throws -> [Snippet] {
        var snippets = try swiftBlocks().enumerated().map { Snippet(origin: "README.md snippet \($0 + 1)", code: $1) }
        let docs = Harness.packageRoot.appendingPathComponent("docs")
        for page in try DocSamplesTests.markdownFiles(under: docs) {
            let text = try String(contentsOf: page, encoding: .utf8)
            guard !DocSamplesTests.isGenerated(text) else { continue }
            let relative = "docs/" + page.path.dropFirst(docs.path.count + 1)
            snippets += DocSamplesTests.swiftBlocks(text).enumerated().map {
                Snippet(origin: "\(relative) snippet \($0 + 1)", code: $1)
            }
        }
        let sources = Harness.packageRoot.appendingPathComponent("Sources")
        for module in ["GenAuthCore", "GenAuthAuthentication", "GenAuthManagement", "GenAuthAsyncHTTPClient"] {
            let catalog = sources.appendingPathComponent("\(module)/\(module).docc")
            for article in try DocSamplesTests.markdownFiles(under: catalog) where !article.path.contains("/Generated/") {
                let blocks = DocSamplesTests.swiftBlocks(try String(contentsOf: article, encoding: .utf8))
                snippets += blocks.enumerated().map {
                    Snippet(origin: "\(module).docc/\(article.lastPathComponent) snippet \($0 + 1)", code: $1)
                }
            }
            let folder = sources.appendingPathComponent(module)
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            for file in files.sorted() where file.hasSuffix(".swift") && !file.hasPrefix("Generated/") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                let comments = text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { $0.hasPrefix("///") }
                    .map { String($0.dropFirst(3).drop { $0 == " " }.isEmpty ? "" : $0.dropFirst(4)) }
                snippets += DocSamplesTests.swiftBlocks(comments.joined(separator: "\n")).enumerated().map {
                    Snippet(origin: "Sources/\(module)/\(file) example \($0 + 1)", code: $1, implicitImport: module)
                }
            }
        }
        return snippets
    }

    @Test func everySwiftSnippetCompiles() async throws {
        let modules = try #require(GeneratedCodeCompilesTests.buildModules, "the SDK's modules are built for the tests")
        let moduleMaps = GeneratedCodeCompilesTests.buildModuleMapFlags
        let snippets = try Self.snippets().filter { !$0.code.contains("import PackageDescription") }
        #expect(snippets.filter { $0.origin.hasPrefix("README") }.count >= 3)
        #expect(snippets.filter { $0.origin.hasPrefix("docs/") }.count >= 80)
        #expect(snippets.filter { $0.origin.contains(".docc/") }.count >= 8)
        #expect(snippets.filter { $0.implicitImport != nil }.count >= 3)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("genauth-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for (index, snippet) in snippets.enumerated() {
            // Imports stay at the top; the rest is the body of an async function, as in a script or a server's handler.
            let lines = snippet.code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let (hoisted, rest) = Self.hoistingImports(lines)
            let imports = hoisted + (snippet.implicitImport.map { ["import \($0)"] } ?? [])
            let body = rest.map { "    " + $0 }
            let source = (imports + ["", "func snippet\(index)() async throws {"] + body + ["}", ""]).joined(separator: "\n")
            let file = folder.appendingPathComponent("Snippet\(index).swift")
            try Data(source.utf8).write(to: file)
            files.append(file.path)
        }
        // One compiler run for all of them (each file its own snippet); on failure, each snippet the errors name.
        do {
            try await Compiler.run(["-typecheck", "-swift-version", "6", "-warnings-as-errors", "-module-name", "Snippets",
                                    "-I", modules] + moduleMaps + files)
        } catch {
            let message = String(describing: error)
            var named = false
            for (index, snippet) in snippets.enumerated() where message.contains("/Snippet\(index).swift:") {
                named = true
                Issue.record("\(snippet.origin) does not compile:\n\(snippet.code)\n\(error)")
            }
            if !named { Issue.record("the snippets do not compile: \(error)") }
        }
    }

    /// The snippet's imports, which go at the top of the file, and the rest. An `#if` that holds only imports (such as
    /// `#if canImport(Security)` around `import Security`, for a platform's snippet) goes up whole.
    static func hoistingImports(_ lines: [String]) -> (imports: [String], rest: [String]) {
        var imports: [String] = []
        var rest: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("#if "), let end = lines[index...].firstIndex(of: "#endif"),
               end > index + 1, lines[(index + 1)..<end].allSatisfy({ $0.hasPrefix("import ") }) {
                imports += lines[index...end]
                index = end + 1
                continue
            }
            if line.hasPrefix("import ") { imports.append(line) } else { rest.append(line) }
            index += 1
        }
        return (imports, rest)
    }

    @Test func thePackageManifestIsValidAndNamesTheSDKsProducts() throws {
        let manifests = try Self.snippets().map(\.code).filter { $0.contains("import PackageDescription") }
        #expect(manifests.count >= 4)   // the README's, Getting started's and the installation page's (en, zh)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("genauth-readme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, manifest) in manifests.enumerated() {
            let folder = folder.appendingPathComponent("\(index)")
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
                #expect(products.contains(product), "a manifest of the docs names '\(product)'; the package has \(products.sorted())")
            }
        }
    }

    static func dumpPackage(_ folder: URL) throws -> [String: Any] {
        let result = try ChildProcess.run(["swift", "package", "--package-path", folder.path, "dump-package"])
        guard result.status == 0, let object = try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any] else {
            throw Compiler.Failure(description: "swift package dump-package failed in \(folder.path)")
        }
        return object
    }
}
