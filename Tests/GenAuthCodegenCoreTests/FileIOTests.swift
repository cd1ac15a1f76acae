import Foundation
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// The generator's system calls, checked against Foundation's.
@Suite(.offThePool) struct FileIOTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("genauth-fileio-\(UUID().uuidString)")

    /// `readdir` packs its records into one heap buffer (32 KiB in glibc), each only as long as its name, so a folder
    /// of many short names fills that buffer to within a record of its end. Reading a name as the 256-byte `d_name`
    /// array reads past the end of the buffer: AddressSanitizer aborts the run (heap-buffer-overflow, READ of size
    /// 256); without it the bytes beyond the NUL were ignored, so the names below came out right either way.
    @Test func listsEveryNameOfAFolderThatFillsReaddirsBuffer() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // 3,000 records of 24–32 bytes: about three buffers' worth, each filled to within one record of its end.
        var expected = Set((0..<3000).map { "f\($0)" })
        expected.insert(String(repeating: "n", count: 255))  // the longest name a file system allows
        expected.insert("名前-é.swift")  // UTF-8, not ASCII
        for name in expected {
            try FileIO.write("".utf8, to: folder.appendingPathComponent(name).path, exclusive: true)
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link"), withDestinationURL: folder)

        let entries = try #require(FileIO.entries(of: folder.path))
        let files = entries.filter { $0.kind == .file }.map(\.name)
        #expect(files.count == expected.count)
        #expect(Set(files) == expected)
        #expect(entries.filter { $0.kind == .folder }.map(\.name) == ["sub"])
        #expect(entries.filter { $0.kind == .other }.map(\.name) == ["link"], "a symbolic link is never followed")
        #expect(Set(entries.map(\.name)) == Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)))
    }

    @Test func aMissingFolderHasNoEntries() {
        #expect(FileIO.entries(of: folder.path + "/missing") == nil)
    }
}
