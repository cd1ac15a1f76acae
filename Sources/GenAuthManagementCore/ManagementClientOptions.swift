import Foundation
import Logging

/// How a ``ManagementClient`` reaches your user pool, and with which credentials.
///
/// ```swift
/// let client = ManagementClient(options: ManagementClientOptions(
///     accessKeyId: "GENAUTH_ACCESS_KEY_ID",
///     accessKeySecret: "GENAUTH_ACCESS_KEY_SECRET"
/// ))
/// print(client.options.host)
/// ```
public struct ManagementClientOptions: Sendable {
    /// How the client proves who it is.
    public enum Credentials: Sendable, Hashable {
        /// The management token (GenAuth's documented way, and the default): the client exchanges the access key for
        /// a token at `POST /api/v3/get-management-token`, sends it as `authorization: Bearer <token>` with
        /// `x-authing-userpool-id`, keeps it until shortly before it expires, and gets a new one when GenAuth
        /// rejects it (once per call).
        case managementToken
        /// An access-key signature on every request (HMAC-SHA1 over the canonical request, as GenAuth's current
        /// Node SDK signs): no token, no token request. On every platform, with no crypto library (the SDK's HMAC
        /// is written in Swift).
        case signature
    }

    /// The language of GenAuth's messages, sent as `x-authing-lang`.
    public struct Language: RawRepresentable, Hashable, Sendable {
        /// The language tag, such as `zh-CN`.
        public let rawValue: String
        /// Creates a language from its tag.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Simplified Chinese, `zh-CN` (GenAuth's default).
        public static let chinese = Language(rawValue: "zh-CN")
        /// English, `en-US`.
        public static let english = Language(rawValue: "en-US")
        /// Traditional Chinese, `zh-TW`.
        public static let traditionalChinese = Language(rawValue: "zh-TW")
        /// Japanese, `ja-JP`.
        public static let japanese = Language(rawValue: "ja-JP")
    }

    /// The user pool's access key ID (GenAuth console → Settings → Access keys).
    public var accessKeyId: String
    /// The access key's secret; it never appears in an error.
    public var accessKeySecret: String
    /// The API's address: `https://api.genauth.ai` by default; your own for a private deployment.
    public var host: String
    /// Where the client's log records go: one record per request at `debug` (method, path, status, GenAuth's
    /// `statusCode` and `apiCode`, `requestId`, duration), token requests and retries at their own levels; never a
    /// secret or a token. By default nothing is logged.
    public var logger: Logger
    /// The user pool, sent as `x-authing-userpool-id`; by default the one the management token names (its
    /// `scoped_userpool_id` claim).
    public var userPoolId: String?
    /// A tenant of the user pool, sent as `x-authing-app-tenant-id`.
    public var tenantId: String?
    /// The language of GenAuth's messages, sent as `x-authing-lang`; GenAuth's default (Chinese) when nil.
    public var language: Language?
    /// How the client proves who it is: the management token by default.
    public var credentials: Credentials
    /// How long before the management token expires the client gets a new one, in seconds.
    public var tokenRefreshMargin: TimeInterval
    /// The host of GenAuth's event centre, for ``ManagementClient`` subscriptions (package trait `Events`):
    /// `wss://openevent.genauth.ai` by default.
    public var eventsHost: String
    /// How long one request may take, in seconds, before it fails with ``/GenAuthCore/GenAuthError/transport(_:)``.
    public var timeout: TimeInterval
    /// What sends the requests. ``/GenAuthCore/URLSessionTransport`` unless you provide your own.
    public var transport: any HTTPTransport

    /// Creates the options of a ``ManagementClient``.
    ///
    /// - Parameters:
    ///   - accessKeyId: The user pool's access key ID.
    ///   - accessKeySecret: The access key's secret.
    ///   - host: The API's address; `https://api.genauth.ai` by default.
    ///   - logger: Where log records go; nothing is logged by default.
    ///   - userPoolId: The user pool, where the token does not name it.
    ///   - tenantId: A tenant of the user pool.
    ///   - language: The language of GenAuth's messages.
    ///   - credentials: The management token (the default) or a signature on every request.
    ///   - tokenRefreshMargin: Seconds before its expiry the token is renewed; 60 by default.
    ///   - eventsHost: The event centre's host; `wss://openevent.genauth.ai` by default.
    ///   - timeout: Seconds one request may take; 10 by default.
    ///   - transport: What sends the requests; a ``/GenAuthCore/URLSessionTransport`` by default.
    public init(
        accessKeyId: String,
        accessKeySecret: String,
        host: String = "https://api.genauth.ai",
        logger: Logger = GenAuthLogging.disabled,
        userPoolId: String? = nil,
        tenantId: String? = nil,
        language: Language? = nil,
        credentials: Credentials = .managementToken,
        tokenRefreshMargin: TimeInterval = 60,
        eventsHost: String = GenAuthSDK.defaultEventsHost,
        timeout: TimeInterval = 10,
        transport: any HTTPTransport = URLSessionTransport()
    ) {
        self.accessKeyId = accessKeyId
        self.accessKeySecret = accessKeySecret
        self.host = host
        self.logger = logger
        self.userPoolId = userPoolId
        self.tenantId = tenantId
        self.language = language
        self.credentials = credentials
        self.tokenRefreshMargin = tokenRefreshMargin
        self.eventsHost = eventsHost
        self.timeout = timeout
        self.transport = transport
    }
}
