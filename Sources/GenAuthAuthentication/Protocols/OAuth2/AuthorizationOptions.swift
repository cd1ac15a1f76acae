import Foundation

/// What an authorization request asks for (`/oidc/auth`, `/oauth/auth`): the parameters of RFC 6749 §4.1.1 and of
/// OpenID Connect Core 1.0 §3.1.2.1 that GenAuth accepts. Every value left nil takes the client's option or a safe
/// default.
public struct AuthorizationOptions: Sendable, Hashable {
    /// `scope`; nil for the options' `scope`, else `openid profile` (OIDC) or `user` (OAuth). Ask for
    /// `offline_access` to get a refresh token.
    public var scope: String?
    /// `state`, which the redirect back must carry unchanged; nil for 256 random bits (RFC 6749 §10.12).
    public var state: String?
    /// `nonce` (OIDC only), which the ID token must carry; nil for 256 random bits (OIDC Core §15.5.2).
    public var nonce: String?
    /// `response_type`: `.code` (the authorization code flow, the one to use) by default.
    public var responseType: ResponseType
    /// `response_mode`: how the answer comes back; GenAuth's default for the code flow is the query.
    public var responseMode: ResponseMode?
    /// `prompt`; nil for `consent` when the scope asks for `offline_access` (GenAuth issues refresh tokens only after
    /// consent), else none.
    public var prompt: Prompt?
    /// `redirect_uri`; nil for the options' `redirectUri`. One of them is required.
    public var redirectUri: String?
    /// `tenant_id`: the tenant the user signs in to.
    public var tenantId: String?
    /// PKCE (RFC 7636): `.s256` by default; `.plain` only for a server that cannot hash; nil sends no challenge (a
    /// confidential client may, but RFC 9700 §2.1.1 recommends PKCE for every client).
    public var pkce: PKCE.Method?
    /// Other parameters GenAuth reads (`login_page_context`, `ext_idp_conn_id`, `ui_locales`, …), sent as they are
    /// after the ones above; a name the options already set is ignored.
    public var additionalParameters: [String: String]

    /// Creates authorization options; every parameter is optional.
    public init(
        scope: String? = nil,
        state: String? = nil,
        nonce: String? = nil,
        responseType: ResponseType = .code,
        responseMode: ResponseMode? = nil,
        prompt: Prompt? = nil,
        redirectUri: String? = nil,
        tenantId: String? = nil,
        pkce: PKCE.Method? = .s256,
        additionalParameters: [String: String] = [:]
    ) {
        self.scope = scope
        self.state = state
        self.nonce = nonce
        self.responseType = responseType
        self.responseMode = responseMode
        self.prompt = prompt
        self.redirectUri = redirectUri
        self.tenantId = tenantId
        self.pkce = pkce
        self.additionalParameters = additionalParameters
    }

    /// `response_type` (OAuth 2.0 Multiple Response Type Encoding Practices §3, §5).
    public struct ResponseType: RawRepresentable, Sendable, Hashable, Codable {
        /// The space-separated value, such as `code id_token`.
        public let rawValue: String
        /// Creates a response type from its value.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// `code`: the authorization code flow.
        public static let code = ResponseType(rawValue: "code")
        /// `id_token`: an ID token in the redirect (implicit; avoid, RFC 9700 §2.1.2).
        public static let idToken = ResponseType(rawValue: "id_token")
        /// `id_token token` (implicit; avoid, RFC 9700 §2.1.2).
        public static let idTokenToken = ResponseType(rawValue: "id_token token")
        /// `token` (implicit; avoid, RFC 9700 §2.1.2).
        public static let token = ResponseType(rawValue: "token")
        /// `code id_token` (hybrid).
        public static let codeIdToken = ResponseType(rawValue: "code id_token")
        /// `code token` (hybrid).
        public static let codeToken = ResponseType(rawValue: "code token")
        /// `code id_token token` (hybrid).
        public static let codeIdTokenToken = ResponseType(rawValue: "code id_token token")
        /// `none`: no credential, only the session check.
        public static let none = ResponseType(rawValue: "none")

        /// Whether the redirect back carries an authorization code.
        var includesCode: Bool { rawValue.split(separator: " ").contains("code") }
        /// Whether the answer comes in the fragment unless a mode says otherwise (OAuth 2.0 Multiple Response Type
        /// Encoding Practices §5: any type other than `code` and `none`).
        var defaultsToFragment: Bool { rawValue != "code" && rawValue != "none" }
    }

    /// `response_mode` (OAuth 2.0 Multiple Response Type Encoding Practices §2.1, Form Post Response Mode §2).
    public struct ResponseMode: RawRepresentable, Sendable, Hashable, Codable {
        /// The value, such as `query`.
        public let rawValue: String
        /// Creates a response mode from its value.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The answer in the redirect URI's query.
        public static let query = ResponseMode(rawValue: "query")
        /// The answer in the redirect URI's fragment (readable only by code in the browser).
        public static let fragment = ResponseMode(rawValue: "fragment")
        /// The answer POSTed to the redirect URI as a form: read it with
        /// ``OIDCClient/handleRedirectCallback(parameters:request:)``.
        public static let formPost = ResponseMode(rawValue: "form_post")
        /// The answer posted to the opener window (GenAuth's browser SDK).
        public static let webMessage = ResponseMode(rawValue: "web_message")
    }

    /// `prompt` (OIDC Core §3.1.2.1).
    public struct Prompt: RawRepresentable, Sendable, Hashable, Codable {
        /// The value, such as `login`.
        public let rawValue: String
        /// Creates a prompt from its value.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// No page at all: an error unless the user is already signed in and has consented.
        public static let none = Prompt(rawValue: "none")
        /// Ask the user to sign in again, even with a session (GenAuth's SDKs call this `forced`).
        public static let login = Prompt(rawValue: "login")
        /// Ask for consent; needed for a refresh token (`offline_access`).
        public static let consent = Prompt(rawValue: "consent")
        /// Let the user choose an account.
        public static let selectAccount = Prompt(rawValue: "select_account")
    }
}

/// An authorization request as sent: the URL to open, and what the redirect back must be checked against and the
/// code exchanged with. Keep it until the redirect comes back — in memory in an app; in the user's server-side
/// session on a server (it is `Codable`), never in a place the user can read, since it holds the PKCE verifier.
public struct AuthorizationRequest: Sendable, Hashable, Codable {
    /// The URL to open in the browser (or in `ASWebAuthenticationSession`).
    public var url: URL
    /// The `state` sent.
    public var state: String
    /// The `nonce` sent (OIDC), which the ID token must carry.
    public var nonce: String?
    /// The PKCE verifier, sent with the code to the token endpoint.
    public var codeVerifier: String?
    /// The `redirect_uri` sent, which the redirect back must match and the token request repeats.
    public var redirectUri: String
    /// The `response_type` sent.
    public var responseType: AuthorizationOptions.ResponseType
    /// Where the answer comes back: `query`, `fragment` or `form_post`.
    public var responseMode: AuthorizationOptions.ResponseMode
    /// The issuer the redirect's `iss` parameter must name when it has one (RFC 9207): `{appHost}/oidc` or
    /// `{appHost}/oauth`.
    public var issuer: String

    /// Creates an authorization request (``OIDCClient/buildAuthorizeUrl(_:)`` builds them).
    public init(
        url: URL, state: String, nonce: String?, codeVerifier: String?, redirectUri: String,
        responseType: AuthorizationOptions.ResponseType, responseMode: AuthorizationOptions.ResponseMode, issuer: String
    ) {
        self.url = url
        self.state = state
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.redirectUri = redirectUri
        self.responseType = responseType
        self.responseMode = responseMode
        self.issuer = issuer
    }
}

/// What a valid redirect back carries.
public struct AuthorizationCallback: Sendable, Hashable {
    /// The authorization code, to exchange at the token endpoint.
    public var code: String?
    /// The `state`, equal to the one sent.
    public var state: String
    /// Every parameter of the redirect, by name (each appears once).
    public var parameters: [String: String]

    /// Creates a callback.
    public init(code: String?, state: String, parameters: [String: String]) {
        self.code = code
        self.state = state
        self.parameters = parameters
    }
}
