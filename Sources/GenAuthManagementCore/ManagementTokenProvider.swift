import Foundation
import GenAuthCore
import Logging

/// The management token: fetched when first needed, kept until `margin` seconds before it expires, fetched
/// once for any number of callers waiting at the same time, and dropped when GenAuth rejects it.
actor ManagementTokenProvider {
    struct Token: Sendable, Equatable {
        var value: String
        var expiresAt: Date
        /// The token's `scoped_userpool_id` claim.
        var userPoolId: String?
    }

    typealias Fetch = @Sendable () async throws(GenAuthError) -> Token

    private let fetch: Fetch
    private let margin: TimeInterval
    private let clock: @Sendable () -> Date
    private var cached: Token?
    /// The fetch in flight and its number: only the caller that started it stores its result.
    private var inFlight: (id: Int, task: Task<Token, any Error>)?
    private var fetches = 0

    init(fetch: @escaping Fetch, margin: TimeInterval, clock: @escaping @Sendable () -> Date) {
        self.fetch = fetch
        self.margin = margin
        self.clock = clock
    }

    /// A token valid for at least `margin` more seconds.
    func token() async throws(GenAuthError) -> Token {
        if let cached, clock() < cached.expiresAt.addingTimeInterval(-margin) { return cached }
        let (id, task): (Int, Task<Token, any Error>)
        if let inFlight {
            (id, task) = inFlight
        } else {
            fetches += 1
            let fetch = self.fetch
            (id, task) = (fetches, Task { () async throws -> Token in try await fetch() })
            inFlight = (id, task)
        }
        do {
            let token = try await task.value
            if inFlight?.id == id {
                cached = token
                inFlight = nil
            }
            return token
        } catch {
            if inFlight?.id == id { inFlight = nil }
            throw error as? GenAuthError ?? .transport(TransportFailure(kind: .other, message: "the token request failed"))
        }
    }

    /// GenAuth rejected `value`: the next call gets a new token (unless another caller already has).
    func rejected(_ value: String) {
        if cached?.value == value { cached = nil }
    }
}

extension ManagementTokenProvider {
    /// `POST /api/v3/get-management-token` with the access key, as GenAuth's management document describes it.
    static func fetcher(options: ManagementClientOptions, headers: [HTTPHeader], clock: @escaping @Sendable () -> Date) -> Fetch {
        let executor = RequestExecutor(
            host: options.host, hostOption: "host", headers: headers, secrets: [options.accessKeySecret],
            timeout: options.timeout, transport: options.transport, authorizer: NoAuthorizer(), logger: options.logger)
        let logger = options.logger
        let body = TokenRequest(accessKeyId: options.accessKeyId, accessKeySecret: options.accessKeySecret)
        return { () async throws(GenAuthError) -> Token in
            guard !body.accessKeyId.isEmpty, !body.accessKeySecret.isEmpty else {
                throw GenAuthError.invalidRequest(reason: "the options' accessKeyId and accessKeySecret must not be empty")
                    .failed(at: tokenStep)
            }
            let requested = clock()
            let response: TokenResponse
            do throws(GenAuthError) {
                response = try await executor.send(
                    APIRequest(
                        operation: "", method: "POST", path: tokenPath, body: .json(body), secrets: [body.accessKeySecret]),
                    as: TokenResponse.self)
            } catch {
                // Every call that needs the token fails with this error; the record says it once, whatever the call.
                logger.warning("getting the management token failed: \(error)", metadata: [
                    "http.request.method": "POST", "url.path": .string(tokenPath)])
                throw error.failed(at: tokenStep)
            }
            logger.info("got a management token, valid for \(Int(response.data.expiresIn)) s", metadata: [
                "http.request.method": "POST", "url.path": .string(tokenPath)])
            let token = response.data.accessToken
            return Token(
                value: token, expiresAt: requested.addingTimeInterval(response.data.expiresIn),
                userPoolId: JWTClaims.string("scoped_userpool_id", in: token))
        }
    }

    static let tokenPath = "/api/v3/get-management-token"
    /// How the errors of a call whose token request failed name the step.
    static let tokenStep = GenAuthCall.Step(purpose: "getting the management token", method: "POST", path: tokenPath)

    struct TokenRequest: Encodable, Sendable {
        var accessKeyId: String
        var accessKeySecret: String
    }

    struct TokenResponse: Decodable {
        struct Data: Decodable {
            var accessToken: String
            /// Seconds; GenAuth's document types it `number`, and a fraction must not fail every call.
            var expiresIn: Double

            enum CodingKeys: String, CodingKey {
                case accessToken = "access_token"
                case expiresIn = "expires_in"
            }
        }

        var data: Data
    }
}

/// Sends the management token, and the user pool it names.
struct ManagementTokenAuthorizer: RequestAuthorizer {
    let tokens: ManagementTokenProvider
    let userPoolId: String?

    func authorize(_ request: inout HTTPRequest) async throws(GenAuthError) -> [String] {
        let token = try await tokens.token()
        if let userPool = userPoolId ?? token.userPoolId, !userPool.isEmpty {
            request.headers.append(HTTPHeader(name: "x-authing-userpool-id", value: userPool))
        }
        request.headers.append(HTTPHeader(name: "authorization", value: "Bearer \(token.value)"))
        return [token.value]
    }

    func credentialsRejected(_ request: HTTPRequest) async -> Bool {
        guard let header = request.header("authorization"), header.hasPrefix("Bearer ") else { return false }
        await tokens.rejected(String(header.dropFirst("Bearer ".count)))
        return true
    }
}

/// Reads a claim of a JWT's payload, without checking its signature (the token comes from GenAuth itself).
enum JWTClaims {
    static func string(_ claim: String, in token: String) -> String? {
        let parts = token.split(separator: ".")
        guard parts.count >= 2 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object[claim] as? String
    }
}
