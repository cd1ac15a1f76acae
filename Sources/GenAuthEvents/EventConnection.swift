#if Events
import Foundation
import GenAuthCore
internal import NIOCore
internal import NIOWebSocket
internal import WebSocketKit

/// One open WebSocket connection of a subscription: its messages, in the order they arrived, then how it ended.
///
/// websocket-kit calls back on the channel's event loop; each callback only appends to ``inbound``, so the order of
/// the frames is kept and the event loop never waits for the app. The buffer has no bound (a socket cannot be paused
/// through websocket-kit): an app that stops reading keeps what arrives in memory until it reads again or ends the
/// subscription.
final class EventConnection: Sendable {
    enum Inbound: Sendable {
        /// A text message (or a binary one, read as UTF-8).
        case text(String)
        /// The connection ended: with the close code of the close handshake, or nil when the connection was lost
        /// without one.
        case closed(closeCode: Int?)
    }

    /// How long a close waits for the server's half of the close handshake before it closes the socket.
    static let closeTimeout = TimeAmount.seconds(5)

    let inbound: AsyncStream<Inbound>
    private let socket: WebSocket
    private let channel: any Channel

    /// Takes over `socket` as the upgrade hands it over, on the channel's event loop (where websocket-kit's callbacks
    /// must be set).
    init(socket: WebSocket, channel: any Channel, pingInterval: TimeInterval?) {
        let (inbound, continuation) = AsyncStream.makeStream(of: Inbound.self)
        self.inbound = inbound
        self.socket = socket
        self.channel = channel
        // Typed as synchronous on purpose: websocket-kit's `async` overloads start a task per message, which would
        // not keep their order.
        let onText: @Sendable (WebSocket, String) -> Void = { _, text in continuation.yield(.text(text)) }
        let onBinary: @Sendable (WebSocket, ByteBuffer) -> Void = { _, buffer in
            continuation.yield(.text(String(buffer: buffer)))
        }
        socket.onText(onText)
        socket.onBinary(onBinary)
        socket.onClose.whenComplete { _ in
            // websocket-kit records the close code of a close handshake; a connection lost without one has none.
            continuation.yield(.closed(closeCode: socket.closeCode.map { Int(UInt16(webSocketErrorCode: $0)) }))
            continuation.finish()
        }
        // The reading task was cancelled: the socket goes at once, not when the subscription is released.
        continuation.onTermination = { termination in
            if case .cancelled = termination { Self.close(socket, channel: channel) }
        }
        if let pingInterval {
            socket.pingInterval = .nanoseconds(Int64(pingInterval * 1_000_000_000))
        }
    }

    /// Starts the close handshake (code 1000); the socket is closed when the server answers, or after
    /// ``closeTimeout`` if it does not. Closing twice does nothing more.
    func close() {
        Self.close(socket, channel: channel)
    }

    private static func close(_ socket: WebSocket, channel: any Channel) {
        guard channel.isActive else { return }
        socket.close(code: .normalClosure, promise: nil)
        let forced = channel.eventLoop.scheduleTask(in: closeTimeout) { channel.close(promise: nil) }
        channel.closeFuture.whenComplete { _ in forced.cancel() }
    }
}
#endif
