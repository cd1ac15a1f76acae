import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenAuthCore
import Testing
#if AsyncHTTPClient
import AsyncHTTPClient
import GenAuthAsyncHTTPClient
#endif

/// The transports every test of the suite runs against: each of the SDK's, created by the SDK and given the app's own
/// session or client (configured as the docs say).
enum TransportUnderTest: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// `URLSessionTransport()`: a session of its own.
    case urlSession
    /// `URLSessionTransport(session:)`: the app's session, whose delegate refuses redirects.
    case urlSessionOfTheApp
    #if AsyncHTTPClient
    /// `AsyncHTTPClientTransport(configuration:)`: a client of its own.
    case asyncHTTPClient
    /// `AsyncHTTPClientTransport(client:)`: the app's client, as Vapor's `app.http.client.shared`, configured with
    /// `redirectConfiguration: .disallow`.
    case asyncHTTPClientOfTheApp
    #endif

    var testDescription: String { rawValue }

    /// A new transport of this kind.
    func make(maximumResponseSize: Int = URLSessionTransport.defaultMaximumResponseSize) -> any HTTPTransport {
        switch self {
        case .urlSession:
            return URLSessionTransport(maximumResponseSize: maximumResponseSize)
        case .urlSessionOfTheApp:
            return URLSessionTransport(session: Self.appSession, maximumResponseSize: maximumResponseSize)
        #if AsyncHTTPClient
        case .asyncHTTPClient:
            return AsyncHTTPClientTransport(maximumResponseSize: maximumResponseSize)
        case .asyncHTTPClientOfTheApp:
            return AsyncHTTPClientTransport(client: Self.appClient, maximumResponseSize: maximumResponseSize)
        #endif
        }
    }

    /// The app's session, shared by the tests as an app shares one: the delegate is the app's, and refuses redirects.
    static let appSession = URLSession(configuration: .ephemeral, delegate: AppSessionDelegate(), delegateQueue: nil)

    #if AsyncHTTPClient
    /// The app's client, shared by the tests as a server shares one for its life (so never shut down), configured as
    /// `AsyncHTTPClientTransport`'s documentation asks.
    static let appClient: HTTPClient = {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
    #endif
}

/// The delegate of the app's session: it refuses every redirect, as `URLSessionTransport(session:)` asks.
final class AppSessionDelegate: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
