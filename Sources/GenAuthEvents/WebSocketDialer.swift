#if Events
import Foundation
import GenAuthCore
internal import NIOConcurrencyHelpers
internal import NIOCore
internal import NIOHTTP1
internal import NIOPosix
internal import NIOSSL
internal import NIOWebSocket
internal import WebSocketKit

/// Why a dial gave no connection.
enum DialFailure: Error {
    /// The server answered the upgrade request with an HTTP status other than 101, and this body.
    case refused(statusCode: Int, body: Data)
    /// The connection could not be opened, closed, or timed out before the upgrade completed.
    case failed(TransportFailure.Kind, String)
    /// The calling task was cancelled.
    case cancelled
}

/// How a dial is made: its time limit, its keep-alive, and the certificates it trusts.
struct DialSettings: Sendable {
    /// Seconds for the whole dial: TCP, TLS and the upgrade.
    var timeout: TimeInterval
    /// Seconds between keep-alive pings of an open connection; nil for none.
    var pingInterval: TimeInterval?
    /// PEM certificates trusted instead of the system's roots (the tests' own certificate authority); nil for the
    /// system's.
    var trustedCertificatesPEM: [UInt8]?
}

/// Opens one WebSocket connection to the event centre.
///
/// The bootstrap is the SDK's own rather than websocket-kit's `WebSocketClient.connect`, for two reasons: it holds
/// the channel from the moment it exists, so that a dial that times out or is cancelled mid-handshake closes its
/// socket instead of leaving it open; and it reads the whole answer to a refused upgrade (status and body), so that
/// a 401 can be told from a 503. websocket-kit's `WebSocket` then does the framing, the pings and the close handshake.
enum WebSocketDialer {
    /// The largest frame and message accepted: events are small, and a server must not make the client buffer
    /// without bound.
    static let maximumFrameSize = 1 << 20
    static let maximumMessageSize = 1 << 24

    /// The TLS context for the system's trust roots, made once: loading the roots is the slow part of a TLS dial.
    private static let systemTLSContext = Result { try NIOSSLContext(configuration: .makeClientConfiguration()) }

    static func dial(_ endpoint: EventEndpoint, settings: DialSettings) async throws(DialFailure) -> EventConnection {
        let sslContext: NIOSSLContext?
        do {
            sslContext = endpoint.secure ? try tlsContext(settings) : nil
        } catch {
            throw .failed(.cannotConnect, "TLS could not be set up: \(error)")
        }
        let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        let attempt = DialAttempt(promise: eventLoop.makePromise(of: EventConnection.self))
        let head = upgradeRequestHead(endpoint)
        let timeout = TimeAmount.nanoseconds(Int64(settings.timeout * 1_000_000_000))
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(timeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                attempt.opened(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try configure(channel, endpoint: endpoint, head: head, sslContext: sslContext, settings: settings, attempt: attempt)
                }
            }
        bootstrap.connect(host: endpoint.host, port: endpoint.port).whenFailure { error in
            attempt.fail(.failed(.cannotConnect, describe(error)))
        }
        let deadline = eventLoop.scheduleTask(in: timeout) {
            attempt.fail(.failed(.timedOut, "no WebSocket connection within \(seconds(settings.timeout))"))
        }
        defer { deadline.cancel() }
        do {
            return try await withTaskCancellationHandler {
                try await attempt.promise.futureResult.get()
            } onCancel: {
                attempt.fail(.cancelled)
            }
        } catch let failure as DialFailure {
            throw failure
        } catch {
            throw .failed(.other, describe(error))
        }
    }

    private static func tlsContext(_ settings: DialSettings) throws -> NIOSSLContext {
        guard let pem = settings.trustedCertificatesPEM else { return try systemTLSContext.get() }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(pem))
        return try NIOSSLContext(configuration: configuration)
    }

    /// The upgrade request: `GET <target>` with the endpoint's headers; the upgrader adds the WebSocket headers.
    private static func upgradeRequestHead(_ endpoint: EventEndpoint) -> HTTPRequestHead {
        var headers = HTTPHeaders([("Host", endpoint.hostHeader)])
        for header in endpoint.headers { headers.add(name: header.name, value: header.value) }
        return HTTPRequestHead(version: .http1_1, method: .GET, uri: endpoint.target, headers: headers)
    }

    /// TLS (for `wss`), HTTP with the WebSocket upgrader, and the handler that sends the upgrade request and reads a
    /// refusal. Runs on the channel's event loop.
    private static func configure(
        _ channel: any Channel, endpoint: EventEndpoint, head: HTTPRequestHead, sslContext: NIOSSLContext?,
        settings: DialSettings, attempt: DialAttempt
    ) throws {
        if let sslContext {
            let tls: NIOSSLClientHandler
            do {
                tls = try NIOSSLClientHandler(context: sslContext, serverHostname: endpoint.host)
            } catch let error as NIOSSLExtraError where error == .cannotUseIPAddressInSNI {
                // An IP address is not sent as SNI; the certificate is still checked against it.
                tls = try NIOSSLClientHandler(context: sslContext, serverHostname: nil)
            }
            try channel.pipeline.syncOperations.addHandler(tls)
        }
        let socketConfiguration = {
            var configuration = WebSocket.Configuration()
            configuration.maxAccumulatedFrameSize = maximumMessageSize
            return configuration
        }()
        let pingInterval = settings.pingInterval
        let upgrader = NIOWebSocketClientUpgrader(maxFrameSize: maximumFrameSize, automaticErrorHandling: true) { channel, _ in
            WebSocket.client(on: channel, config: socketConfiguration) { socket in
                let connection = EventConnection(socket: socket, channel: channel, pingInterval: pingInterval)
                // The dial may have timed out or been cancelled while the server was saying yes.
                if !attempt.succeed(connection) { connection.close() }
            }
        }
        try channel.pipeline.syncOperations.addHTTPClientHandlers(
            leftOverBytesStrategy: .forwardBytes,
            withClientUpgrade: (
                upgraders: [upgrader],
                completionHandler: { context in
                    // Upgraded: the WebSocket handlers come next, and must not find the HTTP reader in their way.
                    context.pipeline.syncOperations.removeHandler(name: UpgradeResponseHandler.name, promise: nil)
                }
            ))
        try channel.pipeline.syncOperations.addHandler(
            UpgradeResponseHandler(head: head, attempt: attempt), name: UpgradeResponseHandler.name)
    }

    /// What NIO says went wrong, such as `cannot connect to 127.0.0.1:1: … Connection refused (errno: 111)`.
    static func describe(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError { return "cannot connect to \(error.host):\(error.port): \(error)" }
        return String(describing: error)
    }

    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// One dial's outcome, which the first of its sources decides: the upgrade, a refusal, a failure, the timeout or a
/// cancellation. Whatever loses is closed.
final class DialAttempt: Sendable {
    let promise: EventLoopPromise<EventConnection>
    private let state = NIOLockedValueBox<(decided: Bool, channel: (any Channel)?)>((false, nil))

    init(promise: EventLoopPromise<EventConnection>) {
        self.promise = promise
    }

    /// The channel exists: it is closed at once when the dial has already failed.
    func opened(_ channel: any Channel) {
        let decided = state.withLockedValue { state in
            if !state.decided { state.channel = channel }
            return state.decided
        }
        if decided { channel.close(promise: nil) }
    }

    /// The connection is open; false when the dial had already failed (the caller closes the connection).
    func succeed(_ connection: EventConnection) -> Bool {
        let won = state.withLockedValue { state in
            defer { state.decided = true }
            return !state.decided
        }
        if won { promise.succeed(connection) }
        return won
    }

    /// The dial failed, unless it was already decided; its channel, if any, is closed.
    func fail(_ failure: DialFailure) {
        let (won, channel) = state.withLockedValue { state in
            defer { state.decided = true }
            return (!state.decided, state.channel)
        }
        guard won else { return }
        promise.fail(failure)
        channel?.close(promise: nil)
    }
}

/// Sends the upgrade request once the connection is up, and reads the server's answer when it is not "101 Switching
/// Protocols" (the upgrade handler consumes that one): its status and the start of its body become the dial's
/// refusal. Removed once the connection is upgraded.
final class UpgradeResponseHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    static let name = "genauth-events-upgrade-response"
    /// Enough of a refusal's body for GenAuth's envelope; the rest is not kept.
    private static let maximumBody = 64 * 1024

    private let head: HTTPRequestHead
    private let attempt: DialAttempt
    private var sent = false
    private var statusCode: Int?
    private var body = Data()

    init(head: HTTPRequestHead, attempt: DialAttempt) {
        self.head = head
        self.attempt = attempt
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { send(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        send(context: context)
        context.fireChannelActive()
    }

    private func send(context: ChannelHandlerContext) {
        guard !sent else { return }
        sent = true
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let response):
            statusCode = Int(response.status.code)
        case .body(var buffer):
            let room = Self.maximumBody - body.count
            if room > 0, let bytes = buffer.readBytes(length: min(room, buffer.readableBytes)) { body.append(contentsOf: bytes) }
        case .end:
            attempt.fail(.refused(statusCode: statusCode ?? 0, body: body))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let statusCode {
            attempt.fail(.refused(statusCode: statusCode, body: body))
        } else {
            attempt.fail(.failed(.connectionLost, "the connection closed before the WebSocket upgrade completed"))
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        attempt.fail(.failed(.cannotConnect, WebSocketDialer.describe(error)))
        context.close(promise: nil)
    }
}
#endif
