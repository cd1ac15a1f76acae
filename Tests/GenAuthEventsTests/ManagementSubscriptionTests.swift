#if Events
import Foundation
import GenAuthManagement
import Testing

/// Subscriptions of the management client: signed with the access key, the signature checked by the server (Python's
/// `hmac` and `hashlib`, not our code).
@Suite struct ManagementSubscriptionTests {
    @Test func aSubscriptionIsSignedWithTheAccessKeyAndTheServerAcceptsTheSignature() async throws {
        let centre = try await EventCentre("signed", Fixtures.accessKeyId, Fixtures.accessKeySecret)
        let client = Fixtures.managementClient(eventsHost: centre.url)
        let events = try await withHangGuard { try await firstEvents(client.subscribe(to: "authing.user.created"), count: 1) }
        #expect(events.map(\.payload) == [["verified": true]])
        #expect(events.first?.eventCode == "authing.user.created")

        let upgrades = try await centre.stop().filter { $0.event == "upgrade" }
        #expect(upgrades.count == 1)
        #expect(upgrades.first?["path"] == .string("/events/v1/management/sub"))
        #expect(upgrades.first?["query"] == .object(["code": "authing.user.created"]))
    }

    @Test func aWrongSecretIsRefusedOnceAndTheSignatureNeverShows() async throws {
        let centre = try await EventCentre("refuse", "403")
        let client = Fixtures.managementClient(eventsHost: centre.url, accessKeySecret: "not-the-secret-5e1d")
        let error = try await withHangGuard { await finalError(client.subscribe(to: "authing.user.created", reconnect: Fixtures.quick)) }
        let upgrades = try await centre.stop().filter { $0.event == "upgrade" }
        #expect(upgrades.count == 1, "a refusal is not retried")
        guard case .httpStatus(let failure)? = error, case .string(let authorization)? = upgrades.first?["authorization"] else {
            Issue.record("expected httpStatus and a signed upgrade, got \(String(describing: error)), \(upgrades)")
            return
        }
        #expect(failure.statusCode == 403)
        #expect(error?.call == Fixtures.managementCall)
        let signature = String(authorization.dropFirst("authing \(Fixtures.accessKeyId):".count))
        #expect(authorization.hasPrefix("authing \(Fixtures.accessKeyId):") && signature.count == 28, "base64 of 20 bytes")
        // The server quoted the whole header back: the access key ID may show, the signature must not.
        #expect(failure.message == "credentials authing \(Fixtures.accessKeyId):<redacted> are not valid")
        for text in [error?.description ?? "", String(decoding: failure.body, as: UTF8.self), failure.bodyPreview] {
            #expect(!text.contains(signature) && !text.contains("not-the-secret"), "\(text)")
        }
    }

    @Test func anEmptyAccessKeyIsRefusedBeforeAnythingIsSent() async {
        let client = ManagementClient(options: ManagementClientOptions(
            accessKeyId: "", accessKeySecret: "", eventsHost: "ws://127.0.0.1:1"))
        let error = await finalError(client.subscribe(to: "authing.user.created"))
        guard case .invalidRequest(let failure)? = error else {
            Issue.record("expected invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(failure.reason.contains("accessKeyId"))
        #expect(error?.call == Fixtures.managementCall)
    }
}
#endif
