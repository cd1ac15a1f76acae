#if TokenValidation
import Foundation
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// Keys and tokens made by a library that is not ours: PyJWT 2.10.1 with `cryptography` (`Tests/requirements.txt`,
/// installed by `Scripts/test-venv`), run as a child process. The forgeries PyJWT refuses to make (HS256 keyed with
/// an RSA public key, a header with a repeated name) are made in the same script with Python's `hmac` and
/// `cryptography`.
enum TokenMint {
    static let script = #"""
        import base64, hashlib, hmac, json, sys
        import jwt
        from jwt.algorithms import ECAlgorithm, RSAAlgorithm
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

        request = json.load(sys.stdin)
        def b64(data): return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
        def compact(header_text, payload):
            return b64(header_text.encode()) + "." + b64(json.dumps(payload, separators=(",", ":")).encode())

        keys, described = {}, {}
        for name, spec in request["keys"].items():
            if "pem" in spec:
                key = serialization.load_pem_private_key(spec["pem"].encode(), None)
            elif spec.get("type") == "EC":
                key = ec.generate_private_key(ec.SECP256R1())
            else:
                key = rsa.generate_private_key(public_exponent=65537, key_size=spec.get("bits", 2048))
            keys[name] = key
            public = key.public_key()
            algorithm = RSAAlgorithm if isinstance(key, rsa.RSAPrivateKey) else ECAlgorithm
            described[name] = {
                "pem": key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption()).decode(),
                "publicPem": public.public_bytes(serialization.Encoding.PEM,
                                                 serialization.PublicFormat.SubjectPublicKeyInfo).decode(),
                "jwk": json.loads(algorithm.to_jwk(public)),
            }

        tokens = {}
        for spec in request["tokens"]:
            alg, header, payload, how = spec["alg"], spec.get("header", {}), spec["payload"], spec.get("how", "pyjwt")
            if how == "pyjwt":
                key = None if alg == "none" else request["secret"] if alg.startswith("HS") else keys[spec["key"]]
                token = jwt.encode(payload, key, algorithm=alg, headers=header or None)
            elif how == "jws":
                # PyJWT's JWS layer signs any payload bytes, not only a JSON object.
                key = request["secret"] if alg.startswith("HS") else keys[spec["key"]]
                token = jwt.api_jws.encode(spec["rawPayload"].encode(), key, algorithm=alg, headers=header or None)
            elif how == "hmacWithPublicKey":
                # Algorithm confusion: HS256 keyed with the RSA public key, which anyone can read from the JWKS.
                signing_input = compact(json.dumps({"alg": "HS256", "typ": "JWT", **header}, separators=(",", ":")), payload)
                secret = described[spec["key"]]["publicPem"].encode()
                token = signing_input + "." + b64(hmac.new(secret, signing_input.encode(), hashlib.sha256).digest())
            elif how == "raw":
                # A header or payload written as given (with a repeated name, say), signed RS256 with cryptography.
                header_text = spec.get("rawHeader") or json.dumps({"alg": "RS256", **header}, separators=(",", ":"))
                payload_text = spec.get("rawPayload") or json.dumps(payload, separators=(",", ":"))
                signing_input = b64(header_text.encode()) + "." + b64(payload_text.encode())
                signature = keys[spec["key"]].sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
                token = signing_input + "." + b64(signature)
            else:
                raise SystemExit("unknown way to make a token: " + how)
            tokens[spec["name"]] = token
        json.dump({"keys": described, "tokens": tokens}, sys.stdout)
        """#

    /// A key to make (RSA of `bits`, or EC P-256), or to reuse (`pem`).
    struct KeySpec: Encodable {
        var bits: Int?
        var type: String?
        var pem: String?
    }

    /// A token to make: PyJWT signs `payload` with `alg` and `key` (the app secret for HS algorithms), adding `header`.
    struct TokenSpec: Encodable {
        var name: String
        var alg: String
        var key: String?
        var header: [String: JSONValue] = [:]
        var payload: [String: JSONValue]
        /// `pyjwt`, `jws` (PyJWT signs `rawPayload`), `hmacWithPublicKey` or `raw`.
        var how = "pyjwt"
        /// For `raw`: the header's JSON text, instead of `alg` and `header`.
        var rawHeader: String?
        /// For `raw` and `jws`: the payload's text, instead of `payload`.
        var rawPayload: String?
    }

    struct Request: Encodable {
        var keys: [String: KeySpec]
        var tokens: [TokenSpec]
        var secret: String
    }

    /// A key as Python made it: its private key (to sign more tokens later) and its public JWK.
    struct Key: Decodable, Sendable {
        var pem: String
        var publicPem: String
        var jwk: [String: JSONValue]
    }

    struct Minted: Decodable, Sendable {
        var keys: [String: Key]
        var tokens: [String: String]

        func token(_ name: String) throws -> String {
            guard let token = tokens[name] else { throw MintError(description: "no token named \(name)") }
            return token
        }
    }

    struct MintError: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs the script on `request`.
    static func mint(_ request: Request) throws -> Minted {
        let result = try ChildProcess.run([try Python.executable, "-c", script], input: try JSONEncoder().encode(request))
        guard result.status == 0 else {
            throw MintError(description: "the token script failed (\(result.status)): \(result.errorOutput)")
        }
        return try JSONDecoder().decode(Minted.self, from: result.standardOutput)
    }

    /// Signs more tokens with the keys of `minted` (the issuer of a test's own server, say).
    static func mint(_ tokens: [TokenSpec], with minted: Minted) throws -> [String: String] {
        let keys = minted.keys.mapValues { KeySpec(pem: $0.pem) }
        return try mint(Request(keys: keys, tokens: tokens, secret: TokenFixtures.appSecret)).tokens
    }
}
#endif
