#if TokenValidation
import Foundation
import GenAuthCrypto

/// Validates one token locally, in the order RFC 7515 §5.2 and RFC 7519 §7.2 give: the compact serialization, the
/// header and its algorithm, the signature, and only then the claims.
struct LocalTokenValidator {
    /// The client whose options (app ID, secret, host, ``TokenValidationOptions``) and signing keys are used.
    let client: AuthenticationClient
    /// The SDK method, which every error names.
    let operation: String

    /// The signature algorithms accepted (RFC 8725 §3.1: an allow-list, and the algorithm decides the key).
    enum Algorithm {
        /// RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3), with a key of the application's key set.
        case rs256
        /// HMAC with SHA-256 (RFC 7518 §3.2), with the app secret: GenAuth signs ID tokens this way when the
        /// application is set to HS256.
        case hs256
    }

    /// The validated claims of `token`, or `GenAuthError.invalidToken` with the check that failed (or the error of the
    /// key set's fetch, naming that step).
    func validate(_ token: String, as expectation: ClaimChecks.Expectation) async throws(GenAuthError) -> ValidatedClaims {
        let failures = TokenFailures(token: token, appSecret: client.options.appSecret)
        do throws(GenAuthError) {
            let jws = try CompactJWS(parsing: token, failures)
            let algorithm = try Self.algorithm(of: jws.header, for: expectation, failures)
            try Self.checkHeader(jws.header, for: expectation, failures)
            try await verifySignature(of: jws, with: algorithm, failures)
            let options = client.options.tokenValidation
            return try ClaimChecks(
                claims: try jws.claims(failures), issuer: options.issuer ?? Self.defaultIssuer(appHost: client.options.appHost),
                appId: client.options.appId, now: client.signingKeys.clock(), leeway: options.leeway, failures
            ).validate(expectation)
        } catch {
            throw error.thrown(by: GenAuthCall(operation: operation, method: "", path: ""))
        }
    }

    /// `{appHost}/oidc`, the issuer GenAuth writes in its tokens.
    static func defaultIssuer(appHost: String) -> String {
        var host = appHost.trimmingCharacters(in: .whitespaces)
        while host.hasSuffix("/") { host.removeLast() }
        return host + "/oidc"
    }

    /// The header's `alg`, if the allow-list has it for this kind of token (RFC 8725 §3.1; RFC 7515 §5.2 step 8
    /// leaves the choice of algorithms to the application). `none` (RFC 7518 §3.6) is never accepted.
    static func algorithm(of header: JOSEHeader, for expectation: ClaimChecks.Expectation, _ failures: TokenFailures) throws(GenAuthError) -> Algorithm {
        switch (header.algorithm, expectation) {
        case ("RS256", _):
            return .rs256
        case ("HS256", .idToken):
            return .hs256
        case ("HS256", .accessToken):
            throw failures.error(.unsupportedAlgorithm, "alg is HS256; access tokens are accepted only with RS256, signed with a key of GenAuth's key set (RFC 9068 §4)")
        case (let algorithm, _) where algorithm.lowercased() == "none":
            throw failures.error(.unsupportedAlgorithm, "alg is \(failures.quote(algorithm)): an unsecured token, without signature, is never accepted (RFC 8725 §3.1)")
        case (let algorithm, .idToken):
            throw failures.error(.unsupportedAlgorithm, "alg is \(failures.quote(algorithm)); ID tokens are accepted with RS256 or HS256 only (RFC 8725 §3.1)")
        case (let algorithm, .accessToken):
            throw failures.error(.unsupportedAlgorithm, "alg is \(failures.quote(algorithm)); access tokens are accepted with RS256 only (RFC 8725 §3.1)")
        }
    }

    /// The rest of the header: extensions and the token's type.
    static func checkHeader(_ header: JOSEHeader, for expectation: ClaimChecks.Expectation, _ failures: TokenFailures) throws(GenAuthError) {
        // RFC 7515 §4.1.11 and §5.2 step 5: an extension marked critical must be understood, and this validator
        // implements none (`b64` of RFC 7797 included), so any `crit` is refused.
        if let critical = header.critical {
            let names: String
            if case .array(let values) = critical, !values.isEmpty {
                names = values.prefix(3).map(failures.describe).joined(separator: ", ") + (values.count > 3 ? ", …" : "")
            } else {
                names = failures.describe(critical)
            }
            throw failures.error(.malformed, "the header marks \(names) critical (crit), an extension this validator does not implement (RFC 7515 §4.1.11)")
        }
        // RFC 9068 §2.1 and RFC 8725 §3.11: `at+jwt` marks an access token, which must not pass for an ID token. An
        // access token's `typ` is not required to be `at+jwt` (RFC 9068 §4 item 1), since GenAuth's access tokens are not
        // documented to carry it; a `typ` that names another kind of JWT is refused.
        guard let type = header.type else { return }
        let mediaType = type.lowercased().hasPrefix("application/") ? String(type.lowercased().dropFirst("application/".count)) : type.lowercased()
        switch (mediaType, expectation) {
        case ("jwt", _), ("at+jwt", .accessToken):
            return
        case ("at+jwt", .idToken):
            throw failures.error(.malformed, "the header's typ is \(failures.quote(type)): the token is an access token, not an ID token (RFC 9068 §2.1, RFC 8725 §3.11)")
        default:
            throw failures.error(.malformed, "the header's typ is \(failures.quote(type)), not JWT\(expectation.isAccessToken ? " or at+jwt" : "") (RFC 8725 §3.11)")
        }
    }

    /// RFC 7515 §5.2 step 8: the signature over the signing input, with the key the algorithm calls for. An RSA key
    /// is never used as an HMAC secret, nor the app secret with RS256 (RFC 8725 §2.1, algorithm confusion).
    func verifySignature(of jws: CompactJWS, with algorithm: Algorithm, _ failures: TokenFailures) async throws(GenAuthError) {
        switch algorithm {
        case .hs256:
            guard let secret = client.options.appSecret, !secret.isEmpty else {
                throw failures.error(.unknownKey, "the token is HS256, signed with the application's secret, and the client's options have no appSecret; give it where it stays secret (a server)")
            }
            // The codes are compared in constant time, so the time taken says nothing about the expected code.
            guard HMAC<SHA256>.isValidAuthenticationCode(Array(jws.signature), for: Array(jws.signingInput), key: Array(secret.utf8)) else {
                throw failures.error(.invalidSignature, "the HS256 signature does not verify with the app secret")
            }
        case .rs256:
            let keys = try await client.signingKeys.keys(for: jws.header.keyID, failures)
            let (signature, signingInput) = (Array(jws.signature), Array(jws.signingInput))
            guard keys.contains(where: { $0.publicKey.isValidSignature(signature, for: signingInput) }) else {
                let name = keys.first?.keyID.map { " \(failures.quote($0))" } ?? ""
                throw failures.error(.invalidSignature, "the RS256 signature does not verify with the key set's key\(name)")
            }
        }
    }
}

extension ClaimChecks.Expectation {
    var isAccessToken: Bool {
        if case .accessToken = self { return true }
        return false
    }
}
#endif
