import Foundation
@testable import GenAuthAuthentication
import GenAuthTestSupport

enum Fixtures {
    static let appId = "6389c43d0d5b1c3e1f1b2a3c"
    static let appSecret = "app-secret-9f8e7d6c5b4a39281706"
    static let accessToken = "eyJhbGciOiJSUzI1NiJ9.user-access-token-0123456789"

    /// A client of `server`; the default timeout is a guard against a hang (two busy cores can hold a test's tasks for
    /// a minute), never a measurement.
    static func client(_ server: LoopbackServer, timeout: TimeInterval = 120, token: String? = accessToken) -> AuthenticationClient {
        let client = AuthenticationClient(options: AuthenticationClientOptions(
            appId: appId, appSecret: appSecret, appHost: server.baseURL, timeout: timeout))
        client.setAccessToken(token)
        return client
    }

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The JSON of a doc page's "Example Results" block.
    static func exampleResult(docPage relativePath: String) throws -> Data {
        let page = try String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
        guard let start = page.range(of: "```json\n"), let end = page.range(of: "\n```", range: start.upperBound..<page.endIndex) else {
            throw FixtureError("no json block in \(relativePath)")
        }
        return Data(page[start.upperBound..<end.lowerBound].utf8)
    }

    static func jsonObject(_ data: Data) throws -> NSDictionary {
        guard let object = try JSONSerialization.jsonObject(with: data) as? NSDictionary else { throw FixtureError("not a JSON object") }
        return object
    }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
