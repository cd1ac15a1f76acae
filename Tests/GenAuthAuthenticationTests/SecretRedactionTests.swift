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

    @Test func tokensIssuedInAnUndecodableAnswerAreRedacted() async throws {
        // The token endpoint issues new tokens; an answer that does not decode must not show them.
        let server = try LoopbackServer { _ in
            .json(200, #"{"access_token":"issued-access-token-777","id_token":"id-9","refresh_token":"rt9","expires_in":"soon"}"#)
        }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server).refreshToken("refresh-token-123")
        }
        guard case .undecodableResponse(let failure)? = error else {
            Issue.record("expected undecodableResponse, got \(String(describing: error))"); return
        }
        #expect(failure.codingPath == "expires_in")
        for text in Self.everyRendering(of: error) {
            for token in ["issued-access-token-777", "id-9", "rt9", "refresh-token-123"] {
                #expect(!Self.containsStandalone(text, token), "'\(token)' in: \(text.prefix(600))")
            }
        }
    }

    @Test func aSecretAcrossTheEndOfTheBodyPreviewIsRedacted() async throws {
        // The preview keeps 500 characters; the password starts at the 491st, so a cut made before redacting
        // would leave its first ten characters behind.
        let password = "Secret-Passphrase-42"
        let server = try LoopbackServer { _ in
            .json(500, #"{"padding":"\#(String(repeating: "x", count: 468))","echo":"\#(password)"}"#)
        }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server, token: nil).signInByEmailPassword(email: "u@example.com", password: password)
        }
        guard case .httpStatus(let failure)? = error else { Issue.record("expected httpStatus, got \(String(describing: error))"); return }
        #expect(failure.bodyPreview.count == 500)
        for text in Self.everyRendering(of: error) {
            #expect(!text.contains("Secret-Pas"), "in: \(text.suffix(200))")
        }
    }

    @Test func aNonASCIISecretEchoedWithUnicodeEscapesIsRedacted() async throws {
        // Servers such as Python's json.dumps write every non-ASCII character as \uXXXX.
        let password = "pässwörd中"
        let escaped = #"p\u00e4ssw\u00f6rd\u4e2d"#
        let server = try LoopbackServer { _ in
            .json(401, #"{"message":"bad password \#(escaped)","echo":"p\u00E4ssw\u00F6rd\u4E2D"}"#)
        }
        let error = await #expect(throws: GenAuthError.self) {
            try await Fixtures.client(server, token: nil).signInByEmailPassword(email: "u@example.com", password: password)
        }
        #expect(error?.message == "bad password <redacted>")
        for text in Self.everyRendering(of: error) {
            #expect(!text.contains(password) && !text.contains(escaped) && !text.contains(#"p\u00E4ssw"#), "in: \(text.prefix(600))")
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
