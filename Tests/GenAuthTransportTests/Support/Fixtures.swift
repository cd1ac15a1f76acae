import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenAuthAuthentication
import GenAuthManagement
import GenAuthTestSupport
import Testing

enum Fixtures {
    static let appId = "6389c43d0d5b1c3e1f1b2a3c"
    static let appSecret = "app-secret-9f8e7d6c5b4a39281706"
    static let accessToken = "eyJhbGciOiJSUzI1NiJ9.user-access-token-0123456789"
    static let accessKeyId = "62d0fae6a5c9e2bd0e23f7b4"
    static let accessKeySecret = "ak-secret-0f1e2d3c4b5a69788796a5b4"
    static let managementToken = "eyJhbGciOiJSUzI1NiJ9.management-token-9876543210"
    /// Every secret a test's client holds: none may appear in an error.
    static let secrets = [appSecret, accessToken, accessKeySecret, managementToken]

    /// The timeout of a call that should succeed, or fail otherwise than by timing out: a guard against a hang, never
    /// a measurement, long enough for two busy cores (the generator's suites run off the concurrency pool, see
    /// `OffThePool`, but they still take the CPU).
    static let generousTimeout: TimeInterval = 120

    /// An authentication client of `host` over `transport`, with the user's token set.
    static func authenticationClient(
        _ host: String, _ transport: any HTTPTransport, timeout: TimeInterval = generousTimeout
    ) -> AuthenticationClient {
        let client = AuthenticationClient(options: AuthenticationClientOptions(
            appId: appId, appSecret: appSecret, appHost: host, timeout: timeout, transport: transport))
        client.setAccessToken(accessToken)
        return client
    }

    /// A management client of `host` over `transport`; the host must answer ``tokenPath`` (``tokenAnswer``).
    static func managementClient(_ host: String, _ transport: any HTTPTransport) -> ManagementClient {
        ManagementClient(options: ManagementClientOptions(
            accessKeyId: accessKeyId, accessKeySecret: accessKeySecret, host: host, timeout: generousTimeout,
            transport: transport))
    }

    static let tokenPath = "/api/v3/get-management-token"
    /// Made for each use, not kept in a global: LeakSanitizer cannot follow the pointer a global enum keeps in its
    /// payload's spare bits, and reported the reply's body as leaked.
    static var tokenAnswer: LoopbackServer.Reply {
        .json(200, #"{"statusCode":200,"message":"ok","data":{"access_token":"\#(managementToken)","expires_in":7200}}"#)
    }

    /// The error of `sendSms` on `client`, or nil when it succeeded.
    static func sendSmsError(_ client: AuthenticationClient) async -> GenAuthError? {
        do {
            _ = try await client.sendSms(SendSMSDto(phoneNumber: "188xxxx8888", channel: .channelLogin))
            return nil
        } catch {
            return error
        }
    }

    /// The transport failure in `error`, recorded as an issue when it is another error.
    static func transportFailure(
        _ error: GenAuthError?, sourceLocation: SourceLocation = #_sourceLocation
    ) -> TransportFailure? {
        guard case .transport(let failure)? = error else {
            Issue.record("expected a transport failure, got \(String(describing: error))", sourceLocation: sourceLocation)
            return nil
        }
        return failure
    }

    /// The kind of failure a transport's error reports, as the client reads it: the kind of an `HTTPTransportError`,
    /// or of a `URLError`'s code.
    static func kind(of error: any Error) -> TransportFailure.Kind? {
        if let error = error as? HTTPTransportError { return error.kind }
        switch (error as? URLError)?.code {
        case .timedOut?: return .timedOut
        case .cancelled?: return .cancelled
        default: return nil
        }
    }

    static func expectNoSecrets(_ error: (any Error)?, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error else { return }
        let text = "\(error) \(String(reflecting: error)) \(error.localizedDescription)"
        for secret in secrets {
            #expect(!text.contains(secret), "an error quotes a secret: \(text)", sourceLocation: sourceLocation)
        }
    }

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// Waits until `ready` holds, for at most about `seconds`; whether it holds. A guard against a hang, never a
/// measurement: it counts short sleeps rather than reading the clock, so that a test starved of threads by others
/// (two cores, compiler runs beside) is not failed for it.
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

/// Runs `operation`, cancelling it and failing after about `seconds`: a guard against a test that would hang (the limit
/// is far beyond what the operation needs), never a measurement; like `poll`, it counts sleeps.
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
