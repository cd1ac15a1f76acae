import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// No secret sent in a request, whatever its length, appears in an error: not in its description, not in its
/// debug output, not in the body it carries.
@Suite struct SecretRedactionTests {
    /// Everything a developer may print of an error.
    static func everyRendering(of error: GenAuthError?) -> [String] {
        guard let error else { return [] }
        var dumped = ""
        dump(error, to: &dumped)
        var texts = [error.description, String(reflecting: error), dumped, error.localizedDescription, error.message ?? ""]
        switch error {
        case .httpStatus(let failure): texts += [String(decoding: failure.body, as: UTF8.self), failure.bodyPreview]
        case .api(let failure): texts += [String(decoding: failure.body, as: UTF8.self)]
        case .undecodableResponse(let failure): texts += [String(decoding: failure.body, as: UTF8.self), failure.message]
        default: break
        }
        return texts
    }

    /// Whether `secret` stands in `text` on its own, not inside a longer word (as a server echoes it).
    static func containsStandalone(_ text: String, _ secret: String) -> Bool {
        let isWord: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber) }
        var start = text.startIndex
        while let range = text.range(of: secret, range: start..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before.map(isWord) ?? false) && !(after.map(isWord) ?? false) { return true }
            start = text.index(after: range.lowerBound)
        }
        return false
    }

    @Test(arguments: ["x", "qz", "abc", "pwd9", "a much longer passphrase!"])
    func aPasswordEchoedInAnHTTPErrorIsRedacted(password: String) async throws {
        let server = try LoopbackServer { request in
            // The body, echoed as it came and inside the message.
            let echoed = String(decoding: request.body, as: UTF8.self)
            return .json(401, #"{"statusCode":401,"message":"登录失败 \#(echoed.replacingOccurrences(of: "\"", with: "'"))","request":\#(echoed)}"#)
        }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server, token: nil).signInByEmailPassword(email: "u@example.com", password: password)
        }
        #expect(error?.description.contains("HTTP 401") == true)
        for text in Self.everyRendering(of: error) {
            #expect(!Self.containsStandalone(text, password), "'\(password)' in: \(text.prefix(600))")
            #expect(!text.contains(Fixtures.appSecret))
        }
    }

    @Test(arguments: ["7", "k3", "zzz"])
    func aPassCodeEchoedInAFailureEnvelopeIsRedacted(passCode: String) async throws {
        let server = try LoopbackServer { request in
            let echoed = String(decoding: request.body, as: UTF8.self)
            return .json(200, #"{"statusCode":400,"message":"验证码 \#(passCode) 错误","apiCode":2001,"echo":\#(echoed)}"#)
        }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server, token: nil).signInByPhonePassCode(phone: "188xxxx8888", passCode: passCode)
        }
        guard case .api? = error else { Issue.record("expected api, got \(String(describing: error))"); return }
        #expect(error?.message == "验证码 <redacted> 错误")
        for text in Self.everyRendering(of: error) {
            #expect(!Self.containsStandalone(text, passCode), "'\(passCode)' in: \(text.prefix(600))")
        }
    }

    @Test func aShortTokenInAnUndecodableAnswerIsRedacted() async throws {
        let server = try LoopbackServer { request in
            .json(200, #"{"statusCode":"\#(request.header("authorization") ?? "")","message":5}"#)
        }
        let client = Fixtures.client(server, token: "t1")
        let error = await #expect(throws: GenAuthError.self) {
            try await client.sendSms(SendSMSDto(phoneNumber: "1", channel: .channelLogin))
        }
        guard case .undecodableResponse? = error else { Issue.record("expected undecodableResponse, got \(String(describing: error))"); return }
        for text in Self.everyRendering(of: error) {
            #expect(!Self.containsStandalone(text, "t1"), "in: \(text.prefix(600))")
        }
    }

    @Test func shortSecretsInsideLongerWordsAreLeftAlone() {
        let redactor = Redactor(secrets: ["ab", "s3cret-value"])
        #expect(redactor.redact(#"{"password":"ab","note":"abc tab ab."}"#) == #"{"password":"<redacted>","note":"abc tab <redacted>."}"#)
        #expect(redactor.redact("xs3cret-valuex") == "x<redacted>x")
        #expect(redactor.redact("a%20b s3cret-value") == "a%20b <redacted>")
        #expect(Redactor(secrets: ["p w"]).redact("p%20w and p w") == "<redacted> and <redacted>")
        #expect(Redactor(secrets: [#"q"z"#]).redact(#"{"password":"q\"z"}"#) == #"{"password":"<redacted>"}"#)
    }
}
