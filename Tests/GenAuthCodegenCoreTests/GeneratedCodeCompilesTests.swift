import Foundation
import Testing
import GenAuthTestSupport
@testable import GenAuthCodegenCore

/// The goldens' generated Swift, compiled for real: each client's module with the SDK's runtime (warnings are
/// errors), then their doc samples and contract tests against it.
@Suite(.serialized, .offThePool) struct GeneratedCodeCompilesTests {
    @Test(arguments: GoldenTests.cases)
    func goldenSwiftCompilesWithoutWarnings(_ name: String) async throws {
        let result = try GoldenTests.generate(GoldenTests.goldens.appendingPathComponent(name))
        #expect(!result.hasErrors)
        try await Self.compile(result, name: name)
    }

    /// Type-checks the generated Swift of `result` as SwiftPM builds the SDK: the shared runtime, then each
    /// client's module (its hand-written files and the generated ones, warnings as errors), then the generated
    /// tests with the test targets' support code.
    static func compile(_ result: GenerationResult, name: String) async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("genauth-compile-\(name)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        var generated: [String: [String]] = [:]  // top folder (module or test target) → files
        // The Swift: not the docs, nor the DocC topics beside the generated sources.
        for output in result.outputs where output.role != .docs && output.path.hasSuffix(".swift") {
            let url = work.appendingPathComponent(output.role.rawValue).appendingPathComponent(output.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(output.contents.utf8).write(to: url)
            generated[String(output.path.split(separator: "/")[0]), default: []].append(url.path)
        }
        let modules = work.appendingPathComponent("modules")
        try FileManager.default.createDirectory(at: modules, withIntermediateDirectories: true)
        // The runtime the clients import: emitted once for the whole test run when nothing generated goes into it
        // (the goldens and the random specs declare no error codes), else here, beside the clients.
        let runtime: URL
        if let files = generated["GenAuthCore"] {
            runtime = modules
            try await emitRuntime(into: modules, generatedCore: files)
        } else {
            runtime = try await sharedRuntime.value
        }
        let common = commonFlags + ["-I", modules.path, "-I", runtime.path] + (buildModules.map { ["-I", $0] } ?? [])
        func emit(_ module: String, _ files: [String]) async throws {
            try await emitModule(module, files, into: modules, flags: common)
        }
        for client in ClientName.allCases {
            let (product, home) = (client.moduleName, client.homeModule)
            guard generated[home] != nil || generated[product] != nil else { continue }
            // A client split into modules: its home module, then the others, which import it, in the order its
            // product re-exports them (Generated/Modules.swift), then the product.
            var modules = [home]
            if product != home, let exports = generated[product]?.first(where: { $0.hasSuffix("/Generated/Modules.swift") }) {
                modules = try String(contentsOfFile: exports, encoding: .utf8).split(separator: "\n")
                    .compactMap { $0.hasPrefix("@_exported import ") ? String($0.dropFirst("@_exported import ".count)) : nil }
            }
            for module in modules {
                try await emit(module, try handWritten("Sources/\(module)") + (generated[module] ?? []))
            }
            if product != home {
                try await emit(product, try handWritten("Sources/\(product)") + (generated[product] ?? []))
            }
            // The doc pages' samples, type-checked as DocSamplesTests does with the SDK's.
            for samples in generated["DocSamples"] ?? [] where samples.hasSuffix("/\(client.moduleName).swift") {
                try await Compiler.run(["-typecheck", "-module-name", "DocSamples"] + common + [samples])
            }
            if let tests = generated[client.testsTarget] {
                try await Compiler.run(["-typecheck", "-module-name", client.testsTarget] + common
                                       + tests + (try handWritten("Tests/\(client.testsTarget)/Support")))
            }
        }
    }

    /// The flags of every compile: Swift 6, warnings as errors, one package.
    static let commonFlags = ["-parse-as-library", "-swift-version", "6", "-warnings-as-errors", "-package-name", "genauth_swift"]

    /// Not the folders whose hand-written code calls types and methods that only the real specs declare (the
    /// conveniences; the protocol modules and the token validation they offer, over the types of
    /// specs/protocols/oidc.yaml).
    static let specBound = ["Generated/", "Conveniences/", "Protocols/", "TokenValidation/OIDCClient+"]

    /// The hand-written Swift of a folder of the package, without the spec-bound files.
    static func handWritten(_ folder: String) throws -> [String] {
        let base = Harness.packageRoot.appendingPathComponent(folder)
        guard FileManager.default.fileExists(atPath: base.path) else { return [] }
        return try Workspace.files(under: base.path, withExtension: "swift")
            .filter { file in !specBound.contains { file.hasPrefix($0) } }.map { base.appendingPathComponent($0).path }
    }

    /// GenAuthCore, GenAuthCrypto and the tests' support module, emitted into `folder`.
    static func emitRuntime(into folder: URL, generatedCore: [String] = []) async throws {
        let common = commonFlags + ["-I", folder.path] + (buildModules.map { ["-I", $0] } ?? [])
        for (module, files) in [("GenAuthCore", try handWritten("Sources/GenAuthCore") + generatedCore),
                                ("GenAuthCrypto", try handWritten("Sources/GenAuthCrypto")),
                                ("GenAuthTestSupport", try handWritten("Tests/GenAuthTestSupport"))] {
            try await emitModule(module, files, into: folder, flags: common)
        }
    }

    /// `module`'s interface, compiled from `files` for testing into `folder`, as SwiftPM emits a module.
    static func emitModule(_ module: String, _ files: [String], into folder: URL, flags: [String]) async throws {
        try await Compiler.run(["-emit-module", "-module-name", module, "-enable-testing",
                                "-emit-module-path", folder.appendingPathComponent("\(module).swiftmodule").path] + flags + files)
    }

    /// The runtime every compile check shares, emitted once per test run (the goldens and the random specs compile
    /// it otherwise each time: a third of their compile time), into a folder removed when the run ends.
    static let sharedRuntime = Task {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("genauth-runtime-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        sharedRuntimeFolder = folder.path
        atexit { if let path = sharedRuntimeFolder { try? FileManager.default.removeItem(atPath: path) } }
        try await emitRuntime(into: folder)
        return folder
    }

    /// The module maps of the C modules SwiftPM built or checked out (NIO's, which a client of GenAuthEvents loads
    /// through its internal imports), as the `-Xcc -fmodule-map-file=` flags SwiftPM passes when it compiles a client.
    static var buildModuleMapFlags: [String] {
        guard let modules = buildModules else { return [] }
        let build = URL(fileURLWithPath: modules).deletingLastPathComponent()  // …/debug
        let checkouts = build.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("checkouts")
        let files = FileManager.default
        var maps: [String] = []
        for folder in (try? files.contentsOfDirectory(atPath: build.path)) ?? [] where folder.hasSuffix(".build") {
            maps.append(build.appendingPathComponent(folder).appendingPathComponent("module.modulemap").path)
        }
        for package in (try? files.contentsOfDirectory(atPath: checkouts.path)) ?? [] {
            let sources = checkouts.appendingPathComponent(package).appendingPathComponent("Sources")
            for target in (try? files.contentsOfDirectory(atPath: sources.path)) ?? [] {
                maps.append(sources.appendingPathComponent(target).appendingPathComponent("include/module.modulemap").path)
            }
        }
        return maps.filter { files.fileExists(atPath: $0) }.sorted().flatMap { ["-Xcc", "-fmodule-map-file=\($0)"] }
    }

    /// The modules SwiftPM built for the tests (swift-log's, which the runtime imports, and the traits' dependencies).
    static var buildModules: String? {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while url.path != "/" {
            let modules = url.appendingPathComponent("Modules")
            if FileManager.default.fileExists(atPath: modules.appendingPathComponent("GenAuthCore.swiftmodule").path) { return modules.path }
            url.deleteLastPathComponent()
        }
        return nil
    }
}

/// The shared runtime's folder, which the test process removes when it exits (an `atexit` handler captures nothing).
nonisolated(unsafe) private var sharedRuntimeFolder: String?

enum Compiler {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `swiftc` (from PATH) and throws its output when it fails.
    static func run(_ arguments: [String]) async throws {
        let result = try await ChildProcess.run(["swiftc"] + arguments)
        if result.status != 0 {
            throw Failure(description: "swiftc failed:\n" + result.output + result.errorOutput)
        }
    }
}
