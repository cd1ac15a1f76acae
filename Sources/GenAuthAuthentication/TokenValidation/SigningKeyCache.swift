#if TokenValidation
import Foundation

/// The application's signing keys (its JSON Web Key Set), as local token validation uses them.
///
/// - Fetched when first needed, then kept for the client's lifetime: validating a token costs no request.
/// - Fetched once for any number of validations waiting at the same time (single flight).
/// - Fetched again when a token names a `kid` the cached set does not have, since GenAuth may have rotated its keys;
///   but at most once per `jwksRefetchInterval` (RFC 7517 §4.5 leaves `kid` to the issuer, and a bearer can write
///   anything there), so that a stream of tokens with made-up `kid`s cannot turn the client against GenAuth.
/// - A failed fetch is not cached: the next validation that needs keys asks again, once.
///
/// GenAuth's other SDKs differ: Java keeps the first key whatever the `kid`, Node fetches the set on every call, Go
/// never fetches it again.
actor SigningKeyCache {
    typealias Fetch = @Sendable () async throws(GenAuthError) -> JSONWebKeySet

    /// What local validation takes as now: `exp`, `iat`, `nbf` and the refetch interval are measured with it.
    nonisolated let clock: @Sendable () -> Date
    private let fetch: Fetch
    private let refetchInterval: TimeInterval
    private var cached: JSONWebKeySet?
    /// When the last fetch started, successful or not: the refetch interval counts from it.
    private var lastFetchStarted: Date?
    /// The fetch in flight and its number: only the caller that started it stores its result.
    private var inFlight: (id: Int, task: Task<JSONWebKeySet, any Error>)?
    private var fetchesStarted = 0

    init(fetch: @escaping Fetch, refetchInterval: TimeInterval, clock: @escaping @Sendable () -> Date) {
        self.fetch = fetch
        self.refetchInterval = refetchInterval.isNaN ? TokenValidationOptions().jwksRefetchInterval : max(0, refetchInterval)
        self.clock = clock
    }

    /// The cache of a client: the set at `options.jwksPath` on the client's host, fetched with its executor (its
    /// transport, timeout and headers).
    init(options: TokenValidationOptions, executor: RequestExecutor, clock: @escaping @Sendable () -> Date) {
        self.init(
            fetch: Self.fetcher(executor: executor, path: options.jwksPath), refetchInterval: options.jwksRefetchInterval,
            clock: clock)
    }

    /// The keys that may verify an RS256 token whose header names `keyID`. Throws `unknownKey` when the set has none
    /// even after fetching it again (or when it may not be fetched again yet), and the fetch's own error when the
    /// set could not be fetched.
    func keys(for keyID: String?, _ failures: TokenFailures) async throws(GenAuthError) -> [JSONWebKeySet.VerificationKey] {
        let set: JSONWebKeySet
        let fetchedForThisCall: Bool
        if let cached {
            (set, fetchedForThisCall) = (cached, false)
        } else {
            (set, fetchedForThisCall) = (try await fetched(), true)
        }
        let reason: String
        switch set.select(keyID: keyID, failures) {
        case .found(let keys): return keys
        case .notFound(let why): reason = why
        }
        guard !fetchedForThisCall else { throw failures.error(.unknownKey, reason) }
        // The keys may have been rotated since the set was fetched: fetch it again if the interval allows (joining a
        // fetch already under way costs nothing). A clock set back since the last fetch does not hold refetches off.
        if inFlight == nil, let last = lastFetchStarted, case let elapsed = clock().timeIntervalSince(last),
           elapsed >= 0, elapsed < refetchInterval {
            throw failures.error(.unknownKey, reason + "; the key set was fetched \(Self.seconds(elapsed)) ago and is fetched "
                + "again at most once every \(Self.seconds(refetchInterval)) (tokenValidation.jwksRefetchInterval)")
        }
        switch try await fetched().select(keyID: keyID, failures) {
        case .found(let keys): return keys
        case .notFound(let why): throw failures.error(.unknownKey, why + ", even after fetching the key set again")
        }
    }

    /// The set, from the fetch in flight or from a new one.
    private func fetched() async throws(GenAuthError) -> JSONWebKeySet {
        let (id, task): (Int, Task<JSONWebKeySet, any Error>)
        if let inFlight {
            (id, task) = inFlight
        } else {
            fetchesStarted += 1
            lastFetchStarted = clock()
            let fetch = self.fetch
            (id, task) = (fetchesStarted, Task { () async throws -> JSONWebKeySet in try await fetch() })
            inFlight = (id, task)
        }
        do {
            let set = try await task.value
            if inFlight?.id == id {
                cached = set
                inFlight = nil
            }
            return set
        } catch {
            if inFlight?.id == id { inFlight = nil }
            throw error as? GenAuthError
                ?? .transport(TransportFailure(kind: .other, message: "fetching the signing keys failed"))
        }
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? "\(Int(value)) s" : "\(value) s"
    }
}

extension SigningKeyCache {
    /// `GET {appHost}{jwksPath}`, through the client's executor. Its errors name the step, as the management token's
    /// request does: `parseIDToken: fetching the signing keys (GET /oidc/.well-known/jwks.json) failed: …`.
    static func fetcher(executor: RequestExecutor, path: String) -> Fetch {
        let step = GenAuthCall.Step(purpose: "fetching the signing keys", method: "GET", path: path)
        return { () async throws(GenAuthError) -> JSONWebKeySet in
            // Appended to the host as it is: a path that does not start with "/" would change the host itself.
            guard path.hasPrefix("/") else {
                throw GenAuthError.invalidRequest(reason: "tokenValidation.jwksPath must start with '/', such as "
                    + "\(TokenValidationOptions.defaultJWKSPath)").failed(at: step)
            }
            // A public document (RFC 7517 §5): no user's token goes with it, whatever the client holds.
            var request = APIRequest(operation: "", method: "GET", path: path)
            request.sendsClientCredentials = false
            do throws(GenAuthError) {
                let document = try await executor.send(request, as: JSONWebKeySet.Document.self)
                return JSONWebKeySet(document)
            } catch {
                throw error.failed(at: step)
            }
        }
    }
}
#endif
