import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default ``HTTPTransport``: Foundation's `URLSession`.
///
/// Redirects are not followed: GenAuth's API answers JSON endpoints directly, and following a redirect to
/// another host would send it the request's headers, the user's access token among them. A 3xx response
/// is returned as it is, and the client reports it as ``GenAuthError/httpStatus(_:)``.
///
/// A response body larger than ``maximumResponseSize`` (by default ``HTTPTransport/defaultMaximumResponseSize``,
/// 32 MiB) is not buffered: the transport stops reading it, cancels the task and throws ``HTTPTransportError`` of
/// kind ``TransportFailure/Kind/responseTooLarge``. A `Content-Length` over the limit fails before the body is read.
///
/// The request's `timeout` is a deadline for the whole exchange, body included: past it the task is cancelled and the
/// call fails with ``TransportFailure/Kind/timedOut`` (the client's `timeout` does the same). Cancelling the calling task
/// cancels the `URLSession` task at once.
///
/// ## A private deployment with its own certificate authority
///
/// The transport verifies the server's certificate as `URLSession` does, against the system's trusted roots, and
/// offers no way to turn verification off: a client that trusts any certificate sends the app secret and every
/// user's token to whoever answers. To trust a deployment's own CA, pass a session whose delegate evaluates the
/// server's trust against that CA. On Apple platforms:
///
/// ```swift
/// import Foundation
/// #if canImport(Security)
/// import Security
/// #endif
///
/// #if canImport(Security)  // Apple platforms
/// /// Trusts the servers whose chain ends at `anchor` (the deployment's CA, DER), and refuses redirects.
/// final class PrivateCATrust: NSObject, URLSessionTaskDelegate, @unchecked Sendable {  // immutable
///     let anchor: SecCertificate
///
///     init?(derCertificate: Data) {
///         guard let anchor = SecCertificateCreateWithData(nil, derCertificate as CFData) else { return nil }
///         self.anchor = anchor
///     }
///
///     func urlSession(
///         _ session: URLSession, didReceive challenge: URLAuthenticationChallenge
///     ) async -> (URLSession.AuthChallengeDisposition, URLCredential?) {
///         guard challenge.protectionSpace.authenticationMethod == NSURLAuthenticationMethodServerTrust,
///               let trust = challenge.protectionSpace.serverTrust
///         else { return (.performDefaultHandling, nil) }
///         // Only the deployment's CA: the host name is still checked (the SSL policy of the challenge's host).
///         SecTrustSetAnchorCertificates(trust, [anchor] as CFArray)
///         SecTrustSetAnchorCertificatesOnly(trust, true)
///         guard SecTrustEvaluateWithError(trust, nil) else { return (.cancelAuthenticationChallenge, nil) }
///         return (.useCredential, URLCredential(trust: trust))
///     }
///
///     func urlSession(
///         _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
///         newRequest request: URLRequest
///     ) async -> URLRequest? {
///         nil
///     }
/// }
///
/// let caFile = URL(fileURLWithPath: "/path/to/deployment-ca.der")
/// if let trust = PrivateCATrust(derCertificate: try Data(contentsOf: caFile)) {
///     let session = URLSession(configuration: .ephemeral, delegate: trust, delegateQueue: nil)
///     let transport = URLSessionTransport(session: session)
///     _ = transport
/// }
/// #endif
/// ```
///
/// On Linux, `URLSession` is libcurl's, which asks no delegate about server trust and reads no environment variable
/// for its roots (`SSL_CERT_FILE` and `CURL_CA_BUNDLE` are the `curl` tool's, not libcurl's): it verifies against the
/// bundle its distribution built it with, `/etc/ssl/certs/ca-certificates.crt` on Debian and Ubuntu. Add the
/// deployment's CA to the system's store (there: a `.crt` file in `/usr/local/share/ca-certificates/`, then
/// `update-ca-certificates`; in a container, when its image is built), and every program of the machine trusts it. Or
/// use `AsyncHTTPClientTransport` (product `GenAuthAsyncHTTPClient`), whose `TLSConfiguration` names the roots in
/// code.
public struct URLSessionTransport: HTTPTransport {
    private let owner: SessionOwner

    private var session: URLSession { owner.session }

    /// The largest response body the transport accepts, in bytes; a larger one fails with
    /// ``TransportFailure/Kind/responseTooLarge``.
    public let maximumResponseSize: Int

    /// Creates a transport with an ephemeral session (no cookies, no cache) that does not follow redirects.
    /// The session is invalidated once the last copy of the transport is gone.
    ///
    /// - Parameter maximumResponseSize: The largest response body to accept, in bytes (32 MiB by default).
    public init(maximumResponseSize: Int = URLSessionTransport.defaultMaximumResponseSize) {
        self.owner = SessionOwner(
            session: URLSession(configuration: .ephemeral, delegate: RedirectRefusal(), delegateQueue: nil), owned: true)
        self.maximumResponseSize = max(0, maximumResponseSize)
    }

    /// Creates a transport over your own session; its delegate decides about redirects (refuse them: see the
    /// type's overview) and server trust. The session stays yours: the transport never invalidates it.
    ///
    /// - Parameters:
    ///   - session: The session to send requests with.
    ///   - maximumResponseSize: The largest response body to accept, in bytes (32 MiB by default).
    public init(session: URLSession, maximumResponseSize: Int = URLSessionTransport.defaultMaximumResponseSize) {
        self.owner = SessionOwner(session: session, owned: false)
        self.maximumResponseSize = max(0, maximumResponseSize)
    }

    /// Sends the request with `URLSession` and reads the whole response, within the request's timeout.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let timeout = RequestExecutor.clampedTimeout(request.timeout)
        var urlRequest = URLRequest(url: request.url)
        // Through the setter: Foundation on Linux ignores the initializer's timeout (it takes the configuration's 60 s),
        // and counts whole seconds (0.5 would time out at once). The deadline below is the exact one.
        urlRequest.timeoutInterval = max(1, timeout.rounded(.up))
        urlRequest.httpMethod = request.method
        urlRequest.httpShouldHandleCookies = false
        for header in request.headers {
            urlRequest.addValue(header.value, forHTTPHeaderField: header.name)
        }
        urlRequest.httpBody = request.body

        let session = self.session
        let limit = maximumResponseSize
        let outgoing = urlRequest
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await TransportDeadline.run(seconds: timeout) {
                try await URLSessionBodyReader.data(for: outgoing, in: session, limit: limit)
            }
        } catch let error as URLError {
            throw LibcurlFailures.refined(error)
        }
        guard let http = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String {
                headers[name.lowercased()] = value
            }
        }
        return HTTPResponse(statusCode: http.statusCode, headers: headers, body: data)
    }
}

/// Holds the transport's session. A session keeps its delegate until it is invalidated, so a session the
/// transport created is invalidated when the last copy of the transport goes: a client per user (each with its
/// own options and transport) leaks none.
private final class SessionOwner: Sendable {
    let session: URLSession
    let owned: Bool

    init(session: URLSession, owned: Bool) {
        self.session = session
        self.owned = owned
    }

    deinit {
        if owned { session.finishTasksAndInvalidate() }
    }
}

/// Answers every redirect with "do not follow".
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
