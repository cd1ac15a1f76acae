#if AsyncHTTPClient
import AsyncHTTPClient
import Foundation
import GenAuthCore
import NIOCore
import NIOHTTP1

/// The SDK's request as AsyncHTTPClient's.
enum OutgoingRequest {
    static func make(_ request: HTTPRequest) -> HTTPClientRequest {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        // Always a body, and one AsyncHTTPClient cannot send twice: a client configured to follow redirects then
        // returns a 307 or 308 (which would resend the body, passwords and secrets included) instead of following it.
        // The price: AsyncHTTPClient writes a stream from a task of its own, one hop through the cooperative pool per
        // request. An empty body adds no header to a GET, and `content-length: 0` to a POST, as for `.bytes`.
        let body = request.body ?? Data()
        outgoing.body = .stream(OneBuffer(ByteBuffer(bytes: body)), length: .known(Int64(body.count)))
        return outgoing
    }
}

/// An asynchronous sequence of one buffer (none when it is empty).
struct OneBuffer: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let buffer: ByteBuffer

    init(_ buffer: ByteBuffer) {
        self.buffer = buffer
    }

    func makeAsyncIterator() -> Iterator {
        Iterator(remaining: buffer.readableBytes > 0 ? buffer : nil)
    }

    struct Iterator: AsyncIteratorProtocol {
        var remaining: ByteBuffer?

        mutating func next() async -> ByteBuffer? {
            defer { remaining = nil }
            return remaining
        }
    }
}
#endif
