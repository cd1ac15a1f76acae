import Foundation

/// Starts child processes one at a time across the whole test run.
///
/// swift-corelibs-foundation's `Process.run()` is not safe to call from two threads at once on Linux: each call
/// walks the parent's open file descriptors while the other may be creating some, and the run crashed in
/// `memmove` inside `Process.run()` about once in ten runs of the management tests. Only the start is
/// serialised; the processes themselves run side by side.
public enum Processes {
    private static let lock = NSLock()

    public static func launch(_ process: Process) throws {
        try lock.withLock { try process.run() }
    }
}
