#if TokenValidation
import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// The application, the clock, the keys and the tokens of the token validation tests.
///
/// Every token is made once per test run by ``TokenMint`` (PyJWT), with dates around ``now``; the clients read a
/// fixed clock at ``now`` (or later, for the refetch interval), so the tokens never expire.
enum TokenFixtures {
    static let appId = "6389c43d0d5b1c3e1f1b2a3c"
    static let appSecret = "app-secret-9f8e7d6c5b4a39281706"
    static let issuer = "https://example.genauth.ai/oidc"
    /// 2025-11-30T12:00:00Z.
    static let now: TimeInterval = 1_764_504_000
    static let jwksPath = "/oidc/.well-known/jwks.json"
    static let nonce = "n-0S6_WzA2Mj"

    /// The claims of a valid ID token issued ten seconds ago for an hour, with `changes` applied (`nil` removes).
    static func idClaims(_ changes: [String: JSONValue?] = [:]) -> [String: JSONValue] {
        apply(changes, to: [
            "iss": .string(issuer), "sub": "6389c4a1e1ac3d8ac1f62b58", "aud": .string(appId),
            "iat": .integer(Int(now) - 10), "exp": .integer(Int(now) + 3600), "auth_time": .integer(Int(now) - 20),
            "nonce": .string(nonce), "at_hash": "77QmUPtjPfzWtF2AnpK9RQ",
            "name": "张三", "nickname": "san", "preferred_username": "zhangsan", "picture": "https://files.example.com/a.png",
            "email": "test@example.com", "email_verified": true, "phone_number": "188xxxx8888", "phone_number_verified": false,
            "updated_at": "2025-11-01T08:00:00.000Z", "locale": "zh-CN", "custom": ["plan": "pro", "seats": 3],
        ])
    }

    /// The claims of a valid access token, as GenAuth's samples show them, with `changes` applied.
    static func accessClaims(_ changes: [String: JSONValue?] = [:]) -> [String: JSONValue] {
        apply(changes, to: [
            "jti": "WT_5PO2DOtdzQ1WsuoV2d", "sub": "6389c4a1e1ac3d8ac1f62b58", "iat": .integer(Int(now) - 10),
            "exp": .integer(Int(now) + 1_209_600), "scope": "openid profile email offline_access", "iss": .string(issuer),
            "aud": .string(appId), "client_id": .string(appId), "tenant_id": "tenant-7",
        ])
    }

    private static func apply(_ changes: [String: JSONValue?], to claims: [String: JSONValue]) -> [String: JSONValue] {
        var claims = claims
        for (name, value) in changes { claims[name] = value }
        return claims
    }

    /// The tokens every test may use, by name.
    static let specs: [TokenMint.TokenSpec] = {
        typealias Spec = TokenMint.TokenSpec
        func rs(_ name: String, kid: String? = "A", key: String = "A", header: [String: JSONValue] = [:], _ claims: [String: JSONValue]) -> Spec {
            var header = header
            if let kid { header["kid"] = .string(kid) }
            return Spec(name: name, alg: "RS256", key: key, header: header, payload: claims)
        }
        let now = Int(Self.now)
        return [
            rs("id", idClaims()),
            Spec(name: "idHS256", alg: "HS256", payload: idClaims()),
            rs("access", accessClaims()),
            rs("accessAtJWT", header: ["typ": "at+jwt"], accessClaims()),
            rs("idSubChanged", idClaims(["sub": "someone-else"])),
            rs("idOtherKey", key: "C", idClaims()),
            rs("idRotated", kid: "B", key: "B", idClaims()),
            rs("idUnknownKid", kid: "Z", key: "C", idClaims()),
            rs("idNoKid", kid: nil, idClaims()),
            rs("idSmallKey", kid: "small", key: "small", idClaims()),
            Spec(name: "idNone", alg: "none", header: ["kid": "A"], payload: idClaims()),
            Spec(name: "idConfusion", alg: "HS256", key: "A", header: ["kid": "A"], payload: idClaims(), how: "hmacWithPublicKey"),
            Spec(name: "idHS512", alg: "HS512", payload: idClaims()),
            Spec(name: "idES256", alg: "ES256", key: "ec", header: ["kid": "ec"], payload: idClaims()),
            Spec(name: "accessHS256", alg: "HS256", payload: accessClaims()),
            Spec(name: "accessConfusion", alg: "HS256", key: "A", header: ["kid": "A"], payload: accessClaims(), how: "hmacWithPublicKey"),
            rs("idTypAtJWT", header: ["typ": "at+jwt"], idClaims()),
            rs("idCrit", header: ["crit": ["exp"], "exp": .integer(now)], idClaims()),
            Spec(name: "idDuplicateAlg", alg: "RS256", key: "A", payload: idClaims(), how: "raw",
                 rawHeader: #"{"alg":"RS256","kid":"A","\u0061lg":"HS256"}"#),
            Spec(name: "idDuplicateExp", alg: "RS256", key: "A", header: ["kid": "A"], payload: [:], how: "raw",
                 rawPayload: #"{"iss":"\#(issuer)","sub":"u-1","aud":"\#(appId)","iat":\#(now - 10),"exp":\#(now - 7200),"exp":\#(now + 3600)}"#),
            rs("idWrongIss", idClaims(["iss": "https://evil.example.com/oidc"])),
            rs("idWrongAud", idClaims(["aud": "another-app"])),
            rs("idAudiences", idClaims(["aud": [.string(appId), "another-app"]])),
            rs("idAudiencesAzp", idClaims(["aud": [.string(appId), "another-app"], "azp": .string(appId)])),
            rs("idAudiencesOtherAzp", idClaims(["aud": [.string(appId), "another-app"], "azp": "another-app"])),
            rs("idAudienceNotString", idClaims(["aud": .integer(42)])),
            rs("idExpiredBeyondLeeway", idClaims(["iat": .integer(now - 3600), "exp": .integer(now - 61)])),
            rs("idExpiredWithinLeeway", idClaims(["iat": .integer(now - 3600), "exp": .integer(now - 30)])),
            rs("idExpiresNow", idClaims(["exp": .integer(now)])),
            rs("idIssuedInFuture", idClaims(["iat": .integer(now + 300)])),
            rs("idIssuedWithinLeeway", idClaims(["iat": .integer(now + 30)])),
            rs("idNotBeforeFuture", idClaims(["nbf": .integer(now + 300)])),
            rs("idNotBeforeWithinLeeway", idClaims(["nbf": .integer(now + 30)])),
            rs("idNoExp", idClaims(["exp": nil])),
            rs("idExpText", idClaims(["exp": "tomorrow"])),
            rs("idNoIat", idClaims(["iat": nil])),
            rs("idNoSub", idClaims(["sub": nil])),
            rs("idNoIss", idClaims(["iss": nil])),
            rs("idNoNonce", idClaims(["nonce": nil])),
            rs("idNoAtHash", idClaims(["at_hash": nil])),
            rs("idFractionalExp", idClaims(["exp": .number(Self.now + 3600.5)])),
            rs("idIssIsSecret", idClaims(["iss": .string(appSecret)])),
            rs("idKidIsSecret", kid: appSecret, key: "C", idClaims()),
            rs("accessNoIatNoSub", accessClaims(["iat": nil, "sub": nil])),
            rs("accessWrongAud", accessClaims(["aud": "another-app"])),
            rs("accessExpired", accessClaims(["exp": .integer(now - 3600)])),
        ]
    }()

    /// The keys and tokens of ``specs``, made once for the whole run: A and B are published, C never is, `small` has
    /// 1024 bits and `ec` is a P-256 key.
    static let minted: Result<TokenMint.Minted, any Error> = Result {
        try TokenMint.mint(TokenMint.Request(
            keys: ["A": .init(bits: 2048), "B": .init(bits: 2048), "C": .init(bits: 2048), "small": .init(bits: 1024), "ec": .init(type: "EC")],
            tokens: specs, secret: appSecret))
    }

    static func token(_ name: String) throws -> String {
        try minted.get().token(name)
    }

    /// The public key `name` as GenAuth publishes its keys: `kty`, `n`, `e`, `kid`, `alg: RS256`, `use: sig`, with
    /// `changes` applied.
    static func jwk(_ name: String, kid: String? = nil, _ changes: [String: JSONValue?] = [:]) throws -> JSONValue {
        var jwk = try minted.get().keys[name].map(\.jwk) ?? [:]
        jwk["key_ops"] = nil
        jwk["kid"] = .string(kid ?? name)
        jwk["alg"] = "RS256"
        jwk["use"] = "sig"
        for (member, value) in changes { jwk[member] = value }
        return .object(jwk)
    }

    /// A client of `server` whose clock is `clock`.
    static func client(
        _ server: LoopbackServer, clock: TestClock = TestClock(), appSecret: String? = TokenFixtures.appSecret,
        appHost: String? = nil, options: TokenValidationOptions = TokenValidationOptions(issuer: TokenFixtures.issuer)
    ) -> AuthenticationClient {
        AuthenticationClient(
            options: AuthenticationClientOptions(
                appId: appId, appSecret: appSecret, appHost: appHost ?? server.baseURL, tokenValidation: options, timeout: 120),  // a guard against a hang on two busy cores
            clock: { clock.now })
    }
}

/// A clock the test moves.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: TokenFixtures.now)

    var now: Date { lock.withLock { current } }

    func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}

/// The key set a test's server publishes, which the test may change (a key rotation) or break.
final class KeySetHost: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: [JSONValue]
    private var status = 200
    private var delay: Double = 0

    init(_ keys: [JSONValue]) {
        self.keys = keys
    }

    func publish(_ keys: [JSONValue]) { lock.withLock { self.keys = keys } }
    func answer(status: Int) { lock.withLock { self.status = status } }
    func delay(by seconds: Double) { lock.withLock { delay = seconds } }

    /// A server that answers `GET /oidc/.well-known/jwks.json` (or `path`) with the key set, and 404 to anything else.
    func serve(at path: String = TokenFixtures.jwksPath) throws -> LoopbackServer {
        try LoopbackServer { [self] request in
            let (keys, status, delay) = lock.withLock { (self.keys, self.status, self.delay) }
            guard request.method == "GET", request.path == path else {
                return .json(404, #"{"statusCode":404,"message":"Not Found"}"#)
            }
            let body: Data = status == 200
                ? (try? JSONEncoder().encode(["keys": keys])) ?? Data()
                : Data(#"{"statusCode":500,"message":"服务器内部错误","requestId":"r-500"}"#.utf8)
            let reply = LoopbackServer.Reply.respond(status: status, body: body)
            return delay > 0 ? .delay(seconds: delay, then: reply) : reply
        }
    }
}

extension LoopbackServer {
    /// How many times the key set was asked for.
    var keySetRequests: Int {
        requests.filter { $0.path.hasSuffix("/jwks.json") }.count
    }
}

/// What a validation threw, or nil when it returned.
func failure<Result>(of body: () async throws(GenAuthError) -> Result) async -> GenAuthError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

/// Checks that `error` is `invalidToken` of `kind` (and `claim`), thrown by `operation` as a local call, and that no
/// text of it holds the token or the app secret.
func expectRefused(
    _ error: GenAuthError?, _ kind: TokenValidationFailure.Kind, claim: String? = nil, token: String,
    operation: String = "parseIDToken", sourceLocation: SourceLocation = #_sourceLocation
) {
    guard case .invalidToken(let failure)? = error else {
        Issue.record("expected invalidToken(\(kind)), got \(String(describing: error))", sourceLocation: sourceLocation)
        return
    }
    #expect(failure.kind == kind, "\(failure.message)", sourceLocation: sourceLocation)
    if let claim { #expect(failure.claim == claim, sourceLocation: sourceLocation) }
    #expect(failure.call == GenAuthCall(operation: operation, method: "", path: ""), sourceLocation: sourceLocation)
    #expect(error?.description.hasPrefix("\(operation): the token is not valid (\(kind)): ") == true, sourceLocation: sourceLocation)
    expectNoSecrets(error, token: token, sourceLocation: sourceLocation)
}

/// No description of `error` holds the token, any part of it longer than a few characters, or the app secret.
func expectNoSecrets(_ error: GenAuthError?, token: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let texts = [String(describing: error), String(reflecting: error), error?.localizedDescription ?? ""]
    let parts = token.split(separator: ".").map(String.init).filter { $0.count >= 8 }
    for text in texts {
        #expect(!text.contains(TokenFixtures.appSecret), "the app secret leaked: \(text)", sourceLocation: sourceLocation)
        if token.count >= 8 {
            #expect(!text.contains(token), "the token leaked: \(text)", sourceLocation: sourceLocation)
        }
        for part in parts {
            #expect(!text.contains(part), "a part of the token leaked: \(text)", sourceLocation: sourceLocation)
        }
    }
}
#endif
