#if Events
import Foundation
import GenAuthCore
import Logging

/// The events of one event code, as they arrive from GenAuth's event centre over a WebSocket that the subscription
/// keeps open: an `AsyncSequence` of ``GenAuthEvent`` that throws ``/GenAuthCore/GenAuthError``.
///
/// ```swift
/// import GenAuthManagement
///
/// let client = ManagementClient(options: ManagementClientOptions(
///     accessKeyId: "GENAUTH_ACCESS_KEY_ID",
///     accessKeySecret: "GENAUTH_ACCESS_KEY_SECRET"
/// ))
/// for try await event in client.subscribe(to: "authing.user.created") {
///     print(event.eventCode, event.payload)
/// }
/// ```
///
/// Nothing is sent until the first event is asked for: each iteration (each `for try await` loop) opens its own
/// connection, and delivers the messages of that connection in the order they arrive. Ending the loop (`break`,
/// `return`, a thrown error) or cancelling its task closes the connection; no task of the SDK outlives it.
///
/// A connection that drops, or a dial that fails, is reopened as the ``reconnectPolicy`` says (1 s doubling to 30 s,
/// ±20 %, 10 attempts in a row by default), each time with fresh credentials (the user's current access token, for
/// `AuthenticationClient`). Events published while no connection is open are not delivered
/// later. The iteration throws, and then ends:
///
/// - ``/GenAuthCore/GenAuthError/httpStatus(_:)`` when the event centre refuses the subscription (401 or 403: an
///   expired token, a wrong signature; any 4xx other than 408 and 429), at once and without retrying;
/// - ``/GenAuthCore/GenAuthError/transport(_:)`` when the policy's attempts are used up: of kind
///   ``/GenAuthCore/TransportFailure/Kind/cannotConnect`` (or `timedOut`) when the last dial failed,
///   ``/GenAuthCore/TransportFailure/Kind/connectionLost`` when a connection dropped and the policy allows no
///   attempt; or ``/GenAuthCore/GenAuthError/httpStatus(_:)`` when the last dial was refused with a 5xx, 408 or 429;
/// - ``/GenAuthCore/GenAuthError/transport(_:)`` of kind ``/GenAuthCore/TransportFailure/Kind/cancelled`` when its
///   task is cancelled;
/// - ``/GenAuthCore/GenAuthError/invalidRequest(_:)`` when no connection can be asked for (no access token, an
///   `eventsHost` that is not a `ws://` or `wss://` URL).
///
/// Every error names the subscription's call (`subscribe (GET /events/v1/…/sub)`), and none contains the access
/// token or the signature.
public struct EventSubscription: AsyncSequence, Sendable {
    /// An event as received.
    public typealias Element = GenAuthEvent
    /// What an iteration throws.
    public typealias Failure = GenAuthError

    /// The event code subscribed to, such as `authing.user.created`.
    public let eventCode: String
    /// When a dropped connection is reopened.
    public let reconnectPolicy: EventReconnectPolicy

    /// The subscription, as its errors name it.
    let call: GenAuthCall
    /// Where to connect, and with which credentials: asked again before every dial.
    let endpoint: @Sendable () throws(GenAuthError) -> EventEndpoint
    var settings: DialSettings
    let logger: Logger
    /// Waits between attempts; the tests record the waits instead.
    var sleep: @Sendable (TimeInterval) async throws -> Void = { seconds in
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
    /// Places each wait within its jitter (0…1).
    var randomUnit: @Sendable () -> Double = { Double.random(in: 0...1) }

    /// A subscription for a client.
    ///
    /// - Parameters:
    ///   - timeout: Seconds one dial (TCP, TLS and the upgrade) may take: the client's request timeout.
    ///   - endpoint: Where to connect, with the credentials of the moment; called before every dial, its error thrown
    ///     as it is (not retried).
    package init(
        eventCode: String, call: GenAuthCall, reconnect: EventReconnectPolicy, timeout: TimeInterval, logger: Logger,
        endpoint: @escaping @Sendable () throws(GenAuthError) -> EventEndpoint
    ) {
        self.eventCode = eventCode
        self.reconnectPolicy = reconnect
        self.call = call
        self.endpoint = endpoint
        self.settings = DialSettings(
            timeout: RequestExecutor.clampedTimeout(timeout), pingInterval: reconnect.pingInterval,
            trustedCertificatesPEM: nil)
        self.logger = logger
    }

    /// This subscription, waiting between attempts with `sleep` (given seconds) and placing each wait within its
    /// jitter with `randomUnit`.
    package func waiting(
        with sleep: @escaping @Sendable (TimeInterval) async throws -> Void,
        randomUnit: @escaping @Sendable () -> Double = { 0.5 }
    ) -> EventSubscription {
        var copy = self
        copy.sleep = sleep
        copy.randomUnit = randomUnit
        return copy
    }

    /// This subscription, trusting the PEM certificates `pem` instead of the system's roots for `wss://`.
    package func trusting(certificatesPEM pem: [UInt8]) -> EventSubscription {
        var copy = self
        copy.settings.trustedCertificatesPEM = pem
        return copy
    }

    /// Starts an iteration: its connection opens when the first event is asked for.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(session: SubscriptionSession(self))
    }

    /// Delivers the events of one iteration, reconnecting as the policy says. Releasing it closes its connection.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private let session: SubscriptionSession

        init(session: SubscriptionSession) {
            self.session = session
        }

        /// The next event, waiting for it as long as it takes; nil once the iteration has thrown.
        public mutating func next() async throws(GenAuthError) -> GenAuthEvent? {
            try await session.next()
        }
    }
}
#endif
