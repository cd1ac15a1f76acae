#if Events
import Foundation
import GenAuthCore

/// Where one connection of a subscription goes, and what it carries: the WebSocket URL split as a dial needs it,
/// the upgrade request's headers, and the values (a token, a signature) that must never appear in an error or a log.
package struct EventEndpoint: Sendable {
    /// Whether the connection is `wss://` (TLS) or `ws://`.
    var secure: Bool
    /// The host to connect to, without the brackets of an IPv6 address.
    var host: String
    var port: Int
    /// The upgrade request's target: the path, `?` and the percent-encoded query.
    var target: String
    /// The `Host` header: the host, and the port when it is not the scheme's.
    var hostHeader: String
    var headers: [(name: String, value: String)]
    var secrets: [String]

    /// An endpoint on the event centre `eventsHost` (`wss://openevent.genauth.ai`, or with a path prefix for a
    /// private deployment).
    ///
    /// - Parameters:
    ///   - path: The subscription's path, such as `/events/v1/authentication/sub`.
    ///   - query: Query parameters, percent-encoded here.
    ///   - headers: Headers of the upgrade request, besides those of the SDK.
    ///   - secrets: Values that errors and logs must never show.
    package init(
        eventsHost: String, path: String, query: [(String, String)], headers: [(name: String, value: String)] = [],
        secrets: [String]
    ) throws(GenAuthError) {
        guard let components = URLComponents(string: eventsHost.trimmingCharacters(in: .whitespaces)),
              let scheme = components.scheme?.lowercased(), scheme == "ws" || scheme == "wss",
              var host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil, components.user == nil
        else {
            throw .invalidRequest(reason: "eventsHost '\(eventsHost)' is not a ws:// or wss:// URL, such as wss://openevent.genauth.ai")
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        secure = scheme == "wss"
        self.host = host
        let defaultPort = secure ? 443 : 80
        port = components.port ?? defaultPort
        let bracketed = host.contains(":") ? "[\(host)]" : host
        hostHeader = port == defaultPort ? bracketed : "\(bracketed):\(port)"
        var prefix = components.percentEncodedPath
        while prefix.hasSuffix("/") { prefix.removeLast() }
        target = prefix + path
        if !query.isEmpty {
            target += "?" + query.map { "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))" }
                .joined(separator: "&")
        }
        self.headers = [
            (name: "x-authing-request-from", value: "sdk"),
            (name: "x-authing-sdk-version", value: "swift:\(GenAuthSDK.version)"),
        ] + headers
        self.secrets = secrets.filter { !$0.isEmpty }
    }

    /// Removes this endpoint's secrets from `text`.
    var redactor: Redactor { Redactor(secrets: secrets) }
}
#endif
