import Foundation
import Testing

/// Runs a suite's tests on threads of their own instead of Swift's concurrency pool, which has one thread per core.
///
/// The generator's tests are synchronous and heavy (generating the whole SDK, importing GenAuth's documents): on the
/// pool, two of them hold both threads of a 2-core machine for as long as they run, minutes under AddressSanitizer,
/// and every other suite's tasks wait. A wait that a deadline outside the pool bounds then fails: AsyncHTTPClient
/// writes a request's body from a pool task, and its deadline runs on NIO's event loop. With this trait, such a suite
/// runs on two threads of its own, and the pool stays free for the others (but for the generator's own
/// `concurrentPerform`, which borrows Dispatch's worker threads while it runs).
///
/// ```swift
/// @Suite(.offThePool) struct DriftTests { … }
/// ```
public struct OffThePool: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await withTaskExecutorPreference(DedicatedExecutor.shared) {
            try await function()
        }
    }
}

extension Trait where Self == OffThePool {
    /// Runs the suite's tests on threads of their own, not the concurrency pool (see ``OffThePool``).
    public static var offThePool: Self { OffThePool() }
}

/// A task executor of two threads of its own; more would take the cores from the event loops of the network tests.
/// Not a Dispatch queue: on Linux a queue's work runs on the same global worker threads as Swift's concurrency, as
/// many as there are cores, so moving the work there would move nothing.
final class DedicatedExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = DedicatedExecutor(threads: 2)

    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var jobs: [UnownedJob] = []

    private init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [unowned self] in self.run() }
            thread.name = "genauth-tests-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    /// Runs jobs as they come, first come first served, for the life of the process.
    private func run() {
        let executor = asUnownedTaskExecutor()
        while true {
            let job = condition.withLock { () -> UnownedJob in
                while jobs.isEmpty { condition.wait() }
                return jobs.removeFirst()
            }
            job.runSynchronously(on: executor)
        }
    }
}
