import Foundation

/// CAS with GenAuth as the CAS server, at `{appHost}/cas-idp/{appId}…`; handed out by ``AuthenticationClient/cas``.
///
/// The service (your app) sends the user to the login link; GenAuth redirects back with a service ticket (`ticket`),
/// which the service validates here to learn who signed in:
///
/// ```swift
/// let client = AuthenticationClient(options: AuthenticationClientOptions(
///     appId: "GENAUTH_APP_ID", appHost: "https://example.genauth.ai"))
/// let login = try client.cas.buildAuthorizeUrl(service: "https://example.com/cas/callback")
/// print(login)   // redirect the browser there
/// // GenAuth redirects to https://example.com/cas/callback?ticket=ST-…
/// let user = try await client.cas.validateTicketV2(ticket: "ST-…", service: "https://example.com/cas/callback")
/// print(user.user, user.attributes["email"] ?? nil)
/// ```
public struct CASClient: Sendable {
    /// The client whose options and transport it uses.
    public let client: AuthenticationClient

    init(client: AuthenticationClient) {
        self.client = client
    }

    private var family: ProtocolFamily { ProtocolFamily(kind: .oidc, client: client) }
    private var base: String { "/cas-idp/" + PercentEncoding.encode(client.options.appId) }

    /// The login link (`GET {appHost}/cas-idp/{appId}?service=…`, CAS Protocol 3.0 §2.1), the service URL
    /// percent-encoded.
    ///
    /// - Parameter service: The URL GenAuth redirects back to with the ticket.
    /// - Returns: The URL to open.
    /// - Throws: ``/GenAuthCore/GenAuthError/invalidRequest(_:)`` when `appHost` is not an http(s) URL.
    public func buildAuthorizeUrl(service: String? = nil) throws(GenAuthError) -> URL {
        try family.browserURL(path: base, service.map { [("service", $0)] } ?? [], operation: "buildAuthorizeUrl")
    }

    /// The logout link (`GET {appHost}/cas-idp/{appId}/logout?service=…`, CAS Protocol 3.0 §2.3).
    ///
    /// - Parameter service: Where GenAuth sends the user afterwards.
    /// - Returns: The URL to open.
    /// - Throws: ``/GenAuthCore/GenAuthError/invalidRequest(_:)`` when `appHost` is not an http(s) URL.
    public func buildLogoutUrl(service: String? = nil) throws(GenAuthError) -> URL {
        try family.browserURL(path: base + "/logout", service.map { [("service", $0)] } ?? [], operation: "buildLogoutUrl")
    }

    /// Validates a service ticket with CAS 1.0 (`GET {appHost}/cas-idp/{appId}/validate`, CAS Protocol 3.0 §2.4):
    /// the answer is `yes` and the user name, or `no`.
    ///
    /// - Parameters:
    ///   - ticket: The `ticket` of the redirect back.
    ///   - service: The service URL the login link named.
    /// - Returns: The user (CAS 1.0 gives no attributes).
    /// - Throws: ``/GenAuthCore/GenAuthError/cas(_:)`` when the server says `no`, ``/GenAuthCore/GenAuthError/undecodableResponse(_:)``
    ///   for an answer that is neither, or another ``/GenAuthCore/GenAuthError``.
    public func validateTicketV1(ticket: String, service: String) async throws(GenAuthError) -> CASAuthentication {
        let request = validationRequest("validateTicketV1", path: base + "/validate", ticket: ticket, service: service, format: nil)
        let (response, redactor) = try await client.executor.sendForResponse(request)
        do throws(GenAuthError) {
            return try CASResponses.v1(response.body, redactor: redactor)
        } catch {
            throw error.thrown(by: request.call)
        }
    }

    /// Validates a service ticket with CAS 2.0 (`GET {appHost}/cas-idp/{appId}/serviceValidate`, CAS Protocol 3.0
    /// §2.5), its answer in JSON or in XML (namespace `http://www.yale.edu/tp/cas`), read into the same result.
    ///
    /// - Parameters:
    ///   - ticket: The `ticket` of the redirect back.
    ///   - service: The service URL the login link named.
    ///   - format: `.json` (the default) or `.xml`.
    /// - Returns: The user and the attributes GenAuth releases.
    /// - Throws: ``/GenAuthCore/GenAuthError/cas(_:)`` with the failure's code (`INVALID_TICKET`, `INVALID_SERVICE`, …),
    ///   ``/GenAuthCore/GenAuthError/undecodableResponse(_:)`` for an answer that is neither, or another
    ///   ``/GenAuthCore/GenAuthError``.
    public func validateTicketV2(ticket: String, service: String, format: CASResponseFormat = .json) async throws(GenAuthError) -> CASAuthentication {
        let request = validationRequest(
            "validateTicketV2", path: base + "/serviceValidate", ticket: ticket, service: service, format: format)
        let (response, redactor) = try await client.executor.sendForResponse(request)
        do throws(GenAuthError) {
            switch format {
            case .json: return try CASResponses.v2JSON(response.body, redactor: redactor)
            case .xml: return try CASResponses.v2XML(response.body, redactor: redactor)
            }
        } catch {
            throw error.thrown(by: request.call)
        }
    }

    private func validationRequest(_ operation: String, path: String, ticket: String, service: String, format: CASResponseFormat?) -> APIRequest {
        var query = [QueryItem("service", service), QueryItem("ticket", ticket)]
        if let format { query.append(QueryItem("format", format.rawValue)) }
        var request = APIRequest(operation: operation, method: "GET", path: path, query: query, secrets: [ticket])
        request.sendsClientCredentials = false
        request.errorFormat = .status
        return request
    }
}

/// The format of a CAS 2.0 validation answer.
public enum CASResponseFormat: String, Sendable, Hashable {
    /// `format=JSON`.
    case json = "JSON"
    /// `format=XML`: CAS 2.0's own.
    case xml = "XML"
}

/// Who a valid service ticket belongs to.
public struct CASAuthentication: Sendable, Hashable {
    /// The user: GenAuth sends the email address or the user name.
    public var user: String
    /// The attributes GenAuth releases (`email`, `phone_number`, `sub`, …); a repeated XML attribute is an array.
    public var attributes: [String: JSONValue]

    /// Creates a CAS authentication.
    public init(user: String, attributes: [String: JSONValue] = [:]) {
        self.user = user
        self.attributes = attributes
    }
}
