// Publishing needs no WebSocket: it is here for every app, with or without the package trait `Events`. It returns a
// generated type, so it sits with the conveniences (which the generator's golden tests compile without).

extension AuthenticationClient {
    /// Publishes a custom event to GenAuth's event centre as the signed-in user (`POST /api/v3/pub-userEvent`, with
    /// the client's access token), which delivers it to every subscription to `eventType`.
    ///
    /// ```swift
    /// let client = AuthenticationClient(options: AuthenticationClientOptions(
    ///     appId: "GENAUTH_APP_ID",
    ///     appHost: "https://example.genauth.ai"
    /// ))
    /// client.setAccessToken("USER_ACCESS_TOKEN")
    /// struct CartShared: Codable, Sendable { var cartId: String }
    ///
    /// _ = try await client.pubUserEvent("myapp.cart.shared", data: CartShared(cartId: "c-17"))
    /// ```
    ///
    /// The authentication side may publish only the custom events the user pool defines (GenAuth console → Event
    /// centre), not GenAuth's own such as `authing.user.login`. GenAuth's API document lists this endpoint among the
    /// management API's, but it is the user's call: it carries the user's token.
    ///
    /// `eventData` travels as JSON **text** — `{"eventData":"{\"cartId\":\"c-17\"}","eventType":"myapp.cart.shared"}`
    /// — as GenAuth's Node, Python, Go and iOS SDKs send it, although GenAuth's API document types it as an object.
    ///
    /// - Parameters:
    ///   - eventType: The event's code, such as `myapp.cart.shared`.
    ///   - data: The event's data: any `Encodable` value, sent as its JSON text.
    /// - Returns: GenAuth's answer, once it has reported success (`data.success`).
    /// - Throws: ``/GenAuthCore/GenAuthError``: ``/GenAuthCore/GenAuthError/invalidRequest(_:)`` when the client has no access
    ///   token or `data` cannot be encoded as JSON (nothing is sent); otherwise as any call does.
    public func pubUserEvent(_ eventType: String, data: some Encodable & Sendable) async throws(GenAuthError) -> IsSuccessRespDto {
        try await publishUserEvent(eventType, data: data)
    }

    /// Publishes a custom event whose data is a ``/GenAuthCore/JSONValue``, such as a literal, as the signed-in user
    /// (`POST /api/v3/pub-userEvent`):
    ///
    /// ```swift
    /// let client = AuthenticationClient(options: AuthenticationClientOptions(
    ///     appId: "GENAUTH_APP_ID",
    ///     appHost: "https://example.genauth.ai"
    /// ))
    /// client.setAccessToken("USER_ACCESS_TOKEN")
    /// _ = try await client.pubUserEvent("myapp.cart.shared", data: ["cartId": "c-17", "items": 3])
    /// ```
    ///
    /// As with the overload that takes any `Encodable`, `eventData` travels as JSON text.
    ///
    /// - Parameters:
    ///   - eventType: The event's code, such as `myapp.cart.shared`.
    ///   - data: The event's data, sent as its JSON text.
    /// - Returns: GenAuth's answer, once it has reported success (`data.success`).
    /// - Throws: ``/GenAuthCore/GenAuthError``: ``/GenAuthCore/GenAuthError/invalidRequest(_:)`` when the client has no access
    ///   token (nothing is sent); otherwise as any call does.
    public func pubUserEvent(_ eventType: String, data: JSONValue) async throws(GenAuthError) -> IsSuccessRespDto {
        try await publishUserEvent(eventType, data: data)
    }

    private func publishUserEvent(_ eventType: String, data: some Encodable) async throws(GenAuthError) -> IsSuccessRespDto {
        let call = GenAuthCall(operation: "pubUserEvent", method: "POST", path: "/api/v3/pub-userEvent")
        // Without a token GenAuth can only refuse; say why before sending anything.
        guard let token = accessToken, !token.isEmpty else {
            throw GenAuthError.invalidRequest(
                reason: "publishing a user event needs the user's access token: sign in, or call setAccessToken(_:), first"
            ).thrown(by: call)
        }
        let body = try EventPublication(eventType: eventType, data: data, call: call)
        return try await executor.send(
            APIRequest(operation: call.operation, method: call.method, path: call.path, body: .json(body)),
            as: IsSuccessRespDto.self)
    }
}
