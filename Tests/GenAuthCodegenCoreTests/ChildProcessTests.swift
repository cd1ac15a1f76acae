import Foundation
import Testing
import GenAuthTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Child processes through posix_spawn (the generator runs git with them, the tests swiftc, Python and SwiftPM).
@Suite struct ChildProcessTests {
    @Test func statusOutputsInputFolderAndEnvironment() throws {
        let result = try ChildProcess.run(["sh", "-c", "cat; echo \"$GENAUTH_CHILD\" >&2; exit 3"], input: Data("in\n".utf8),
                                          environment: ["GENAUTH_CHILD": "set"])
        #expect(result.status == 3)
        #expect(result.output == "in\n")
        #expect(result.errorOutput == "set\n")
        #expect(try ChildProcess.run(["sh", "-c", "echo out; echo error >&2"], mergingErrors: true).output == "out\nerror\n")
        #expect(try ChildProcess.run(["sh", "-c", "pwd"], directory: "/").output == "/\n")
        #expect(try ChildProcess.run(["sh", "-c", "kill -9 $$"]).status == 128 + SIGKILL)
        #expect(throws: ChildProcess.Failure.self) { try ChildProcess.run(["genauth-no-such-program"]) }
    }

    /// Foundation's `Process` closed every descriptor but the standard three in the child; posix_spawn keeps every one
    /// that is not close-on-exec: a test server's connection (LoopbackServer's sockets are not close-on-exec), held
    /// open by a compiler that a test started meanwhile, would never end when the server closes it.
    @Test func aChildInheritsOnlyItsStandardDescriptors() throws {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        // A number no shell uses for itself; F_DUPFD clears close-on-exec.
        let inheritable = fcntl(ends[1], F_DUPFD, 200)
        defer {
            close(ends[0])
            close(ends[1])
            close(inheritable)
        }
        try #require(inheritable >= 200)
        let result = try ChildProcess.run(["sh", "-c", "if [ -e /dev/fd/\(inheritable) ]; then echo inherited; else echo closed; fi"])
        #expect(result.output == "closed\n")
    }

    /// Threads of Swift's concurrency pool, such as this test's, block most signals, and posix_spawn keeps the mask of the
    /// thread that calls it: a child started here had SIGTERM blocked, and `terminate()` waited for it to end by itself.
    @Test func terminateStopsAChildStartedFromAnyThread() throws {
        let started = ContinuousClock.now
        let child = try ChildProcess.start(["sleep", "30"])
        let result = try #require(child.terminate())
        #expect(result.status == 128 + SIGTERM)
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    /// A child's input pipe reaches no other child: closing it ends that child's input even while another child,
    /// started after it, still runs.
    @Test func closingTheInputEndsItWhileAnotherChildRuns() throws {
        let reader = try ChildProcess.start(["cat"], interactiveInput: true)
        let other = try ChildProcess.start(["sleep", "30"])
        defer { other.terminate() }
        let input = try #require(reader.input)
        try input.write(contentsOf: Data("hello".utf8))
        try input.close()
        #expect(try reader.wait().output == "hello")
        #expect(other.isRunning)
    }

    /// No lock around the spawns but a short one: children started from many threads at once, as the tests do.
    @Test func childrenStartedFromManyThreadsAtOnce() throws {
        let outputs = Outputs()
        DispatchQueue.concurrentPerform(iterations: 24) { index in
            let result = Result { try ChildProcess.run(["sh", "-c", "cat; echo \(index)"], input: Data("\(index):".utf8)) }
            outputs.set(index, result.map { $0.status == 0 ? $0.output : "status \($0.status)" })
        }
        for index in 0..<24 {
            #expect(try outputs.get(index)?.get() == "\(index):\(index)\n")
        }
    }

    /// Tasks awaiting children do not hold the concurrency pool's threads: with more children waiting than the pool
    /// has threads, the task that lets them end still runs. (Had the waits blocked the pool, this would hang until the
    /// test's time limit.)
    @Test(.timeLimit(.minutes(2))) func awaitingChildrenLeavesThePoolToOtherTasks() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("genauth-pool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let flag = folder.appendingPathComponent("go").path
        let children = ProcessInfo.processInfo.activeProcessorCount * 2 + 2
        let statuses = try await withThrowingTaskGroup(of: Int32.self) { group in
            for _ in 0..<children {
                group.addTask {
                    try await ChildProcess.run(["sh", "-c", "while [ ! -e \"$1\" ]; do sleep 0.05; done", "sh", flag]).status
                }
            }
            group.addTask {
                // Runs only if a pool thread is free while every child waits for it.
                try Data().write(to: URL(fileURLWithPath: flag))
                return 0
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == [Int32](repeating: 0, count: children + 1))
    }

    private final class Outputs: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int: Result<String, any Error>] = [:]

        func set(_ index: Int, _ value: Result<String, any Error>) { lock.withLock { values[index] = value } }
        func get(_ index: Int) -> Result<String, any Error>? { lock.withLock { values[index] } }
    }
}
