import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default ``HTTPTransport``: Foundation's `URLSession`.
///
/// Redirects are not followed: GenAuth's API answers JSON endpoints directly, and following a redirect to
/// another host would send it the request's headers, the user's access token among them. A 3xx response
/// is returned as it is, and the client reports it as ``GenAuthError/httpStatus(_:)``.
public struct URLSessionTransport: HTTPTransport {
    private let owner: SessionOwner

    private var session: URLSession { owner.session }

    /// Creates a transport with an ephemeral session (no cookies, no cache) that does not follow redirects.
    /// The session is invalidated once the last copy of the transport is gone.
    public init() {
        self.owner = SessionOwner(
            session: URLSession(configuration: .ephemeral, delegate: RedirectRefusal(), delegateQueue: nil), owned: true)
    }

    /// Creates a transport over your own session; its delegate decides about redirects. The session stays yours:
    /// the transport never invalidates it.
    public init(session: URLSession) {
        self.owner = SessionOwner(session: session, owned: false)
    }

    /// Sends the request with `URLSession`.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: request.timeout)
        urlRequest.httpMethod = request.method
        urlRequest.httpShouldHandleCookies = false
        for header in request.headers {
            urlRequest.addValue(header.value, forHTTPHeaderField: header.name)
        }
        urlRequest.httpBody = request.body

        let (data, response) = try await session.data(for: urlRequest)
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
