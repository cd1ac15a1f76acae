#if Events
import Foundation
import GenAuthAuthentication
import GenAuthTestSupport
import Logging
import Testing

/// What a subscription does when its connection drops or cannot be opened: reconnect with backoff, with the user's
/// current token, or give up and say why.
@Suite struct ReconnectionTests {
    @Test func aDroppedConnectionIsReopenedWithTheUsersCurrentToken() async throws {
        let centre = try await EventCentre("drop")
        let client = Fixtures.authenticationClient(eventsHost: centre.url, token: "token-1")
        let waits = Recorder<TimeInterval>()
        let log = LogRecorder()
        var options = client.options
        options.logger = log.logger
        let loggingClient = AuthenticationClient(options: options)
        let subscription = loggingClient.subscribe(to: "authing.user.updated", reconnect: Fixtures.quick)
            .waiting(with: { waits.append($0) })

        let sequence = try await withHangGuard { () async throws(GenAuthError) -> [Int] in
            var sequence: [Int] = []
            for try await event in subscription {
                guard case .integer(let seq)? = event["seq"] else { continue }
                sequence.append(seq)
                // The token changes while connected: the next connection must carry the new one.
                if seq == 2 { loggingClient.setAccessToken("token-2") }
                if seq == 5 {
                    loggingClient.setAccessToken("token-3")
                    centre.send("cut 2")
                }
                if seq == 8 { break }
            }
            return sequence
        }
        #expect(sequence == Array(0...8), "connection 1 closed with a close frame, connection 2 was cut")
        let upgrades = try await centre.stop().filter { $0.event == "upgrade" }
        #expect(upgrades.map { $0["query"] } == ["token-1", "token-2", "token-3"].map {
            .object(["code": "authing.user.updated", "token": .string($0)])
        })
        // Each connection that opened reset the count: both reconnections waited the first delay.
        #expect(waits.values == [0.01, 0.01])
        let lines = log.lines
        #expect(lines.filter { $0.contains("reconnecting in 0.01 s (attempt 1 of 3)") }.count == 2, "\(lines)")
        #expect(lines.contains { $0.contains("close code 1001") }, "\(lines)")
        #expect(!lines.contains { $0.contains("token-") }, "no log line names a token")
    }

    @Test func withoutReconnectionADroppedConnectionEndsTheIteration() async throws {
        let centre = try await EventCentre("drop")
        let client = Fixtures.authenticationClient(eventsHost: centre.url)
        let events = Recorder<GenAuthEvent>()
        let error = try await withHangGuard { () async -> GenAuthError? in
            // In a closure, `do` infers `any Error` from `for try await`; `throws(GenAuthError)` keeps the type.
            do throws(GenAuthError) {
                for try await event in client.subscribe(to: "authing.user.updated", reconnect: .never) { events.append(event) }
                return nil
            } catch {
                return error
            }
        }
        #expect(events.values.map { $0["seq"] } == [.integer(0), .integer(1), .integer(2)])
        guard case .transport(let failure)? = error, failure.kind == .connectionLost else {
            Issue.record("expected connectionLost, got \(String(describing: error))")
            return
        }
        #expect(failure.message.contains("close code 1001"))
        #expect(error?.call == Fixtures.authenticationCall)
        #expect(try await centre.stop().filter { $0.event == "upgrade" }.count == 1)
    }

    @Test func aConnectionThatStopsAnsweringPingsIsTakenForLost() async throws {
        let centre = try await EventCentre("mute")
        let client = Fixtures.authenticationClient(eventsHost: centre.url)
        let policy = EventReconnectPolicy(maximumAttempts: 0, pingInterval: 0.2)
        let error = try await withHangGuard { await finalError(client.subscribe(to: "authing.user.updated", reconnect: policy)) }
        guard case .transport(let failure)? = error, failure.kind == .connectionLost else {
            Issue.record("expected connectionLost, got \(String(describing: error))")
            return
        }
        #expect(failure.message.contains("did not answer a ping"), "\(failure.message)")
        try await centre.waitForRecord("the socket closed") { $0.event == "closed" }
        #expect(try await centre.stop().filter { $0.event == "upgraded" }.count == 1)
    }

    @Test func aRefusedSubscriptionIsThrownOnceAndNeverRetried() async throws {
        let centre = try await EventCentre("refuse", "401")
        let token = "user-token-that-must-never-show-7f3a9c"
        let client = Fixtures.authenticationClient(eventsHost: centre.url, token: token)
        let subscription = client.subscribe(to: "authing.user.login", reconnect: Fixtures.quick)
        let (error, endedAfterwards) = try await withHangGuard { () async -> (GenAuthError?, Bool) in
            var iterator = subscription.makeAsyncIterator()
            do throws(GenAuthError) {
                let event = try await iterator.next()
                Issue.record("an event from a refused subscription: \(String(describing: event))")
                return (nil, false)
            } catch {
                // The same iterator has ended: no second attempt, whatever the policy allows.
                let failure = error
                do throws(GenAuthError) {
                    return (failure, try await iterator.next() == nil)
                } catch {
                    return (failure, false)
                }
            }
        }
        #expect(endedAfterwards)
        guard case .httpStatus(let failure)? = error else {
            Issue.record("expected httpStatus, got \(String(describing: error))")
            return
        }
        #expect(failure.statusCode == 401)
        #expect(failure.apiCode == 2010)
        #expect(failure.requestId == "req-1")
        #expect(failure.message == "credentials <redacted> are not valid", "the server quoted the token")
        #expect(error?.call == Fixtures.authenticationCall)
        for text in [error?.description ?? "", String(decoding: failure.body, as: UTF8.self), failure.bodyPreview] {
            #expect(!text.contains(token) && !text.contains("7f3a9c"), "\(text)")
        }
        #expect(try await centre.stop().filter { $0.event == "upgrade" }.count == 1)
    }

    @Test func aServerErrorOnUpgradeIsRetriedUntilThePolicyGivesUp() async throws {
        let centre = try await EventCentre("refuse", "503")
        let client = Fixtures.authenticationClient(eventsHost: centre.url)
        let error = try await withHangGuard { await finalError(client.subscribe(to: "authing.user.login", reconnect: Fixtures.quick)) }
        guard case .httpStatus(let failure)? = error else {
            Issue.record("expected httpStatus, got \(String(describing: error))")
            return
        }
        #expect(failure.statusCode == 503)
        #expect(failure.requestId == "req-4", "the last attempt's answer")
        #expect(try await centre.stop().filter { $0.event == "upgrade" }.count == 1 + Fixtures.quick.maximumAttempts)
    }

    @Test func theWaitsBetweenFailedDialsGrowUpToTheCapAndThenTheSubscriptionGivesUp() async throws {
        let refusing = try RefusingPort()
        let client = Fixtures.authenticationClient(eventsHost: "ws://127.0.0.1:\(refusing.port)")
        let policy = EventReconnectPolicy(initialDelay: 0.5, maximumDelay: 4, multiplier: 2, jitter: 0, maximumAttempts: 6)
        let waits = Recorder<TimeInterval>()
        let subscription = client.subscribe(to: "authing.user.created", reconnect: policy).waiting(with: { waits.append($0) })

        let error = try await withHangGuard { await finalError(subscription) }
        #expect(waits.values == [0.5, 1, 2, 4, 4, 4])
        guard case .transport(let failure)? = error, failure.kind == .cannotConnect else {
            Issue.record("expected cannotConnect, got \(String(describing: error))")
            return
        }
        #expect(failure.message.contains("gave up after 6 reconnection attempts"), "\(failure.message)")
        #expect(failure.message.contains("\(refusing.port)"))
        #expect(error?.call == Fixtures.authenticationCall)
    }

    @Test func theJitterMovesEachWaitWithinItsShareAndNeverBeyondTheCap() {
        let policy = EventReconnectPolicy(initialDelay: 1, maximumDelay: 30, multiplier: 2, jitter: 0.2, maximumAttempts: 10)
        func delays(_ unit: Double, _ attempts: ClosedRange<Int>) -> [Double] {
            // Rounded to the microsecond: 1 × (1 − 0.2) is not the Double nearest 0.8.
            attempts.map { (policy.delay(beforeAttempt: $0, randomUnit: unit) * 1e6).rounded() / 1e6 }
        }
        #expect(delays(0.5, 1...7) == [1, 2, 4, 8, 16, 30, 30])
        #expect(delays(0, 1...6) == [0.8, 1.6, 3.2, 6.4, 12.8, 24])
        #expect(delays(1, 1...6) == [1.2, 2.4, 4.8, 9.6, 19.2, 30])
        for attempt in 1...12 {
            let base = min(pow(2, Double(attempt - 1)), 30)
            for _ in 0..<50 {
                let delay = policy.delay(beforeAttempt: attempt, randomUnit: Double.random(in: 0...1))
                #expect(delay >= base * 0.8 - 1e-9 && delay <= min(base * 1.2, 30) + 1e-9, "attempt \(attempt): \(delay)")
            }
        }
        #expect(policy.delay(beforeAttempt: Int.max, randomUnit: 1) == 30, "no overflow, however many attempts")
        let flat = EventReconnectPolicy(initialDelay: 0, maximumDelay: 0, multiplier: 1, jitter: 0.2)
        #expect(flat.delay(beforeAttempt: Int.max, randomUnit: 1) == 0, "no NaN from 0 × ∞")
    }

    @Test func thePolicysDefaultsAndBoundsAreTheDocumentedOnes() {
        let policy = EventReconnectPolicy.default
        #expect(policy.initialDelay == 1 && policy.maximumDelay == 30 && policy.multiplier == 2)
        #expect(policy.jitter == 0.2 && policy.maximumAttempts == 10 && policy.pingInterval == 30)
        #expect(EventReconnectPolicy.never.maximumAttempts == 0)
        let odd = EventReconnectPolicy(
            initialDelay: -1, maximumDelay: .nan, multiplier: 0.5, jitter: 7, maximumAttempts: -3, pingInterval: 0)
        #expect(odd.initialDelay == 0 && odd.maximumDelay == 0 && odd.multiplier == 1)
        #expect(odd.jitter == 1 && odd.maximumAttempts == 0 && odd.pingInterval == nil)
    }

    @Test func aWaitBeforeReconnectingEndsWhenTheTaskIsCancelled() async throws {
        let refusing = try RefusingPort()
        let client = Fixtures.authenticationClient(eventsHost: "ws://127.0.0.1:\(refusing.port)")
        // An hour's wait: only the cancellation can end it within the test.
        let policy = EventReconnectPolicy(initialDelay: 3_600, maximumAttempts: 1)
        let task = Task { await finalError(client.subscribe(to: "authing.user.created", reconnect: policy)) }
        try await Task.sleep(nanoseconds: 200_000_000)  // lets the first dial fail and the wait begin; not required
        task.cancel()
        let error = try await withHangGuard { await task.value }
        guard case .transport(let failure)? = error, failure.kind == .cancelled else {
            Issue.record("expected cancelled, got \(String(describing: error))")
            return
        }
    }
}

/// Log lines at every level, as a `LogHandler` receives them.
final class LogRecorder: Sendable {
    private let recorded = Recorder<String>()

    var lines: [String] { recorded.values }

    var logger: Logger {
        let recorded = self.recorded
        return Logger(label: "genauth.tests") { _ in Handler(recorded: recorded) }
    }

    private struct Handler: LogHandler {
        let recorded: Recorder<String>
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            recorded.append("\(event.level): \(event.message)")
        }
    }
}
#endif
