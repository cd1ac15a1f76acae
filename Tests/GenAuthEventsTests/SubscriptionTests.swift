#if Events
import Foundation
import GenAuthAuthentication
import Testing

/// Subscriptions of the authentication client against a real WebSocket server (Python's `websockets`): what is
/// asked for, what arrives, and how a subscription ends.
@Suite struct SubscriptionTests {
    @Test func aSubscriptionAsksForItsCodeWithTheUsersTokenAndDeliversEveryMessageInOrder() async throws {
        let centre = try await EventCentre("stream", "500", "300000")
        let client = Fixtures.authenticationClient(eventsHost: centre.url)
        let code = "myapp.order paid&x=1"  // a code with characters the query must encode
        let events = try await withHangGuard { try await firstEvents(client.subscribe(to: code), count: 501) }

        #expect(events.prefix(500).map { $0["seq"] } == (0..<500).map { JSONValue.integer($0) })
        #expect(events.allSatisfy { $0.eventCode == code })
        #expect(events.prefix(500).allSatisfy { $0["code"] == .string(code) && $0["n"] == .integer(1) })
        if case .string(let big)? = events.last?["big"] {
            #expect(big.count == 300_000, "a message larger than websocket-kit's default frame size arrives whole")
        } else {
            Issue.record("the last message is missing: \(String(describing: events.last))")
        }
        // Ending the loop closed the connection, with a close handshake.
        try await centre.waitForRecord("the client's close") { $0.event == "closed" && $0["code"] == .integer(1000) }
        let upgrades = try await centre.stop().filter { $0.event == "upgrade" }
        #expect(upgrades.count == 1)
        #expect(upgrades.first?["path"] == .string("/events/v1/authentication/sub"))
        #expect(upgrades.first?["query"] == .object(["code": .string(code), "token": .string(Fixtures.userToken)]))
        #expect(upgrades.first?["authorization"] == .null, "the user's token travels in the query only")
        #expect(upgrades.first?["sdk"] == .string("swift:\(GenAuthSDK.version)"))
    }

    @Test func aMessageThatIsNotJSONIsKeptAsText() async throws {
        let centre = try await EventCentre("plain")
        let client = Fixtures.authenticationClient(eventsHost: centre.url)
        let events = try await withHangGuard { try await firstEvents(client.subscribe(to: "myapp.plain"), count: 4) }
        try await centre.stop()

        #expect(events.map(\.payload) == [
            .string("hello, this is not JSON"),
            .string("a JSON string"),
            ["a": [1, 2.5, nil, true]],
            ["binary": 1],  // a binary frame, read as UTF-8
        ])
    }

    @Test func anEventDecodesIntoTheAppsOwnTypeAndSaysWhereItDoesNot() async throws {
        struct Sequenced: Decodable, Equatable { var seq: Int; var code: String }
        struct Misfit: Decodable { var seq: String }

        let centre = try await EventCentre("stream", "2")
        let client = Fixtures.authenticationClient(eventsHost: centre.url)
        let events = try await withHangGuard { try await firstEvents(client.subscribe(to: "myapp.decoded"), count: 2) }
        try await centre.stop()

        #expect(try events.map { try $0.decode(Sequenced.self) } == [
            Sequenced(seq: 0, code: "myapp.decoded"), Sequenced(seq: 1, code: "myapp.decoded"),
        ])
        do {
            _ = try events[0].decode(Misfit.self)
            Issue.record("a number decoded as a string")
        } catch {
            guard case .undecodableResponse(let failure) = error else {
                Issue.record("expected undecodableResponse, got \(error)")
                return
            }
            #expect(failure.codingPath == "seq")
            #expect(failure.typeName.contains("Misfit"))
            #expect(error.call == Fixtures.authenticationCall)
        }
    }

    @Test func anIterationThrowsGenAuthErrorItself() async throws {
        let client = Fixtures.authenticationClient(eventsHost: "ws://127.0.0.1:1", token: nil)
        // `do throws(GenAuthError)` compiles only if `for try await` over a subscription throws GenAuthError, not
        // `any Error`: the catch needs no cast.
        do throws(GenAuthError) {
            for try await event in client.subscribe(to: "authing.user.updated") {
                Issue.record("an event without a token: \(event)")
            }
            Issue.record("the iteration ended without an error")
        } catch {
            guard case .invalidRequest(let failure) = error else {
                Issue.record("expected invalidRequest, got \(error)")
                return
            }
            #expect(failure.reason.contains("access token"))
            #expect(error.call == Fixtures.authenticationCall)
            #expect(error.description.hasPrefix("subscribe (GET /events/v1/authentication/sub): "))
        }
    }

    @Test func anEventsHostThatIsNotAWebSocketURLIsRefusedBeforeAnythingIsSent() async throws {
        for host in ["https://openevent.genauth.ai", "openevent.genauth.ai", "wss://", "wss://host/?q=1"] {
            let client = Fixtures.authenticationClient(eventsHost: host)
            let error = await finalError(client.subscribe(to: "authing.user.updated"))
            guard case .invalidRequest(let failure)? = error else {
                Issue.record("\(host): expected invalidRequest, got \(String(describing: error))")
                continue
            }
            #expect(failure.reason.contains("eventsHost"))
        }
    }

    @Test func cancellingTheTaskClosesTheSocketWithACloseHandshake() async throws {
        let centre = try await EventCentre("stream", "1")
        let client = Fixtures.authenticationClient(eventsHost: centre.url)
        let (arrivals, arrived) = AsyncStream.makeStream(of: GenAuthEvent.self)
        let task = Task { () -> GenAuthError? in
            do throws(GenAuthError) {
                for try await event in client.subscribe(to: "myapp.cancelled") { arrived.yield(event) }
                return nil
            } catch {
                return error
            }
        }
        let first = try await withHangGuard { await arrivals.first { _ in true } }
        #expect(first?["seq"] == .integer(0))
        task.cancel()

        let error = try await withHangGuard { await task.value }
        guard case .transport(let failure)? = error, failure.kind == .cancelled else {
            Issue.record("expected a cancelled transport failure, got \(String(describing: error))")
            return
        }
        #expect(error?.call == Fixtures.authenticationCall)
        try await centre.waitForRecord("the client's close") { $0.event == "closed" && $0["code"] == .integer(1000) }
        try await centre.stop()
    }

    @Test func cancellingADialThatHangsClosesItsSocket() async throws {
        let centre = try await EventCentre("silent")
        // A timeout no test waits for: only the cancellation can end this dial.
        let client = Fixtures.authenticationClient(eventsHost: centre.url, timeout: 3_600)
        let task = Task { await finalError(client.subscribe(to: "myapp.silent")) }
        try await centre.waitForRecord("the connection") { $0.event == "accepted" }
        task.cancel()

        let error = try await withHangGuard { await task.value }
        guard case .transport(let failure)? = error, failure.kind == .cancelled else {
            Issue.record("expected a cancelled transport failure, got \(String(describing: error))")
            return
        }
        try await centre.waitForRecord("the socket closed") { $0.event == "closed" }
        try await centre.stop()
    }

    @Test func aDialWithoutAnAnswerTimesOutAndClosesItsSocket() async throws {
        let centre = try await EventCentre("silent")
        let client = Fixtures.authenticationClient(eventsHost: centre.url, timeout: 0.5)
        let error = try await withHangGuard { await finalError(client.subscribe(to: "myapp.silent", reconnect: .never)) }
        guard case .transport(let failure)? = error, failure.kind == .timedOut else {
            Issue.record("expected a timed-out transport failure, got \(String(describing: error))")
            return
        }
        #expect(failure.message.contains("0.5 s"))
        try await centre.waitForRecord("the socket closed") { $0.event == "closed" }
        try await centre.stop()
    }

    @Test func aHundredSubscriptionsAtOnceEachGetTheirOwnEvents() async throws {
        let centre = try await EventCentre("stream", "3")
        let client = Fixtures.authenticationClient(eventsHost: centre.url)
        let results = try await withHangGuard(120) {
            try await withThrowingTaskGroup(of: (Int, [GenAuthEvent]).self) { group in
                for index in 0..<100 {
                    group.addTask { (index, try await firstEvents(client.subscribe(to: "myapp.event-\(index)"), count: 3)) }
                }
                return try await group.reduce(into: [Int: [GenAuthEvent]]()) { $0[$1.0] = $1.1 }
            }
        }
        #expect(results.count == 100)
        for (index, events) in results {
            #expect(events.map { $0["seq"] } == [.integer(0), .integer(1), .integer(2)], "subscription \(index)")
            #expect(events.allSatisfy { $0["code"] == .string("myapp.event-\(index)") }, "subscription \(index)")
            #expect(Set(events.map { $0["n"] }).count == 1, "subscription \(index): one connection")
        }
        let closes = { centre.records("closed").filter { $0["code"] == .integer(1000) }.count }
        try await centre.waitForRecord("a hundred closes") { _ in closes() == 100 }
        let upgrades = try await centre.stop().filter { $0.event == "upgrade" }
        #expect(upgrades.count == 100)
    }

    @Test func aSubscriptionOverTLSTrustsOnlyWhatItIsToldTo() async throws {
        let centre = try await EventCentre("tls")
        let pem = try #require(centre.certificatePEM)
        let client = Fixtures.authenticationClient(eventsHost: "wss://127.0.0.1:\(centre.port)")
        let subscription = client.subscribe(to: "myapp.secure", reconnect: .never)

        let events = try await withHangGuard { try await firstEvents(subscription.trusting(certificatesPEM: Array(pem.utf8)), count: 3) }
        #expect(events.map { $0["seq"] } == [.integer(0), .integer(1), .integer(2)])

        // The system's roots do not include the test's certificate: the dial fails, and says why.
        let error = try await withHangGuard { await finalError(subscription) }
        guard case .transport(let failure)? = error, failure.kind == .cannotConnect else {
            Issue.record("expected cannotConnect, got \(String(describing: error))")
            return
        }
        #expect(failure.message.lowercased().contains("certificate"), "\(failure.message)")
        try await centre.stop()
    }
}
#endif
