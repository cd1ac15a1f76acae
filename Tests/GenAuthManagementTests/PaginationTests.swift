import Foundation
import Testing
@testable import GenAuthManagement
import GenAuthTestSupport

/// Paginated lists, item by item: page after page, lazily, until the total count or an empty page.
@Suite struct PaginationTests {
    static let events = (1...7).map { OpenEventDto(id: "e\($0)", code: "code-\($0)", topic: "user", name: "Event \($0)", desc: "-") }

    /// Answers `listEvents` with the events of the asked page, and the total count given.
    static func eventsServer(total: Int?, failing page: Int? = nil) throws -> LoopbackServer {
        try LoopbackServer { request in
            if request.path == Fixtures.tokenPath { return Fixtures.tokenAnswer() }
            let query = EndpointContract.formFields(request.query ?? "")
            let number = Int(query["page"] ?? "1") ?? 1, limit = Int(query["limit"] ?? "10") ?? 10
            if number == page { return .json(200, EndpointContract.failureEnvelope) }
            let items = Array(events.dropFirst((number - 1) * limit).prefix(limit))
            let list = String(decoding: try! JSONEncoder().encode(items), as: UTF8.self)
            return .json(200, #"{"statusCode":200,"message":"ok","data":{"list":\#(list),"totalCount":\#(total ?? 1000)}}"#)
        }
    }

    static func pages(_ server: LoopbackServer) -> [String] {
        server.requests.filter { $0.path == "/api/v3/list-events" }.map { $0.query ?? "" }
    }

    @Test func threePagesUpToTheTotalCount() async throws {
        let server = try Self.eventsServer(total: 7)
        var seen: [OpenEventDto] = []
        for try await event in Fixtures.client(server).listEventsItems(limit: 3) { seen.append(event) }
        #expect(seen == Self.events)
        #expect(Self.pages(server) == ["page=1&limit=3", "page=2&limit=3", "page=3&limit=3"])
    }

    @Test func pagesAreFetchedOnlyAsItemsAreUsed() async throws {
        let server = try Self.eventsServer(total: 7)
        var iterator = Fixtures.client(server).listEventsItems(limit: 3).makeAsyncIterator()
        #expect(Self.pages(server).isEmpty, "nothing is sent before the first item is asked for")
        for _ in 0..<3 { _ = try await iterator.next() }
        #expect(Self.pages(server).count == 1)
        _ = try await iterator.next()
        #expect(Self.pages(server).count == 2)
    }

    @Test func anEmptyPageEndsTheList() async throws {
        // The count says 1,000, but the list ends after seven.
        let server = try Self.eventsServer(total: nil)
        var count = 0
        for try await _ in Fixtures.client(server).listEventsItems(limit: 3) { count += 1 }
        #expect(count == 7)
        #expect(Self.pages(server).count == 4, "pages 1–3, then the empty page 4")
    }

    @Test func aPageThatFailsEndsTheIterationWithItsError() async throws {
        let server = try Self.eventsServer(total: 7, failing: 2)
        var seen = 0
        let error = await #expect(throws: GenAuthError.self) {
            for try await _ in Fixtures.client(server).listEventsItems(limit: 3) { seen += 1 }
        }
        #expect(seen == 3, "the items of page 1 come first")
        guard case .api(let failure)? = error else { Issue.record("expected api, got \(String(describing: error))"); return }
        #expect(failure.apiCode == 2004)
        #expect(Self.pages(server).count == 2)
    }

    @Test func aCancelledTaskStopsBeforeTheNextPage() async throws {
        let server = try Self.eventsServer(total: 7)
        let client = Fixtures.client(server)
        let task = Task { () -> (Int, GenAuthError?) in
            var seen = 0
            do {
                for try await _ in client.listEventsItems(limit: 3) {
                    seen += 1
                    if seen == 1 { withUnsafeCurrentTask { $0?.cancel() } }
                }
                return (seen, nil)
            } catch {
                return (seen, error as? GenAuthError)
            }
        }
        let (seen, error) = await task.value
        #expect(seen == 3, "the page already fetched is delivered")
        guard case .transport(let failure)? = error else { Issue.record("expected transport, got \(String(describing: error))"); return }
        #expect(failure.kind == .cancelled)
        #expect(Self.pages(server).count == 1, "no request after the cancellation")
    }

    @Test func aBodyPaginatedListSetsThePageOfEachRequest() async throws {
        let user = String(decoding: try JSONEncoder().encode(UserDto(
            userId: "u1", createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0), status: .activated,
            workStatus: .active, gender: .m, emailVerified: false, phoneVerified: false, userSourceType: .register)), as: UTF8.self)
        let server = try LoopbackServer { request in
            if request.path == Fixtures.tokenPath { return Fixtures.tokenAnswer() }
            let body = try! JSONDecoder().decode(ListUsersRequestDto.self, from: request.body)
            let page = body.options?.pagination?.page ?? 0
            return .json(200, #"{"statusCode":200,"message":"ok","data":{"list":\#(page <= 3 ? "[\(user),\(user)]" : "[]"),"totalCount":6}}"#)
        }
        let request = ListUsersRequestDto(keywords: "a", options: ListUsersOptionsDto(pagination: PaginationDto(page: 2, limit: 9), withCustomData: true))
        var count = 0
        for try await _ in Fixtures.client(server).listUsersItems(request, limit: 2) { count += 1 }
        #expect(count == 6, "three pages of two users, up to the total")
        let sent = try server.requests.filter { $0.path == "/api/v3/list-users" }
            .map { try JSONDecoder().decode(ListUsersRequestDto.self, from: $0.body) }
        #expect(sent.map { $0.options?.pagination?.page } == [1, 2, 3], "from the first page, whatever the request said")
        #expect(sent.allSatisfy { $0.keywords == "a" && $0.options?.withCustomData == true && $0.options?.pagination?.limit == 2 },
                "the limit given beside the request replaces the request's")
    }

    @Test func everyItemsMethodAsksForTheLargestPageByDefault() async throws {
        let server = try LoopbackServer { request in
            if request.path == Fixtures.tokenPath { return Fixtures.tokenAnswer() }
            return .json(200, #"{"statusCode":200,"message":"ok","data":{"list":[],"totalCount":0}}"#)
        }
        let client = Fixtures.client(server)
        for try await _ in client.listUsersItems() {}
        for try await _ in client.listRolesItems() {}
        let users = try #require(server.requests.first { $0.path == "/api/v3/list-users" })
        #expect(try JSONDecoder().decode(ListUsersRequestDto.self, from: users.body).options?.pagination?.limit == 50)
        let roles = try #require(server.requests.first { $0.path == "/api/v3/list-roles" })
        #expect(roles.query?.contains("limit=50") == true)
    }
}
