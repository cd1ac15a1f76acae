import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads a response with `URLSession`, refusing a body larger than `limit` bytes before it is all buffered.
///
/// `session.data(for:)` would buffer any body whole. The two Foundations differ in what they offer instead, so the
/// transport uses each one's way: Apple's streams the body (`bytes(for:)`), which is read up to the limit; Linux's
/// (libcurl's) has no `bytes(for:)`, but tells a task delegate about each chunk, which cancels the task past the limit.
/// Neither needs the session's own delegate, so both work on a session the app passes, whose delegate stays in
/// charge of redirects and server trust.
enum URLSessionBodyReader {
    static func data(for request: URLRequest, in session: URLSession, limit: Int) async throws -> (Data, URLResponse) {
        #if canImport(FoundationNetworking)
        let guardian = BodySizeGuard(limit: limit)
        do {
            let (data, response) = try await session.data(for: request, delegate: guardian)
            // The delegate hears of the chunks on the session's queue, possibly after the task completed: check again.
            guard data.count <= limit, !guardian.exceeded else { throw HTTPTransportError.responseTooLarge(limit: limit) }
            return (data, response)
        } catch {
            // The task ended because the guard cancelled it, not because the caller did.
            if guardian.exceeded { throw HTTPTransportError.responseTooLarge(limit: limit) }
            throw error
        }
        #else
        let (bytes, response) = try await session.bytes(for: request)
        if response.expectedContentLength > Int64(limit) {
            bytes.task.cancel()
            throw HTTPTransportError.responseTooLarge(limit: limit)
        }
        var body: [UInt8] = []
        body.reserveCapacity(Int(max(0, response.expectedContentLength)))
        for try await byte in bytes {
            guard body.count < limit else {
                bytes.task.cancel()
                throw HTTPTransportError.responseTooLarge(limit: limit)
            }
            body.append(byte)
        }
        return (Data(body), response)
        #endif
    }
}

#if canImport(FoundationNetworking)
/// A task delegate that counts the body as libcurl delivers it and cancels the task once it passes the limit (or
/// as soon as the response announces a `Content-Length` past it). Redirects and server trust are not its business:
/// it implements no method for them, so the session's delegate still decides.
private final class BodySizeGuard: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: `received` and `tooLarge` are only touched under `lock`.
    private let limit: Int
    private let lock = NSLock()
    private var received = 0
    private var tooLarge = false

    init(limit: Int) {
        self.limit = limit
    }

    var exceeded: Bool { lock.withLock { tooLarge } }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        if response.expectedContentLength > Int64(limit) {
            lock.withLock { tooLarge = true }
            dataTask.cancel()
            completionHandler(.cancel)
        } else {
            completionHandler(.allow)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = lock.withLock { () -> Bool in
            received += data.count
            if received > limit { tooLarge = true }
            return tooLarge
        }
        if over { dataTask.cancel() }
    }
}
#endif
