#if Events
import Foundation
import GenAuthAuthentication
import GenAuthManagement
import Testing

enum Fixtures {
    static let accessKeyId = "62d0fae6a5c9e2bd0e23f7b4"
    static let accessKeySecret = "ak-secret-0f1e2d3c4b5a69788796a5b4"
    /// A token with the characters a query must encode (`+`, `/`, `=`), as a user's access token may have.
    static let userToken = "eyJhbGciOiJIUzI1NiJ9.user+token/42=="

    /// Waits of 10 ms doubling to 40 ms, no jitter, 3 attempts in a row: reconnections that take no time in a test.
    static let quick = EventReconnectPolicy(initialDelay: 0.01, maximumDelay: 0.04, multiplier: 2, jitter: 0, maximumAttempts: 3)

    static func authenticationClient(
        eventsHost: String, token: String? = userToken, timeout: TimeInterval = 10
    ) -> AuthenticationClient {
        AuthenticationClient(options: AuthenticationClientOptions(
            appId: "62d0fae6a5c9e2bd0e23f7b0", appHost: "http://127.0.0.1:1", accessToken: token,
            eventsHost: eventsHost, timeout: timeout))
    }

    static func managementClient(eventsHost: String, accessKeySecret: String = accessKeySecret) -> ManagementClient {
        ManagementClient(options: ManagementClientOptions(
            accessKeyId: accessKeyId, accessKeySecret: accessKeySecret, host: "http://127.0.0.1:1", eventsHost: eventsHost))
    }

    static let authenticationCall = GenAuthCall(operation: "subscribe", method: "GET", path: "/events/v1/authentication/sub")
    static let managementCall = GenAuthCall(operation: "subscribe", method: "GET", path: "/events/v1/management/sub")
}

/// The first `count` events of an iteration of `subscription`; the loop then ends (which closes its connection).
func firstEvents(_ subscription: EventSubscription, count: Int) async throws(GenAuthError) -> [GenAuthEvent] {
    var events: [GenAuthEvent] = []
    guard count > 0 else { return events }
    for try await event in subscription {
        events.append(event)
        if events.count == count { break }
    }
    return events
}

/// The error an iteration of `subscription` ends with, whatever events came before; nil if it ends without one.
func finalError(_ subscription: EventSubscription) async -> GenAuthError? {
    do {
        for try await _ in subscription {}
        return nil
    } catch {
        return error
    }
}

/// Calls `ready` every 20 ms until it is true, for up to `seconds` of the test's own time; returns its last answer.
///
/// The polls are counted rather than the clock read: when the whole suite runs on two cores, tests that block their
/// threads (the compiler runs of the snippet tests) can keep this one from running for many seconds, and that must
/// not fail it.
func poll(seconds: TimeInterval, until ready: () -> Bool) async throws -> Bool {
    for _ in 0..<Int(seconds / 0.02) {
        if ready() { return true }
        try await Task.sleep(nanoseconds: 20_000_000)
    }
    return ready()
}

struct HangGuardExpired: Error, CustomStringConvertible {
    var description: String
}

/// Runs `operation`, cancelling it and failing after `seconds`: a guard against a test that would hang, never a
/// measurement (the limit is far beyond what the operation needs). Like `poll`, it counts short sleeps rather than
/// reading the clock, so that a test starved of threads by others is not failed for it.
func withHangGuard<T: Sendable>(
    _ seconds: TimeInterval = 60, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            for _ in 0..<Int(seconds * 10) { try await Task.sleep(nanoseconds: 100_000_000) }
            return nil
        }
        defer { group.cancelAll() }
        guard let result = try await group.next(), let value = result else {
            throw HangGuardExpired(description: "still running after \(seconds) s")
        }
        return value
    }
}

/// Values recorded from any task.
final class Recorder<Value: Sendable>: Sendable {
    private let state = Locked<[Value]>([])
    func append(_ value: Value) { state.withLock { $0.append(value) } }
    var values: [Value] { state.withLock { $0 } }
}

/// A lock around a value, for the tests (the SDK's platforms predate `Synchronization.Mutex`).
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try lock.withLock { try body(&value) }
    }
}

extension GenAuthEvent {
    /// A field of the payload object.
    subscript(_ name: String) -> JSONValue? {
        guard case .object(let object) = payload else { return nil }
        return object[name]
    }
}
#endif
