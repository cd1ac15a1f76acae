import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// A `GenAuthError` says what GenAuth documents about its codes; the SDK's tables hold every code of GenAuth's own
/// list, read here straight from its OpenAPI document.
@Suite struct DocumentedErrorCodesTests {
    @Test func aRefusalSaysWhatItsCodesMean() async throws {
        let server = try LoopbackServer { _ in
            .json(200, #"{"statusCode":403,"apiCode":2333,"message":"Account not exists or password is incorrect.","requestId":"r-1"}"#)
        }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server).signInByEmailPassword(email: "a@example.com", password: "wrong-password")
        }
        let apiCode = try #require(error?.documentedAPICode)
        #expect(apiCode.code == 2333)
        #expect(apiCode.meaning == "Wrong user name or password")
        #expect(apiCode.chineseMeaning == "用户名或密码错误")
        #expect(apiCode.action?.isEmpty == false && apiCode.chineseAction?.isEmpty == false)
        #expect(apiCode.description == "2333: Wrong user name or password")
        let statusCode = try #require(error?.documentedStatusCode)
        #expect(statusCode.name == "ForbiddenError")
        #expect(statusCode.description == "403 ForbiddenError: No permission for the operation")
    }

    @Test func unknownOrMissingCodesHaveNoDocumentation() {
        let unknown = GenAuthError.api(APIFailure(statusCode: 400, apiCode: 1001, message: "x"))
        #expect(unknown.documentedAPICode == nil)
        #expect(unknown.documentedStatusCode?.name == "InvalidArgumentError")
        #expect(GenAuthError.api(APIFailure(statusCode: 429, message: "slow down")).documentedAPICode == nil)
        // An HTTP status without GenAuth's envelope is not one of GenAuth's statusCodes.
        #expect(GenAuthError.httpStatus(HTTPStatusFailure(statusCode: 502, body: Data("<html>".utf8))).documentedStatusCode == nil)
        #expect(GenAuthError.httpStatus(HTTPStatusFailure(statusCode: 502, body: Data(), message: "bad gateway")).documentedStatusCode?.name == "BadGatewayError")
        #expect(GenAuthError.transport(TransportFailure(kind: .timedOut, message: "t")).documentedStatusCode == nil)
        #expect(GenAuthAPICode(0) == nil && GenAuthStatusCode(200)?.name == "OK")
    }

    /// Every row of the document's "开发准备/错误处理" tables, parsed here on their own, is in the SDK.
    @Test func theTablesHoldEveryCodeOfGenAuthsDocument() throws {
        let url = Python.packageRoot.appendingPathComponent("openapi/authentication-openapi.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let tags = try #require(document["tags"] as? [[String: Any]])
        let text = try #require(tags.first { $0["name"] as? String == "开发准备/错误处理" }?["description"] as? String)
        let apiSection = try #require(text.range(of: "## apiCode")).upperBound
        let apiRows = text[apiSection...].split(separator: "\n").prefix { !$0.hasPrefix("## ") }.compactMap { line -> (Int, String)? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2, let code = Int(cells[0]) else { return nil }
            return (code, cells[1])
        }
        #expect(apiRows.count == 43)
        #expect(GenAuthAPICode.documented.map(\.code) == apiRows.map(\.0).sorted())
        for (code, chinese) in apiRows {
            let known = try #require(GenAuthAPICode(code))
            #expect(known.chineseMeaning == chinese)
            #expect(known.meaning != chinese && known.action != nil, "\(code) has its English and what to do")
        }
        let statusCodes = text.matches(of: /\[(\d{3})\](\w+)：/).map { (Int($0.1)!, String($0.2)) }
        #expect(statusCodes.count == 17)
        for (code, name) in statusCodes {
            #expect(GenAuthStatusCode(code)?.name == name)
            #expect(GenAuthStatusCode(code)?.action != nil)
        }
    }
}
