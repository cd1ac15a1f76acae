/// One page of a paginated list: its items, and the total count of items the server reports.
package struct Page<Element: Sendable>: Sendable {
    package var items: [Element]
    package var totalCount: Int?

    package init(items: [Element], totalCount: Int?) {
        self.items = items
        self.totalCount = totalCount
    }
}

/// Every item of a paginated list, fetched page after page, lazily, as you iterate:
///
/// ```swift
/// import GenAuthManagement
///
/// let client = ManagementClient(options: ManagementClientOptions(
///     accessKeyId: "GENAUTH_ACCESS_KEY_ID",
///     accessKeySecret: "GENAUTH_ACCESS_KEY_SECRET"
/// ))
/// for try await role in client.listRolesItems(limit: 50, namespace: "default") {
///     print(role.code)
/// }
/// ```
///
/// A page is requested only when the items of the one before are used up. Iteration ends after the item that
/// reaches the total count GenAuth reports, or at the first empty page. A page that fails ends it with that
/// page's ``GenAuthError``; a cancelled task ends it with ``GenAuthError/transport(_:)`` of kind
/// ``TransportFailure/Kind/cancelled``, before any further request. Each iteration starts from the first page.
public struct PageSequence<Element: Sendable>: AsyncSequence, Sendable {
    public typealias Failure = GenAuthError

    private let firstPage: Int
    private let fetch: @Sendable (Int) async throws(GenAuthError) -> Page<Element>

    /// - Parameters:
    ///   - firstPage: The number of the first page to fetch.
    ///   - fetch: Fetches the page of a number.
    package init(firstPage: Int, fetch: @escaping @Sendable (Int) async throws(GenAuthError) -> Page<Element>) {
        self.firstPage = firstPage
        self.fetch = fetch
    }

    /// Starts at the first page.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(page: firstPage, fetch: fetch)
    }

    /// Fetches the pages one after the other as their items are asked for.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private var page: Int
        private let fetch: @Sendable (Int) async throws(GenAuthError) -> Page<Element>
        private var buffer: [Element] = []
        private var position = 0
        private var delivered = 0
        private var finished = false

        init(page: Int, fetch: @escaping @Sendable (Int) async throws(GenAuthError) -> Page<Element>) {
            self.page = page
            self.fetch = fetch
        }

        /// The next item, fetching the next page when the current one is used up; nil after the last.
        public mutating func next() async throws(GenAuthError) -> Element? {
            while position == buffer.count {
                guard !finished else { return nil }
                if Task.isCancelled {
                    finished = true
                    throw .transport(TransportFailure(kind: .cancelled, message: "the calling task was cancelled"))
                }
                let result: Page<Element>
                do {
                    result = try await fetch(page)
                } catch {
                    finished = true
                    throw error
                }
                page += 1
                buffer = result.items
                position = 0
                if result.items.isEmpty { finished = true }
                if let total = result.totalCount, delivered + result.items.count >= total {
                    // The page that reaches the total is the last: its items beyond the total are not the list's.
                    buffer = Array(result.items.prefix(Swift.max(0, total - delivered)))
                    finished = true
                }
            }
            defer {
                position += 1
                delivered += 1
            }
            return buffer[position]
        }
    }
}
