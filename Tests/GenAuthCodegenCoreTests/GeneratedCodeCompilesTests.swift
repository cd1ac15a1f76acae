import Foundation
import Testing
@testable import GenAuthCodegenCore

/// The goldens' generated Swift, compiled for real: type-checked with the SDK's runtime as the `GenAuth`
/// module (warnings are errors), then their doc samples against that module.
@Suite(.serialized) struct GeneratedCodeCompilesTests {
    @Test(arguments: GoldenTests.cases)
    func goldenSwiftCompilesWithoutWarnings(_ name: String) throws {
        let result = try GoldenTests.generate(GoldenTests.goldens.appendingPathComponent(name))
        #expect(!result.hasErrors)
        try Self.compile(result, name: name)
    }

    /// Type-checks the generated Swift of `result`: the SDK part with the runtime, warnings as errors, then
    /// the generated tests with the test target's support code.
    static func compile(_ result: GenerationResult, name: String) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("genauth-compile-\(name)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        var sdkFiles: [String] = []
        var sampleFiles: [String] = []
        for output in result.outputs where output.role != .docs {
            let url = work.appendingPathComponent(output.role.rawValue).appendingPathComponent(output.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(output.contents.utf8).write(to: url)
            (output.role == .sdk ? { sdkFiles.append(url.path) } : { sampleFiles.append(url.path) })()
        }
        let runtime = try Workspace.files(under: Harness.packageRoot.appendingPathComponent("Sources/GenAuth/Runtime").path, withExtension: "swift")
            .map { Harness.packageRoot.appendingPathComponent("Sources/GenAuth/Runtime").appendingPathComponent($0).path }

        let module = work.appendingPathComponent("module")
        try FileManager.default.createDirectory(at: module, withIntermediateDirectories: true)
        try Compiler.run(
            ["-emit-module", "-module-name", "GenAuth", "-parse-as-library", "-swift-version", "6", "-warnings-as-errors", "-enable-testing",
             "-emit-module-path", module.appendingPathComponent("GenAuth.swiftmodule").path] + runtime + sdkFiles)
        // The generated tests, with the test target's support code they use (the loopback server, contracts).
        let support = try Workspace.files(under: Harness.packageRoot.appendingPathComponent("Tests/GenAuthTests/Support").path, withExtension: "swift")
            .map { Harness.packageRoot.appendingPathComponent("Tests/GenAuthTests/Support").appendingPathComponent($0).path }
        try Compiler.run(
            ["-typecheck", "-module-name", "GenAuthTests", "-parse-as-library", "-swift-version", "6", "-warnings-as-errors",
             "-I", module.path] + sampleFiles + support)
    }
}

enum Compiler {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `swiftc` (from PATH) and throws its output when it fails.
    static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw Failure(description: "swiftc failed:\n" + String(decoding: data, as: UTF8.self))
        }
    }
}
