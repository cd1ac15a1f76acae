#if Events
@_exported import GenAuthEvents

extension AuthenticationClient {
    /// Subscribes to the events of `eventCode` that GenAuth's event centre sends the signed-in user
    /// (`{eventsHost}/events/v1/authentication/sub?code=…&token=…`, over WebSocket).
    ///
    /// ```swift
    /// let client = AuthenticationClient(options: AuthenticationClientOptions(
    ///     appId: "GENAUTH_APP_ID",
    ///     appHost: "https://example.genauth.ai"
    /// ))
    /// client.setAccessToken("USER_ACCESS_TOKEN")   // or sign in first
    /// for try await event in client.subscribe(to: "authing.user.updated") {
    ///     print(event.payload)
    /// }
    /// ```
    ///
    /// The authentication side receives GenAuth's public events about the current user, and the user pool's custom
    /// events. Each connection carries the client's access token of that moment, in the query as GenAuth's event
    /// centre requires: a reconnection after ``setAccessToken(_:)`` uses the new token. Nothing is sent until the
    /// first event is asked for; see `EventSubscription` for the reconnections and the errors.
    /// Needs the package trait `Events`.
    ///
    /// - Parameters:
    ///   - eventCode: The event code, such as `authing.user.updated`, or one of the user pool's custom events.
    ///   - reconnect: When a dropped connection is reopened: `EventReconnectPolicy.default` (1 s
    ///     doubling to 30 s, ±20 %, 10 attempts in a row) unless you choose another.
    /// - Returns: The events, as they arrive. Without an access token, its first event throws
    ///   ``/GenAuthCore/GenAuthError/invalidRequest(_:)``.
    public func subscribe(to eventCode: String, reconnect: EventReconnectPolicy = .default) -> EventSubscription {
        let call = GenAuthCall(operation: "subscribe", method: "GET", path: "/events/v1/authentication/sub")
        let eventsHost = options.eventsHost
        return EventSubscription(
            eventCode: eventCode, call: call, reconnect: reconnect, timeout: options.timeout, logger: options.logger
        ) { [self] () throws(GenAuthError) -> EventEndpoint in
            guard !eventCode.isEmpty else { throw .invalidRequest(reason: "the event code must not be empty") }
            guard let token = accessToken, !token.isEmpty else {
                throw .invalidRequest(
                    reason: "subscribing to events needs the user's access token: sign in, or call setAccessToken(_:), first")
            }
            return try EventEndpoint(
                eventsHost: eventsHost, path: call.path, query: [("code", eventCode), ("token", token)], secrets: [token])
        }
    }
}
#else
extension AuthenticationClient {
    /// Stands in for the subscription types of the package trait `Events` when it is off, so that a call to
    /// `subscribe(to:)` fails to compile with the message that says how to turn it on.
    public struct EventsTraitRequired: AsyncSequence, AsyncIteratorProtocol, Sendable {
        /// Nothing.
        public typealias Element = Never
        /// Nothing.
        public typealias Failure = Never
        /// Stands in for `EventReconnectPolicy.default`.
        public static var `default`: Self { Self() }
        /// Stands in for `EventReconnectPolicy.never`.
        public static var never: Self { Self() }
        /// Nothing.
        public func makeAsyncIterator() -> Self { self }
        /// Nothing.
        public func next() async -> Never? { nil }
    }

    /// Subscribing to GenAuth's event centre needs the package trait `Events` (it brings SwiftNIO).
    @available(
        *, unavailable,
        message: "subscriptions need the package trait Events: .package(url: \"…/genauth-swift\", branch: \"main\", traits: [\"Events\"])"
    )
    public func subscribe(to eventCode: String, reconnect: EventsTraitRequired = .default) -> EventsTraitRequired {
        EventsTraitRequired()
    }
}
#endif
