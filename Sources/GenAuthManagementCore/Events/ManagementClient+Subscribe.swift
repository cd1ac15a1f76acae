#if Events
@_exported import GenAuthEvents

extension ManagementClient {
    /// Subscribes to the events of `eventCode` in the user pool, as its administrator
    /// (`{eventsHost}/events/v1/management/sub?code=…`, over WebSocket).
    ///
    /// ```swift
    /// let client = ManagementClient(options: ManagementClientOptions(
    ///     accessKeyId: "GENAUTH_ACCESS_KEY_ID",
    ///     accessKeySecret: "GENAUTH_ACCESS_KEY_SECRET"
    /// ))
    /// for try await event in client.subscribe(to: "authing.user.created") {
    ///     print(event.payload)
    /// }
    /// ```
    ///
    /// The management side receives the user pool's public and private events, GenAuth's own (such as
    /// `authing.user.created`) and its custom ones; ``listEvents(page:limit:app:)`` lists them. Each connection is signed
    /// with the access key of the options, as GenAuth's SDKs sign it: `authorization: authing
    /// <accessKeyId>:<base64(HMAC-SHA1(accessKeySecret, "websocket\n"))>`, whatever the options' `credentials`.
    /// Nothing is sent until the first event is asked for; see `EventSubscription` for the
    /// reconnections and the errors. Needs the package trait `Events`.
    ///
    /// - Parameters:
    ///   - eventCode: The event code, such as `authing.user.created`.
    ///   - reconnect: When a dropped connection is reopened: `EventReconnectPolicy.default` (1 s
    ///     doubling to 30 s, ±20 %, 10 attempts in a row) unless you choose another.
    /// - Returns: The events, as they arrive.
    public func subscribe(to eventCode: String, reconnect: EventReconnectPolicy = .default) -> EventSubscription {
        let call = GenAuthCall(operation: "subscribe", method: "GET", path: "/events/v1/management/sub")
        let options = self.options
        return EventSubscription(
            eventCode: eventCode, call: call, reconnect: reconnect, timeout: options.timeout, logger: options.logger
        ) { () throws(GenAuthError) -> EventEndpoint in
            guard !eventCode.isEmpty else { throw .invalidRequest(reason: "the event code must not be empty") }
            guard !options.accessKeyId.isEmpty, !options.accessKeySecret.isEmpty else {
                throw .invalidRequest(reason: "the options' accessKeyId and accessKeySecret must not be empty")
            }
            // GenAuth's string to sign for a subscription: the method `websocket`, no path, no header, no query. The
            // signature is therefore the same for every connection: it is kept out of errors and logs like a secret.
            let signature = AccessKeySigner.sign("websocket\n", secret: options.accessKeySecret)
            return try EventEndpoint(
                eventsHost: options.eventsHost, path: call.path, query: [("code", eventCode)],
                headers: [(name: "authorization", value: "authing \(options.accessKeyId):\(signature)")],
                secrets: [signature, options.accessKeySecret])
        }
    }
}
#else
extension ManagementClient {
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
