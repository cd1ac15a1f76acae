import Foundation

/// The body of a custom event published to GenAuth's event centre (`POST /api/v3/pub-event` and
/// `POST /api/v3/pub-userEvent`), as GenAuth's maintained SDKs send it: `eventData` is the event's data written as
/// JSON *text*, a string field, not a nested object.
///
/// GenAuth's management document types `eventData` as an object, but its Node, Python, Go and iOS SDKs all send a
/// JSON string (Node `pub(eventName, data: string)`, Python `json.dumps(data)`, Go `string(json.Marshal(data))`, iOS
/// `JSONSerialization` into a string): that is the form the event centre is known to accept and deliver, so the
/// hand-written `pubEvent`/`pubUserEvent` overloads send it. The generated `verifyEvent(_:)` and
/// `ManagementClient.pubUserEvent(_:)` (taking a `PubEventDto`) still send an object, as the document says.
package struct EventPublication: Encodable, Sendable {
    package var eventType: String
    package var eventData: String

    /// Writes `data` as JSON text (keys sorted, dates as the SDK writes them), for the call `call`.
    package init(eventType: String, data: some Encodable, call: GenAuthCall) throws(GenAuthError) {
        let text: String
        do {
            text = String(decoding: try JSONCoding.makeEncoder().encode(data), as: UTF8.self)
        } catch {
            throw GenAuthError.invalidRequest(reason: "the event's data cannot be encoded as JSON: \(error)")
                .thrown(by: call)
        }
        self.eventType = eventType
        self.eventData = text
    }
}
