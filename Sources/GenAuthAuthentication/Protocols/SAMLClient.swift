import Foundation

/// SAML 2.0 with GenAuth as the identity provider; handed out by ``AuthenticationClient/saml``.
///
/// GenAuth's SDKs offer one thing here, and so does this one: the link that starts a sign-in at GenAuth's identity
/// provider, which then posts its assertion to your service provider's assertion consumer service (configured in
/// the console). Reading the assertion is your service provider library's work.
public struct SAMLClient: Sendable {
    /// The client whose options it uses.
    public let client: AuthenticationClient

    init(client: AuthenticationClient) {
        self.client = client
    }

    /// The login link of GenAuth's identity provider for the application: `{appHost}/api/v2/saml-idp/{appId}`.
    ///
    /// - Returns: The URL to open.
    /// - Throws: ``/GenAuthCore/GenAuthError/invalidRequest(_:)`` when `appHost` is not an http(s) URL.
    public func buildAuthorizeUrl() throws(GenAuthError) -> URL {
        try ProtocolFamily(kind: .oidc, client: client).browserURL(
            path: "/api/v2/saml-idp/" + PercentEncoding.encode(client.options.appId), [], operation: "buildAuthorizeUrl")
    }
}
