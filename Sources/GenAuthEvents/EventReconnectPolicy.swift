#if Events
import Foundation
import GenAuthCore

/// When an ``EventSubscription`` reopens a connection that dropped, or that could not be opened.
///
/// After a failure (the connection closed, or the server could not be reached) the subscription waits, then dials
/// again. The wait before the *n*-th attempt in a row is ``initialDelay`` × ``multiplier``^(n−1), at most
/// ``maximumDelay``, moved up or down at random by up to ``jitter`` of itself (so that many clients dropped at
/// once do not all come back at once) and never beyond ``maximumDelay``. After ``maximumAttempts`` failed attempts
/// in a row the subscription gives up and throws; a connection that opens resets the count.
///
/// ```swift
/// let patient = EventReconnectPolicy(initialDelay: 2, maximumDelay: 60, maximumAttempts: 100)
/// print(patient.maximumAttempts, EventReconnectPolicy.default.maximumDelay, EventReconnectPolicy.never.maximumAttempts)
/// ```
///
/// A refused subscription (the server answers the upgrade with an HTTP status such as 401 or 403: an expired
/// token, a wrong signature) is never retried, whatever the policy: retrying would be refused the same way.
public struct EventReconnectPolicy: Sendable, Hashable {
    /// The wait before the first attempt after a failure, in seconds.
    public var initialDelay: TimeInterval
    /// The longest wait between two attempts, in seconds.
    public var maximumDelay: TimeInterval
    /// How much longer each wait is than the one before: 2 doubles it.
    public var multiplier: Double
    /// How far each wait may move at random, as a fraction of it: 0.2 is ±20 %.
    public var jitter: Double
    /// How many attempts in a row may fail before the subscription throws; 0 never reconnects.
    public var maximumAttempts: Int
    /// How often the subscription pings the server, in seconds; a connection that has not answered one ping when the
    /// next is due is considered lost (and reopened). `nil` sends no ping: a connection that dies without a word
    /// (a network that drops, a sleeping laptop) then goes unnoticed until the system's TCP timeouts.
    public var pingInterval: TimeInterval?

    /// Creates a policy. Values out of range are brought into it: negative delays count as 0, a maximum delay below
    /// the initial one as the initial one, a multiplier below 1 as 1, a jitter outside 0…1 as the nearest bound,
    /// negative attempts as 0, a ping interval that is not positive as none.
    ///
    /// - Parameters:
    ///   - initialDelay: The wait before the first attempt after a failure, in seconds; 1 by default.
    ///   - maximumDelay: The longest wait, in seconds; 30 by default.
    ///   - multiplier: The growth of the wait from one attempt to the next; 2 by default.
    ///   - jitter: The random share of each wait; 0.2 (±20 %) by default.
    ///   - maximumAttempts: Failed attempts in a row before giving up; 10 by default.
    ///   - pingInterval: Seconds between pings that check the connection; 30 by default.
    public init(
        initialDelay: TimeInterval = 1,
        maximumDelay: TimeInterval = 30,
        multiplier: Double = 2,
        jitter: Double = 0.2,
        maximumAttempts: Int = 10,
        pingInterval: TimeInterval? = 30
    ) {
        self.initialDelay = Self.seconds(initialDelay)
        self.maximumDelay = max(Self.seconds(maximumDelay), self.initialDelay)
        self.multiplier = multiplier.isNaN ? 1 : min(max(multiplier, 1), 1_000)
        self.jitter = jitter.isNaN ? 0 : min(max(jitter, 0), 1)
        self.maximumAttempts = max(maximumAttempts, 0)
        self.pingInterval = pingInterval.map(Self.seconds).flatMap { $0 > 0 ? $0 : nil }
    }

    /// 1 s, doubling up to 30 s, ±20 %, 10 attempts in a row; a ping every 30 s.
    public static let `default` = EventReconnectPolicy()

    /// Never reconnects: the first dropped connection or failed dial ends the subscription with its error.
    public static let never = EventReconnectPolicy(maximumAttempts: 0)

    /// The wait before the `attempt`-th attempt in a row (from 1), in seconds.
    ///
    /// - Parameter randomUnit: A number in 0…1 that places the wait within its jitter: 0 is the shortest, 0.5 the
    ///   middle, 1 the longest.
    package func delay(beforeAttempt attempt: Int, randomUnit: Double) -> TimeInterval {
        // A power that overflows is infinite, and the cap takes it back; a zero delay stays zero (not 0 × ∞).
        let grown = initialDelay == 0 ? 0 : initialDelay * pow(multiplier, Double(max(attempt, 1) - 1))
        let base = min(grown, maximumDelay)
        let unit = randomUnit.isNaN ? 0.5 : min(max(randomUnit, 0), 1)
        let jittered = base * (1 + jitter * (2 * unit - 1))
        return min(max(jittered, 0), maximumDelay)
    }

    /// Seconds as a wait can use them: NaN and negative values as 0, anything beyond a day as a day, so that no value
    /// traps when it becomes a `Duration`.
    private static func seconds(_ value: TimeInterval) -> TimeInterval {
        value.isNaN ? 0 : min(max(value, 0), 86_400)
    }
}
#endif
