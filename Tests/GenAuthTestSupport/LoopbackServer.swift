import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real HTTP/1.1 server on 127.0.0.1 and a free port, for the SDK's tests. It records every request and
/// answers as the test says, including in ways a real server misbehaves (closing the connection, stalling).
public final class LoopbackServer: Sendable {
    private let state: ServerState

    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public init(handler: @escaping @Sendable (Request) -> Reply) throws {
        state = try ServerState(handler: handler)
        port = state.port
    }

    /// Stops the server when the test lets go of it.
    deinit { state.stop() }

    public var requests: [Request] { state.requests }

    /// How many connections answered with ``Reply/stall(after:seconds:)`` the client has closed.
    public var stallsClosedByClient: Int { state.stallsClosedByClient }

    public func stop() { state.stop() }
}

extension LoopbackServer {
    public struct Request: Sendable {
        public var method: String
        /// Path and query, as sent (`/api/v3/send-sms?x=1`).
        public var target: String
        /// Names lowercased, in the order received.
        public var headers: [(name: String, value: String)]
        public var body: Data

        public func header(_ name: String) -> String? {
            headers.first { $0.name == name.lowercased() }?.value
        }

        public var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
        public var query: String? { target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) }
    }

    public enum Reply: Sendable {
        /// A complete response.
        case respond(status: Int, headers: [String: String] = ["content-type": "application/json"], body: Data)
        /// Close the connection without answering.
        case close
        /// Write these bytes as they are (a truncated or malformed response), then close the connection,
        /// with a reset (RST) when `reset` is set.
        case raw(Data, reset: Bool)
        /// Wait, then reply.
        indirect case delay(seconds: Double, then: Reply)
        /// Write these bytes (none, a response's head, or a head and part of a body), then send nothing more until the
        /// client closes the connection, or for at most `seconds` (a guard: a test ends long before). Each connection
        /// the client closed meanwhile is counted in ``LoopbackServer/stallsClosedByClient``, so a test can tell that
        /// a transport gave up on the connection rather than left it open.
        case stall(after: Data, seconds: Double = 120)

        public static func json(_ status: Int, _ text: String) -> Reply {
            .respond(status: status, body: Data(text.utf8))
        }
    }

    public struct ServerError: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }
}

/// The socket, the recorded requests and the threads of one server. The threads hold this, not the
/// server, so that dropping the server stops it.
private final class ServerState: @unchecked Sendable {
    typealias Request = LoopbackServer.Request
    typealias Reply = LoopbackServer.Reply
    typealias ServerError = LoopbackServer.ServerError

    let port: Int
    private let listener: Int32
    private let handler: @Sendable (Request) -> Reply
    private let lock = NSLock()
    private var recorded: [Request] = []
    private var closedStalls = 0
    private var stopped = false

    init(handler: @escaping @Sendable (Request) -> Reply) throws {
        self.handler = handler
        let fd = socket(AF_INET, Self.streamType, 0)
        guard fd >= 0 else { throw ServerError("socket() failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            close(fd)
            throw ServerError("bind/listen failed")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        // The accept thread keeps the server alive until it has stopped and closed its socket.
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    var requests: [Request] { lock.withLock { recorded } }
    var stallsClosedByClient: Int { lock.withLock { closedStalls } }

    /// Stops accepting connections. The listening socket is closed by the accept thread itself, once it has
    /// returned from `accept`: closing it here could let the thread accept on a reused descriptor that
    /// another server has opened meanwhile.
    func stop() {
        let alreadyStopped = lock.withLock { () -> Bool in
            defer { stopped = true }
            return stopped
        }
        guard !alreadyStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR, !lock.withLock({ stopped }) { continue }
                return
            }
            if lock.withLock({ stopped }) {
                close(connection)
                return
            }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let request = readRequest(connection) else { return }
        lock.withLock { recorded.append(request) }
        var reply = handler(request)
        while case .delay(let seconds, let next) = reply {
            Thread.sleep(forTimeInterval: seconds)
            reply = next
        }
        switch reply {
        case .close, .delay:
            return
        case .stall(let bytes, let seconds):
            writeAll(connection, bytes)
            if waitForClientClose(connection, seconds: seconds) { lock.withLock { closedStalls += 1 } }
        case .raw(let bytes, let reset):
            writeAll(connection, bytes)
            if reset {
                var linger = linger(l_onoff: 1, l_linger: 0)
                setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
            }
        case .respond(let status, let headers, let body):
            var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
            head += "content-length: \(body.count)\r\nconnection: close\r\n\r\n"
            writeAll(connection, Data(head.utf8) + body)
        }
    }

    private func readRequest(_ connection: Int32) -> Request? {
        var buffer = Data()
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            guard let chunk = readChunk(connection) else { return nil }
            buffer.append(chunk)
            headerEnd = buffer.range(of: Data("\r\n\r\n".utf8))
        }
        let head = String(decoding: buffer[..<headerEnd!.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = Int(headers.first { $0.name == "content-length" }?.value ?? "0") ?? 0
        var body = Data(buffer[headerEnd!.upperBound...])
        while body.count < length {
            guard let chunk = readChunk(connection) else { return nil }
            body.append(chunk)
        }
        return Request(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }

    /// Reads (and drops) whatever the client sends until it closes the connection: true; or until `seconds` pass
    /// without it doing so: false.
    private func waitForClientClose(_ connection: Int32, seconds: Double) -> Bool {
        var bytes = [UInt8](repeating: 0, count: 4096)
        for _ in 0..<max(1, Int(seconds * 10)) {
            var descriptor = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 100)
            if ready < 0, errno != EINTR { return false }
            guard ready > 0 else { continue }
            let count = read(connection, &bytes, bytes.count)
            if count == 0 || (count < 0 && errno != EINTR && errno != EAGAIN) { return true }
        }
        return false
    }

    private func readChunk(_ connection: Int32) -> Data? {
        var bytes = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(connection, &bytes, bytes.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            return Data(bytes[0..<count])
        }
    }

    private func writeAll(_ connection: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = send(connection, raw.baseAddress! + offset, raw.count - offset, Self.noSignal)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    private static var noSignal: Int32 {
        #if os(Linux)
        Int32(MSG_NOSIGNAL)
        #else
        0
        #endif
    }

    private static var streamType: Int32 {
        #if canImport(Glibc)
        Int32(SOCK_STREAM.rawValue)
        #else
        SOCK_STREAM
        #endif
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 401: return "Unauthorized"
        case 500: return "Internal Server Error"
        default: return "Status"
        }
    }
}
