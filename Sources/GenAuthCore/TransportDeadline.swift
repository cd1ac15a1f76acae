import Foundation

/// The request's `timeout` as a deadline for a whole exchange, head and body, whatever the transport's own timeouts
/// count: URLSession's is an idle timeout (and on Linux whole seconds of the session's configuration), and
/// AsyncHTTPClient's deadline ends once the response's head has arrived, so a server could stall in the middle of a
/// body for ever. The client bounds each call's requests with it too.
package enum TransportDeadline {
    /// Runs `operation`, cancelled (and awaited) and reported as ``HTTPTransportError`` of kind
    /// ``TransportFailure/Kind/timedOut`` once `seconds` have passed (see ``RequestExecutor/clampedTimeout(_:)``).
    ///
    /// When the deadline's task runs first, `operation` is cancelled and awaited, and an answer it has nevertheless (it
    /// arrived in time, but its task had not run yet: on two busy cores both tasks can wait for a thread together)
    /// is returned rather than lost, and so is an error of its own (not a cancellation); a cancellation is reported as
    /// the timeout.
    package static func run<T: Sendable>(
        seconds: TimeInterval, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let seconds = RequestExecutor.clampedTimeout(seconds)
        return try await withThrowingTaskGroup(of: Outcome<T>.self) { group in
            group.addTask { .answer(try await operation()) }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                return .deadline
            }
            defer { group.cancelAll() }
            if case .answer(let value)? = try await group.next() { return value }
            group.cancelAll()
            do {
                if case .answer(let value)? = try await group.next() { return value }
            } catch {
                // It failed on its own (a refused connection, say), not because it was cancelled.
                if !isCancellation(error) { throw error }
            }
            throw HTTPTransportError(kind: .timedOut, message: "no response within the request's timeout")
        }
    }

    /// Whether `error` is how a transport ends when its task is cancelled.
    private static func isCancellation(_ error: any Error) -> Bool {
        if error is CancellationError { return true }
        if let error = error as? HTTPTransportError { return error.kind == .cancelled || error.kind == .timedOut }
        if let error = error as? URLError { return error.code == .cancelled || error.code == .timedOut }
        return false
    }

    private enum Outcome<T: Sendable>: Sendable {
        case answer(T)
        case deadline
    }
}
