import Dispatch
import Testing

/// Runs a suite's tests on threads of their own instead of Swift's concurrency pool, which has one thread per core.
///
/// The generator's tests are synchronous and heavy (generating the whole SDK, importing GenAuth's documents): on the
/// pool, two of them hold both threads of a 2-core machine for as long as they run, minutes under AddressSanitizer,
/// and every other suite's tasks wait. A wait that a deadline outside the pool bounds then fails: AsyncHTTPClient
/// writes a request's body from a pool task, and its deadline runs on NIO's event loop. With this trait, such a suite
/// runs on a Dispatch queue that adds threads when its work blocks, and the pool stays free for the others.
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

/// A task executor over a concurrent Dispatch queue: a queue made by `DispatchQueue(label:)` targets an overcommitting
/// global queue, which starts another thread when its threads block, unlike the pool's cooperative one.
final class DedicatedExecutor: TaskExecutor {
    static let shared = DedicatedExecutor()

    private let queue = DispatchQueue(label: "genauth.tests.off-the-pool", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
