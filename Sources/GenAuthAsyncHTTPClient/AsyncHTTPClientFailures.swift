#if AsyncHTTPClient
import AsyncHTTPClient
import Foundation
import GenAuthCore
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// AsyncHTTPClient's and SwiftNIO's errors as the kinds the client reports, the same as for URLSession's `URLError`s
/// (see `RequestExecutor.transportFailure`): a refused or failed TLS connection is `cannotConnect`
/// (`cannotConnectToHost`, `secureConnectionFailed`), a connection closed, reset or answering garbage is
/// `connectionLost` (`networkConnectionLost`, `badServerResponse`), every timeout is `timedOut`.
///
/// The messages quote no header or body: `HTTPClientError`'s description of an invalid header value quotes the value,
/// which may be a token, so its `shortDescription` (which never holds a value) is used instead.
enum AsyncHTTPClientFailures {
    static func classify(_ error: any Error, callerCancelled: Bool) -> HTTPTransportError {
        // The caller's task was cancelled (by the client's timeout, say): whatever AsyncHTTPClient made of it.
        if callerCancelled { return HTTPTransportError(kind: .cancelled, message: "the request was cancelled") }
        switch error {
        case let error as HTTPTransportError:
            return error
        case is CancellationError:
            return HTTPTransportError(kind: .cancelled, message: "the request was cancelled")
        case let error as HTTPClientError:
            return classify(error)
        case let error as NIOConnectionError:
            return HTTPTransportError(kind: .cannotConnect, message: describe(error))
        case let error as IOError:
            return classify(error)
        case let error as ChannelError:
            return classify(error)
        case let error as HTTPParserError:
            return HTTPTransportError(kind: .connectionLost, message: "the server's response is not valid HTTP (\(error))")
        case let error as NIOSSLError:
            if case .uncleanShutdown = error {
                return HTTPTransportError(kind: .connectionLost, message: "the server closed the TLS connection uncleanly")
            }
            return HTTPTransportError(kind: .cannotConnect, message: "TLS failed: \(error)")
        case let error as NIOSSLExtraError:
            return HTTPTransportError(kind: .cannotConnect, message: "TLS failed: \(error)")
        case let error as BoringSSLError:
            return HTTPTransportError(kind: .cannotConnect, message: "TLS failed: \(error)")
        case let error as SocketAddressError:
            return HTTPTransportError(kind: .cannotConnect, message: "the host's address could not be resolved (\(error))")
        default:
            return HTTPTransportError(kind: .other, message: "\(type(of: error)): \(error)")
        }
    }

    private static func classify(_ error: HTTPClientError) -> HTTPTransportError {
        let kind: TransportFailure.Kind
        switch error {
        case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .tlsHandshakeTimeout,
            .getConnectionFromPoolTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout:
            kind = .timedOut
        case .cancelled, .requestStreamCancelled:
            kind = .cancelled
        case .remoteConnectionClosed, .uncleanShutdown:
            kind = .connectionLost
        default:
            kind = .other
        }
        return HTTPTransportError(kind: kind, message: "AsyncHTTPClient: \(error.shortDescription)")
    }

    private static func classify(_ error: IOError) -> HTTPTransportError {
        let message = "\(error)"
        switch error.errnoCode {
        case ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL, ENETDOWN, EHOSTDOWN:
            return HTTPTransportError(kind: .cannotConnect, message: message)
        case ETIMEDOUT:
            return HTTPTransportError(kind: .timedOut, message: message)
        case ECONNRESET, EPIPE, ECONNABORTED, ENOTCONN:
            return HTTPTransportError(kind: .connectionLost, message: message)
        default:
            return HTTPTransportError(kind: .other, message: message)
        }
    }

    private static func classify(_ error: ChannelError) -> HTTPTransportError {
        switch error {
        case .connectTimeout:
            return HTTPTransportError(kind: .timedOut, message: "the connection was not established in time")
        case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed:
            return HTTPTransportError(kind: .connectionLost, message: "the connection closed (\(error))")
        default:
            return HTTPTransportError(kind: .other, message: "\(error)")
        }
    }

    /// The connection attempts' own errors (a refusal, an unreachable network), or the failed name resolution.
    private static func describe(_ error: NIOConnectionError) -> String {
        let target = "\(error.host):\(error.port)"
        if let last = error.connectionErrors.last {
            return "cannot connect to \(target): \(last.error)"
        }
        if let dns = error.dnsAError ?? error.dnsAAAAError {
            return "cannot resolve \(error.host): \(dns)"
        }
        return "cannot connect to \(target)"
    }
}
#endif
