import Foundation
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// Writing the outputs: only changed files are written, stale generated files are removed, nothing else is touched.
@Suite(.offThePool) struct WorkspaceTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("genauth-workspace-\(UUID().uuidString)")

    var locations: OutputLocations {
        OutputLocations(
            sdk: folder.appendingPathComponent("sdk").path,
            docs: folder.appendingPathComponent("docs").path,
            tests: folder.appendingPathComponent("tests").path)
    }

    func outputs(_ files: [String: String]) -> [OutputFile] {
        files.map { OutputFile(role: .sdk, path: $0.key, contents: "\(OutputNaming.swiftMarker) from specs/x.yaml.\n\($0.value)\n") }
            .sorted { $0.path < $1.path }
    }

    @Test func writesOnlyWhatChangedAndRemovesOnlyGeneratedFiles() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = "GenAuthAuthentication/Generated"
        let first = try Workspace.plan(outputs(["\(generated)/A.swift": "a", "\(generated)/Models/B.swift": "b"]), at: locations)
        #expect(first.created.count == 2)
        try Workspace.apply(first)

        let handWritten = folder.appendingPathComponent("sdk/\(generated)/Models/HandWritten.swift")
        try Data("struct HandWritten {}\n".utf8).write(to: handWritten)
        // A generated file outside the generated folders (a hand-written copy, say) is not the generator's either.
        let outside = folder.appendingPathComponent("sdk/GenAuthAuthentication/Copy.swift")
        try Data("\(OutputNaming.swiftMarker) from specs/x.yaml.\n".utf8).write(to: outside)

        let second = try Workspace.plan(outputs(["\(generated)/A.swift": "a changed"]), at: locations)
        #expect(second.changed.map(\.path) == [locations.sdk + "/\(generated)/A.swift"])
        #expect(second.created.isEmpty)
        #expect(second.removed == [locations.sdk + "/\(generated)/Models/B.swift"])
        try Workspace.apply(second)

        #expect(FileManager.default.fileExists(atPath: handWritten.path), "a file the generator did not write is never removed")
        #expect(FileManager.default.fileExists(atPath: outside.path))
        #expect(!FileManager.default.fileExists(atPath: locations.sdk + "/\(generated)/Models/B.swift"))
        #expect(try String(contentsOfFile: locations.sdk + "/\(generated)/A.swift", encoding: .utf8).hasSuffix("a changed\n"))

        let third = try Workspace.plan(outputs(["\(generated)/A.swift": "a changed"]), at: locations)
        #expect(third.isUpToDate)
        #expect(third.unchanged == [locations.sdk + "/\(generated)/A.swift"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: locations.sdk + "/\(generated)").filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary files are left behind")
    }

    /// A DocC documentation extension starts with its title, so its marker is on the second line; a hand-written
    /// article in the same catalog is never removed.
    @Test func staleDocCTopicsAreRemovedAndHandWrittenArticlesKept() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = folder.appendingPathComponent("sdk/GenAuthManagement/GenAuthManagement.docc/Generated")
        try FileManager.default.createDirectory(at: catalog, withIntermediateDirectories: true)
        let stale = catalog.appendingPathComponent("OldClient.md")
        try Data("# ``GenAuthManagement/OldClient``\n\(OutputNaming.markdownMarker) from the specs. -->\n\n## Topics\n".utf8).write(to: stale)
        let article = catalog.appendingPathComponent("Article.md")
        try Data("# ``GenAuthManagement/ManagementClient``\n\nWritten by hand.\n".utf8).write(to: article)
        let plan = try Workspace.plan([], at: locations)
        #expect(plan.removed == [stale.path])
    }

    @Test func aFailedWriteLeavesEveryFileWholeAndNoTemporaryFiles() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try Workspace.apply(try Workspace.plan(outputs(["A.swift": "a", "B.swift": "b"]), at: locations))
        // A folder where a generated file should go: that file cannot be replaced.
        try FileManager.default.createDirectory(atPath: locations.sdk + "/C.swift", withIntermediateDirectories: true)
        let plan = try Workspace.plan(outputs(["A.swift": "a2", "B.swift": "b2", "C.swift": "c"]), at: locations)
        #expect(throws: (any Error).self) { try Workspace.apply(plan) }

        for name in ["A.swift", "B.swift"] {
            let text = try String(contentsOfFile: locations.sdk + "/" + name, encoding: .utf8)
            let old = name == "A.swift" ? "a" : "b"
            #expect(text.hasSuffix("\n\(old)\n") || text.hasSuffix("\n\(old)2\n"), "\(name) is either as it was or as new: \(text)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: locations.sdk).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary files are left behind: \(leftovers)")
    }

    @Test func refusesPathsOutsideTheOutputFolder() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in ["../escape.swift", "/etc/passwd", "a/../../b.swift"] {
            #expect(throws: Workspace.Failure.self) {
                try Workspace.plan([OutputFile(role: .docs, path: path, contents: "x")], at: locations)
            }
        }
    }
}
