// The clients over swift-server/async-http-client: built with the package trait `AsyncHTTPClient` (see the README).
#if AsyncHTTPClient
import AsyncHTTPClient
import Foundation
import GenAuthCore
import NIOCore
import NIOHTTP1

/// An ``/GenAuthCore/HTTPTransport`` over AsyncHTTPClient (SwiftNIO), for servers: Vapor, Hummingbird, or any
/// service that already runs an `HTTPClient`.
///
/// Give it your app's client, which it shares (its connection pool, TLS and proxy settings) and never shuts down:
///
/// ```swift
/// import AsyncHTTPClient
/// import GenAuthManagement
///
/// // Vapor: app.http.client.shared; Hummingbird or your own service: the HTTPClient it runs.
/// let httpClient = HTTPClient(
///     eventLoopGroup: HTTPClient.defaultEventLoopGroup,
///     configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
/// let client = ManagementClient(options: ManagementClientOptions(
///     accessKeyId: "GENAUTH_ACCESS_KEY_ID",
///     accessKeySecret: "GENAUTH_ACCESS_KEY_SECRET",
///     transport: AsyncHTTPClientTransport(client: httpClient)
/// ))
/// _ = client
/// try await httpClient.shutdown()  // yours to shut down, once the SDK's clients are done with it
/// ```
///
/// Or let the transport create its own: ``init(configuration:maximumResponseSize:)``.
///
/// It keeps the promises of `URLSessionTransport`:
///
/// - **Redirects are not followed**: a 3xx is returned as it is, and the client reports it as
///   ``/GenAuthCore/GenAuthError/httpStatus(_:)``, so that no request, token or secret in it travels to another host.
///   A client the transport creates disallows redirects. AsyncHTTPClient decides about redirects per client, not per
///   request, so **configure yours with `redirectConfiguration: .disallow`** (Vapor:
///   `app.http.client.configuration.redirectConfiguration = .disallow`). Should a client follow one nevertheless, the
///   transport sends every body as a stream AsyncHTTPClient cannot replay (so a 307 or 308 is returned, not
///   followed), AsyncHTTPClient drops `authorization` on the way to another origin, and the call fails with
///   ``/GenAuthCore/TransportFailure/Kind/other`` rather than return the other server's answer.
/// - **The request's `timeout` is a deadline** for the whole exchange, body included (AsyncHTTPClient's own deadline
///   ends with the response's head); the client's timeout cancels the transport, which returns at once.
/// - **A response body larger than ``maximumResponseSize``** (32 MiB by default) is not buffered: the transport stops
///   reading, AsyncHTTPClient closes the connection, and the call fails with
///   ``/GenAuthCore/TransportFailure/Kind/responseTooLarge``.
/// - Header names are sent as given and read lowercase; repeated response headers are joined with `, `.
/// - AsyncHTTPClient's and SwiftNIO's errors are reported as the same ``/GenAuthCore/TransportFailure/Kind``s as
///   URLSession's: `timedOut`, `cannotConnect` (refused, unreachable, TLS), `connectionLost` (closed, reset,
///   malformed), `cancelled`. A client that retries failed connections (AsyncHTTPClient's default,
///   `connectionPool.retryConnectionEstablishment`) keeps trying a refused host until the timeout: the call then
///   reports `timedOut`. A client the transport creates does not retry.
///
/// ## A private deployment with its own certificate authority
///
/// Trust the deployment's CA in the client's `TLSConfiguration`: `trustRoots` to trust only it,
/// `additionalTrustRoots` to trust it beside the system's roots. Host names are still verified. Turning verification
/// off (`certificateVerification: .none`, the equivalent of Node's `rejectUnauthorized: false`) would send the app
/// secret and every user's token to whoever answers; the SDK's docs never suggest it.
///
/// ```swift
/// import AsyncHTTPClient
/// import GenAuthAuthentication
/// import NIOSSL
///
/// var tls = TLSConfiguration.makeClientConfiguration()
/// tls.trustRoots = .file("/etc/genauth/deployment-ca.pem")  // or .certificates(try NIOSSLCertificate.fromPEMFile(…))
/// let client = AuthenticationClient(options: AuthenticationClientOptions(
///     appId: "GENAUTH_APP_ID",
///     appHost: "https://auth.example.internal",
///     transport: AsyncHTTPClientTransport(configuration: HTTPClient.Configuration(tlsConfiguration: tls))
/// ))
/// _ = client
/// ```
public struct AsyncHTTPClientTransport: HTTPTransport {
    private let owner: ClientOwner

    /// The largest response body the transport accepts, in bytes; a larger one fails with
    /// ``/GenAuthCore/TransportFailure/Kind/responseTooLarge``.
    public let maximumResponseSize: Int

    /// Creates a transport over your app's client (Vapor's `app.http.client.shared`, Hummingbird's, your own). The
    /// client stays yours: the transport never shuts it down. Configure it with `redirectConfiguration: .disallow`
    /// (see the type's overview).
    ///
    /// - Parameters:
    ///   - client: The client to send requests with.
    ///   - maximumResponseSize: The largest response body to accept, in bytes (32 MiB by default).
    public init(client: HTTPClient, maximumResponseSize: Int = AsyncHTTPClientTransport.defaultMaximumResponseSize) {
        self.owner = ClientOwner(client: client, owned: false)
        self.maximumResponseSize = max(0, maximumResponseSize)
    }

    /// Creates a transport with a client of its own, on SwiftNIO's shared event loops, that never follows a redirect
    /// and does not retry a failed connection, whatever `configuration` says of them (its TLS, timeouts, proxy and the
    /// rest are kept).
    ///
    /// The client is shut down once the last copy of the transport is gone (as `URLSessionTransport()` invalidates its
    /// session): keep the transport, or the SDK client that holds it, for as long as you make calls. To shut a client
    /// down yourself and wait for it, create it and pass it to ``init(client:maximumResponseSize:)``.
    ///
    /// - Parameters:
    ///   - configuration: The client's configuration: its `tlsConfiguration` for a private CA, say.
    ///   - maximumResponseSize: The largest response body to accept, in bytes (32 MiB by default).
    public init(
        configuration: HTTPClient.Configuration = HTTPClient.Configuration(redirectConfiguration: .disallow),
        maximumResponseSize: Int = AsyncHTTPClientTransport.defaultMaximumResponseSize
    ) {
        var configuration = configuration
        configuration.redirectConfiguration = .disallow
        // A refused or failed connection is reported at once (`cannotConnect`), as URLSession does, instead of being
        // retried until the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.owner = ClientOwner(client: client, owned: true)
        self.maximumResponseSize = max(0, maximumResponseSize)
    }

    /// Sends the request with AsyncHTTPClient and reads the whole response, within the request's timeout.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let client = owner.client
        let limit = maximumResponseSize
        let timeout = RequestExecutor.clampedTimeout(request.timeout)
        let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout * 1_000_000_000))
        do {
            return try await TransportDeadline.run(seconds: timeout) {
                try await Self.exchange(request, client: client, deadline: deadline, limit: limit)
            }
        } catch {
            throw AsyncHTTPClientFailures.classify(error, callerCancelled: Task.isCancelled)
        }
    }

    private static func exchange(
        _ request: HTTPRequest, client: HTTPClient, deadline: NIODeadline, limit: Int
    ) async throws -> HTTPResponse {
        let response = try await client.execute(OutgoingRequest.make(request), deadline: deadline)
        guard response.history.count <= 1 else {
            throw HTTPTransportError(
                kind: .other,
                message: "the HTTPClient followed a redirect (HTTP \(response.history[0].responseHead.status.code)); "
                    + "create it with redirectConfiguration: .disallow")
        }
        let body: ByteBuffer
        do {
            // Fails at once when `content-length` is over the limit, else as soon as the bytes read pass it; the body's
            // stream, dropped, makes AsyncHTTPClient close the connection.
            body = try await response.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw HTTPTransportError.responseTooLarge(limit: limit)
        }
        var headers: [String: String] = [:]
        for (name, value) in response.headers {
            let name = name.lowercased()
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        return HTTPResponse(statusCode: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
    }
}

/// Holds the transport's client, and shuts down a client the transport created once the last copy of the transport
/// is gone. AsyncHTTPClient requires a shutdown before a client is released; its shutdown keeps the client alive
/// until it completes, so nothing here waits.
private final class ClientOwner: Sendable {
    let client: HTTPClient
    let owned: Bool

    init(client: HTTPClient, owned: Bool) {
        self.client = client
        self.owned = owned
    }

    deinit {
        if owned { client.shutdown(queue: .global()) { _ in } }
    }
}
#else
/// An `HTTPTransport` over AsyncHTTPClient: enable the package trait `AsyncHTTPClient` to use it.
///
/// Without the trait, every use of the type, by any of its initializers, fails to compile with a message that says which
/// trait to enable (its initializers are declared here, generic over what they take, only so that the compiler names
/// the trait rather than an initializer it cannot find).
@available(*, unavailable, message: "AsyncHTTPClientTransport needs the package trait AsyncHTTPClient: .package(url: …, branch: \"main\", traits: [\"AsyncHTTPClient\"])")
public struct AsyncHTTPClientTransport {
    /// Needs the package trait `AsyncHTTPClient`.
    public init(maximumResponseSize: Int = 0) { fatalError("unavailable") }
    /// Needs the package trait `AsyncHTTPClient`.
    public init<Client>(client: Client, maximumResponseSize: Int = 0) { fatalError("unavailable") }
    /// Needs the package trait `AsyncHTTPClient`.
    public init<Configuration>(configuration: Configuration, maximumResponseSize: Int = 0) { fatalError("unavailable") }
}
#endif
