#if Events
import Foundation
import GenAuthCore

/// One message of GenAuth's event centre, as a subscription received it.
///
/// GenAuth publishes no schema for these messages, so the SDK keeps each whole: ``payload`` is the message as
/// JSON (every field, as sent), or the text itself when a message is not JSON. Decode it into a type of your own
/// with ``decode(_:)``:
///
/// ```swift
/// struct UserCreated: Decodable { var userId: String? }
///
/// let event = GenAuthEvent(eventCode: "authing.user.created", payload: ["userId": "6229ffaxxxxxxxxcade3e3d9"])
/// let created = try event.decode(UserCreated.self)
/// print(event.eventCode, created.userId ?? "-")
/// ```
public struct GenAuthEvent: Sendable, Hashable {
    /// The event code the subscription is for, such as `authing.user.created`.
    public var eventCode: String
    /// The whole message: a JSON value as the server sent it, or ``/GenAuthCore/JSONValue/string(_:)`` with the text
    /// of a message that is not JSON.
    public var payload: JSONValue
    /// The subscription that received it, which decoding errors name.
    let call: GenAuthCall?

    /// Creates an event, such as one to test your handling of events with.
    ///
    /// - Parameters:
    ///   - eventCode: The event code.
    ///   - payload: The message.
    public init(eventCode: String, payload: JSONValue) {
        self.init(eventCode: eventCode, payload: payload, call: nil)
    }

    init(eventCode: String, payload: JSONValue, call: GenAuthCall?) {
        self.eventCode = eventCode
        self.payload = payload
        self.call = call
    }

    /// The event of a text message: its JSON value, or the text itself when it is not JSON.
    init(eventCode: String, text: String, call: GenAuthCall) {
        let payload = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
        self.init(eventCode: eventCode, payload: payload, call: call)
    }

    /// The payload decoded as `type`, with the SDK's decoder (GenAuth's date formats included).
    ///
    /// - Parameter type: The type to decode; inferred from the context when left out.
    /// - Returns: The decoded value.
    /// - Throws: ``/GenAuthCore/GenAuthError/undecodableResponse(_:)`` naming where the payload does not match `type`,
    ///   and the subscription's call.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws(GenAuthError) -> T {
        let body = (try? JSONCoding.makeEncoder().encode(payload)) ?? Data()
        do {
            return try JSONCoding.makeDecoder().decode(T.self, from: body)
        } catch {
            let failure = RequestExecutor.undecodable(error, type: T.self, body: body, redactor: Redactor(secrets: []))
            let decodeCall = call ?? GenAuthCall(operation: "GenAuthEvent.decode", method: "", path: "")
            throw GenAuthError.undecodableResponse(failure).thrown(by: decodeCall)
        }
    }
}
#endif
