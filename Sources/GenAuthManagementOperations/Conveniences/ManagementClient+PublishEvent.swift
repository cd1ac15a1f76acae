// Publishing needs no WebSocket: it is here for every app, with or without the package trait `Events`. It returns a
// generated type, so it sits with the conveniences (which the generator's golden tests compile without), in the module
// of that type (events.yaml's).

import GenAuthCore
import GenAuthManagementCore

extension ManagementClient {
    /// Publishes a custom event to GenAuth's event centre (`POST /api/v3/pub-event`), which delivers it to every
    /// subscription to `eventType`.
    ///
    /// ```swift
    /// let client = ManagementClient(options: ManagementClientOptions(
    ///     accessKeyId: "GENAUTH_ACCESS_KEY_ID",
    ///     accessKeySecret: "GENAUTH_ACCESS_KEY_SECRET"
    /// ))
    /// struct OrderPaid: Codable, Sendable { var orderId: String; var amount: Int }
    ///
    /// _ = try await client.pubEvent("myapp.order.paid", data: OrderPaid(orderId: "A-1024", amount: 4200))
    /// ```
    ///
    /// The management client may publish only the custom events the user pool defines (GenAuth console → Event
    /// centre, or ``defineEvent(_:)``), not GenAuth's own such as `authing.user.created`.
    ///
    /// `eventData` travels as JSON **text** — `{"eventData":"{\"amount\":4200,\"orderId\":\"A-1024\"}",
    /// "eventType":"myapp.order.paid"}` — as GenAuth's Node, Python, Go and iOS SDKs send it, although GenAuth's API
    /// document types it as an object. (The generated ``verifyEvent(_:)`` sends a ``PubEventDto``, whose `eventData`
    /// is an object, as the document says.)
    ///
    /// - Parameters:
    ///   - eventType: The event's code, such as `myapp.order.paid`.
    ///   - data: The event's data: any `Encodable` value, sent as its JSON text.
    /// - Returns: GenAuth's answer, once it has reported success.
    /// - Throws: ``/GenAuthCore/GenAuthError``: ``/GenAuthCore/GenAuthError/invalidRequest(_:)`` when `data` cannot be
    ///   encoded as JSON (nothing is sent); otherwise as any call does.
    public func pubEvent(_ eventType: String, data: some Encodable & Sendable) async throws(GenAuthError) -> PubEventRespDto {
        try await publishEvent(eventType, data: data)
    }

    /// Publishes a custom event whose data is a ``/GenAuthCore/JSONValue``, such as a literal
    /// (`POST /api/v3/pub-event`):
    ///
    /// ```swift
    /// let client = ManagementClient(options: ManagementClientOptions(
    ///     accessKeyId: "GENAUTH_ACCESS_KEY_ID",
    ///     accessKeySecret: "GENAUTH_ACCESS_KEY_SECRET"
    /// ))
    /// _ = try await client.pubEvent("myapp.order.paid", data: ["orderId": "A-1024", "amount": 4200])
    /// ```
    ///
    /// As with the overload that takes any `Encodable`, `eventData` travels as JSON text.
    ///
    /// - Parameters:
    ///   - eventType: The event's code, such as `myapp.order.paid`.
    ///   - data: The event's data, sent as its JSON text.
    /// - Returns: GenAuth's answer, once it has reported success.
    /// - Throws: ``/GenAuthCore/GenAuthError``, as any call does.
    public func pubEvent(_ eventType: String, data: JSONValue) async throws(GenAuthError) -> PubEventRespDto {
        try await publishEvent(eventType, data: data)
    }

    private func publishEvent(_ eventType: String, data: some Encodable) async throws(GenAuthError) -> PubEventRespDto {
        let call = GenAuthCall(operation: "pubEvent", method: "POST", path: "/api/v3/pub-event")
        let body = try EventPublication(eventType: eventType, data: data, call: call)
        return try await executor.send(
            APIRequest(operation: call.operation, method: call.method, path: call.path, body: .json(body)),
            as: PubEventRespDto.self)
    }
}
