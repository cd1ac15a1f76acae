import Foundation

/// With `GENAUTH_TIMINGS=1` in the environment, each phase of a run prints its wall time to standard
/// error (`genauth-codegen: timing: render 0.412 s`): where a benchmark's time goes, without a profiler.
public enum Timings {
    private static let enabled = ProcessInfo.processInfo.environment["GENAUTH_TIMINGS"] == "1"
    private static let lock = NSLock()
    // Safe: read and written under `lock` only.
    nonisolated(unsafe) private static var last = DispatchTime.now()

    /// Starts timing the next phase.
    public static func start() {
        guard enabled else { return }
        lock.withLock { last = .now() }
    }

    /// Ends a phase: prints its name and the time since the previous mark.
    public static func mark(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let seconds = lock.withLock {
            defer { last = now }
            return Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
        }
        FileHandle.standardError.write(Data("genauth-codegen: timing: \(phase) \(String(format: "%.3f", seconds)) s\n".utf8))
    }
}
