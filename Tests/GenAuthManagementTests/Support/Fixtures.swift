import Foundation
@testable import GenAuthManagement
import GenAuthTestSupport

enum Fixtures {
    static let accessKeyId = "62d0fae6a5c9e2bd0e23f7b4"
    static let accessKeySecret = "ak-secret-0f1e2d3c4b5a69788796a5b4"
    static let userPoolId = "62d0fae6a5c9e2bd0e23f700"

    /// A management token as GenAuth issues one: a JWT whose payload names the user pool.
    static func token(_ serial: Int = 1, userPool: String = userPoolId) -> String {
        let header = Data(#"{"alg":"RS256","typ":"JWT"}"#.utf8).base64URL
        let payload = Data(#"{"scoped_userpool_id":"\#(userPool)","serial":\#(serial)}"#.utf8).base64URL
        return "\(header).\(payload).c2lnbmF0dXJl"
    }

    static let tokenPath = "/api/v3/get-management-token"

    /// GenAuth's answer to a token request.
    static func tokenAnswer(_ token: String = token(), expiresIn: Int = 7200) -> LoopbackServer.Reply {
        .json(200, #"{"statusCode":200,"message":"ok","data":{"access_token":"\#(token)","expires_in":\#(expiresIn)}}"#)
    }

    static func options(
        _ server: LoopbackServer, credentials: ManagementClientOptions.Credentials = .managementToken, timeout: TimeInterval = 120
    ) -> ManagementClientOptions {
        ManagementClientOptions(
            accessKeyId: accessKeyId, accessKeySecret: accessKeySecret, host: server.baseURL,
            credentials: credentials, timeout: timeout)
    }

    static func client(_ server: LoopbackServer) -> ManagementClient {
        ManagementClient(options: options(server))
    }

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

extension Data {
    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
