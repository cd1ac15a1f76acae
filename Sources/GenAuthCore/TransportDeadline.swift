import Foundation

/// The request's `timeout` as a deadline for a whole exchange, head and body, whatever the transport's own timeouts
/// count: URLSession's is an idle timeout (and on Linux whole seconds of the session's configuration), and
/// AsyncHTTPClient's deadline ends once the response's head has arrived, so a server could stall in the middle of a
/// body for ever.
package enum TransportDeadline {
    /// Runs `operation`, cancelled (and awaited) and reported as ``HTTPTransportError`` of kind
    /// ``TransportFailure/Kind/timedOut`` once `seconds` have passed (see ``RequestExecutor/clampedTimeout(_:)``).
    package static func run<T: Sendable>(
        seconds: TimeInterval, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let seconds = RequestExecutor.clampedTimeout(seconds)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw HTTPTransportError(kind: .timedOut, message: "no response within the request's timeout")
            }
            return value
        }
    }
}
