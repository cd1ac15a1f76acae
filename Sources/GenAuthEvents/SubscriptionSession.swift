#if Events
import Foundation
import GenAuthCore
import Logging

/// The state of one iteration of an ``EventSubscription``: its open connection, and how many attempts in a row have
/// failed since the last one opened.
///
/// Everything happens inside `next()`, in the iterating task: the dial, the wait before a reconnection, the wait for
/// a message. No task of its own runs beside it, so cancelling the iterating task stops all of it, and a connection
/// is only reopened when the app asks for the next event. Only one `next()` runs at a time (an iterator is not shared
/// between tasks), so the state needs no lock.
final class SubscriptionSession {
    private let subscription: EventSubscription
    private var connection: EventConnection?
    private var messages: AsyncStream<EventConnection.Inbound>.Iterator?
    /// Attempts that failed in a row since a connection last opened.
    private var failedAttempts = 0
    /// Why there is no connection, when one was lost or could not be opened: a reconnection waits first.
    private var lastFailure: GenAuthError?
    private var finished = false

    init(_ subscription: EventSubscription) {
        self.subscription = subscription
    }

    deinit {
        // The loop ended (`break`, `return`, an error) or the iterator was dropped: the connection goes with it.
        connection?.close()
    }

    func next() async throws(GenAuthError) -> GenAuthEvent? {
        guard !finished else { return nil }
        do {
            while true {
                try checkCancellation()
                if messages == nil { try await connect() }
                guard var iterator = messages else { continue }
                let inbound = await iterator.next()
                messages = iterator
                switch inbound {
                case .text(let text):
                    // A cancelled task gets no more of what the connection had buffered.
                    try checkCancellation()
                    return GenAuthEvent(eventCode: subscription.eventCode, text: text, call: subscription.call)
                case .closed(let closeCode):
                    connectionEnded(Self.reason(closedWith: closeCode))
                case nil:
                    // The stream ends without `.closed` only when the iterating task is cancelled (and then the
                    // stream has closed the socket): `checkCancellation` throws.
                    connectionEnded("the connection to the event centre was lost")
                }
            }
        } catch {
            finished = true
            connection?.close()
            connection = nil
            messages = nil
            throw error.thrown(by: subscription.call)
        }
    }

    private func connectionEnded(_ message: String) {
        connection?.close()  // closed already, as a rule: then this does nothing
        connection = nil
        messages = nil
        lastFailure = .transport(TransportFailure(kind: .connectionLost, message: message))
    }

    /// Opens a connection, waiting before each attempt that follows a failure, until one opens or the policy's
    /// attempts are used up.
    private func connect() async throws(GenAuthError) {
        let policy = subscription.reconnectPolicy
        while true {
            if let failure = lastFailure {
                failedAttempts += 1
                guard failedAttempts <= policy.maximumAttempts else { throw givenUp(failure) }
                let delay = policy.delay(beforeAttempt: failedAttempts, randomUnit: subscription.randomUnit())
                subscription.logger.info(
                    "\(subscription.call): \(Self.reason(failure)); reconnecting in \(Self.seconds(delay)) (attempt \(failedAttempts) of \(policy.maximumAttempts))")
                do {
                    try await subscription.sleep(delay)
                } catch {
                    throw Self.cancelled
                }
            }
            try checkCancellation()
            // Asked again before every dial: the user's token may have been renewed since the last one.
            let endpoint = try subscription.endpoint()
            do {
                let connection = try await WebSocketDialer.dial(endpoint, settings: subscription.settings)
                self.connection = connection
                messages = connection.inbound.makeAsyncIterator()
                failedAttempts = 0
                lastFailure = nil
                subscription.logger.debug("\(subscription.call): connected to the event centre")
                return
            } catch {
                let redactor = endpoint.redactor
                switch error {
                case .cancelled:
                    throw Self.cancelled
                case .refused(let statusCode, let body):
                    let response = HTTPResponse(statusCode: statusCode, body: body)
                    let failure = GenAuthError.httpStatus(
                        RequestExecutor.statusFailure(response, envelope: Envelope.read(body), redactor: redactor))
                    // The event centre said no (a bad token, a bad signature, no such path): asking again changes
                    // nothing. A 5xx, 408 or 429 may pass.
                    guard Self.isWorthRetrying(statusCode) else { throw failure }
                    lastFailure = failure
                case .failed(let kind, let message):
                    lastFailure = .transport(TransportFailure(kind: kind, message: redactor.redact(message)))
                }
            }
        }
    }

    static func isWorthRetrying(_ statusCode: Int) -> Bool {
        !(400..<500).contains(statusCode) || statusCode == 408 || statusCode == 429
    }

    /// The last failure, as the iteration throws it once the policy allows no more attempts.
    private func givenUp(_ failure: GenAuthError) -> GenAuthError {
        let attempts = subscription.reconnectPolicy.maximumAttempts
        guard case .transport(var transport) = failure, attempts > 0 else { return failure }
        transport.message += " (gave up after \(attempts) reconnection attempt\(attempts == 1 ? "" : "s"))"
        return .transport(transport)
    }

    private func checkCancellation() throws(GenAuthError) {
        if Task.isCancelled { throw Self.cancelled }
    }

    private static let cancelled = GenAuthError.transport(
        TransportFailure(kind: .cancelled, message: "the calling task was cancelled"))

    /// Why a connection ended, from the close code websocket-kit recorded.
    static func reason(closedWith closeCode: Int?) -> String {
        switch closeCode {
        case nil:
            return "the connection to the event centre was lost"
        case 1006:
            // 1006 never travels on the wire (RFC 6455 §7.4.1): websocket-kit records it when a ping went unanswered.
            return "the event centre did not answer a ping in time"
        case let code?:
            return "the event centre closed the connection (close code \(code))"
        }
    }

    /// A failure, for a log line: its description without the call, which the line names already.
    private static func reason(_ failure: GenAuthError) -> String {
        switch failure {
        case .transport(let transport): return transport.message
        case .httpStatus(let status): return "the event centre answered HTTP \(status.statusCode)"
        default: return failure.description
        }
    }

    private static func seconds(_ value: TimeInterval) -> String {
        String(format: "%.2f s", value)
    }
}
#endif
