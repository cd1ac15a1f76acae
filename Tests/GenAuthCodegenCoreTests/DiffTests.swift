import Foundation
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// `genauth-codegen diff`: one snippet per kind of change and classification, symmetry, and GenAuth's real history.
@Suite(.offThePool) struct DiffTests {
    static let base = """
        client: AuthenticationClient
        endpoints:
          sendSms:
            summary: Send SMS
            method: POST
            path: /api/v3/send-sms
            request: SendSMSDto
            response: RespDto
          getUser:
            summary: Get a user
            method: GET
            path: /api/v3/users/{userId}
            pathParams:
              userId: { type: string }
            query:
              lang: { type: string, default: zh-CN }
            response: RespDto
        types:
          SendSMSDto:
            description: The request.
            properties:
              phoneNumber: { type: string, required: true, description: The phone. }
              channel: { required: true, enum: [CHANNEL_LOGIN, CHANNEL_REGISTER] }
              countryCode: { type: string, default: "+86" }
          RespDto:
            properties:
              statusCode: { type: integer, required: true }
              message: { type: string }
          Gender:
            enum: [M, F]

        """

    static func changelog(_ old: String, _ new: String) -> Changelog {
        let (result, errors) = APIComparison.changelog(old: Harness.sources(["a.yaml": old]), new: Harness.sources(["a.yaml": new]))
        #expect(errors.isEmpty, "\(errors)")
        return result ?? Changelog(entries: [])
    }

    static func entries(_ old: String, _ new: String) -> [String] {
        changelog(old, new).entries.map { "\($0.impact.rawValue) \($0.subject): \($0.change)" }
    }

    static func changing(_ from: String, _ to: String) -> [String] {
        guard base.contains(from) else { return ["the base spec has no '\(from)'"] }
        return entries(base, base.replacingOccurrences(of: from, with: to))
    }

    @Test func aSpecComparedWithItselfHasNoChanges() throws {
        #expect(Self.entries(Self.base, Self.base).isEmpty)
        let specs = try Workspace.readSpecs(at: Harness.packageRoot.appendingPathComponent("specs").path)
        let (result, _) = APIComparison.changelog(old: specs, new: specs)
        #expect(result?.isEmpty == true)
        #expect(result?.versionBump == nil)
        #expect(result?.markdown(title: "None") == "## None\n\nNo changes to the SDK's API or docs.\n")
    }

    @Test func endpoints() {
        #expect(Self.changing("  getUser:\n", "  getUserById:\n") == [
            "breaking AuthenticationClient.getUser: removed (`GET /api/v3/users/{userId}`)",
            "additive AuthenticationClient.getUserById: added (`GET /api/v3/users/{userId}`)",
        ].sorted { $0.hasPrefix("breaking") && !$1.hasPrefix("breaking") })
        #expect(Self.changing("    method: POST\n", "    method: PUT\n") == [
            "breaking AuthenticationClient.sendSms: HTTP method changed from `POST` to `PUT`"])
        #expect(Self.changing("path: /api/v3/send-sms", "path: /api/v3/sms/send") == [
            "breaking AuthenticationClient.sendSms: path changed from `/api/v3/send-sms` to `/api/v3/sms/send`"])
        #expect(Self.changing("    request: SendSMSDto\n", "    request: SendSMSDto\n    deprecated: Use sendSms2.\n") == [
            "additive AuthenticationClient.sendSms: deprecated: Use sendSms2."])
        #expect(Self.changing("summary: Send SMS", "summary: Send a text message") == [
            "docs only AuthenticationClient.sendSms: summary or description changed"])
        #expect(Self.changing("    response: RespDto\n  getUser", "    response: SendSMSDto\n  getUser") == [
            "breaking AuthenticationClient.sendSms: response changed from `RespDto` to `SendSMSDto`"])
    }

    @Test func parameters() {
        #expect(Self.changing("      lang: { type: string, default: zh-CN }", "      lang: { type: string, default: en-US }") == [
            "breaking AuthenticationClient.getUser.lang: default changed from `\"zh-CN\"` to `\"en-US\"`"])
        #expect(Self.changing("      lang: { type: string, default: zh-CN }", "      lang: { type: string, default: zh-CN }\n      page: { type: integer }") == [
            "additive AuthenticationClient.getUser.page: optional parameter added (`Int`)"])
        #expect(Self.changing("      lang: { type: string, default: zh-CN }", "      lang: { type: string, default: zh-CN }\n      page: { type: integer, required: true }") == [
            "breaking AuthenticationClient.getUser.page: required parameter added (`Int`): calls must pass it"])
    }

    @Test func typesAndProperties() {
        #expect(Self.changing("  Gender:\n    enum: [M, F]\n", "") == ["breaking Gender: type removed (enum)"])
        #expect(Self.changing("  Gender:\n", "  Sex:\n    enum: [M]\n  Gender:\n") == ["additive Sex: type added (enum)"])
        #expect(Self.changing("      countryCode: { type: string, default: \"+86\" }\n", "") == [
            "breaking SendSMSDto.countryCode: property removed"])
        #expect(Self.changing("      countryCode: { type: string, default: \"+86\" }\n",
                              "      countryCode: { type: string, default: \"+86\" }\n      extra: { type: json }\n") == [
            "additive SendSMSDto.extra: optional property added (`JSONValue`)"])
        #expect(Self.changing("      countryCode: { type: string, default: \"+86\" }\n",
                              "      countryCode: { type: string, default: \"+86\" }\n      code: { type: string, required: true }\n") == [
            "breaking SendSMSDto.code: required property added (`String`): the initializer gains a parameter without a default"])
        #expect(Self.changing("countryCode: { type: string,", "phoneCountryCode: { type: string,") == [
            "breaking SendSMSDto.countryCode: property likely renamed to `phoneCountryCode` (JSON `countryCode` → `phoneCountryCode`, both `String`)"])
        #expect(Self.changing("message: { type: string }", "message: { type: string, required: true }") == [
            "breaking RespDto.message: made required"])
        #expect(Self.changing("phoneNumber: { type: string, required: true,", "phoneNumber: { type: string,") == [
            "breaking SendSMSDto.phoneNumber: made optional (its Swift type becomes optional)"])
        #expect(Self.changing("statusCode: { type: integer,", "statusCode: { type: number,") == [
            "breaking RespDto.statusCode: type changed from `Int` to `Double`"])
        #expect(Self.changing("default: \"+86\"", "default: \"+1\"") == [
            "docs only SendSMSDto.countryCode: default changed from `\"+86\"` to `\"+1\"`"])
        #expect(Self.changing("description: The phone.", "description: The phone number.") == [
            "docs only SendSMSDto.phoneNumber: description changed"])
        #expect(Self.changing("description: The request.", "description: What to send.") == [
            "docs only SendSMSDto: description changed"])
    }

    @Test func enumValues() {
        #expect(Self.changing("enum: [CHANNEL_LOGIN, CHANNEL_REGISTER]", "enum: [CHANNEL_LOGIN]") == [
            "breaking SendSMSDto.channel: enum value `CHANNEL_REGISTER` removed (`.channelRegister` no longer exists)"])
        #expect(Self.changing("enum: [M, F]", "enum: [M, F, W]") == ["additive Gender: enum value `W` added (`.w`)"])
    }

    @Test func theVersionBumpFollowsTheWorstChange() {
        #expect(Self.changelog(Self.base, Self.base.replacingOccurrences(of: "enum: [M, F]", with: "enum: [M]")).versionBump == "major")
        #expect(Self.changelog(Self.base, Self.base.replacingOccurrences(of: "enum: [M, F]", with: "enum: [M, F, W]")).versionBump == "minor")
        #expect(Self.changelog(Self.base, Self.base.replacingOccurrences(of: "The phone.", with: "Phone.")).versionBump == "patch")
    }

    /// `diff a b` and `diff b a` are mirror images: what one adds the other removes, and so on.
    @Test func diffsAreMirrorImages() throws {
        let old = Self.base
        let new = Self.base
            .replacingOccurrences(of: "enum: [M, F]", with: "enum: [M, W]")
            .replacingOccurrences(of: "message: { type: string }", with: "message: { type: string, required: true }")
            .replacingOccurrences(of: "  getUser:\n", with: "  fetchUser:\n")
            .replacingOccurrences(of: "      countryCode: { type: string, default: \"+86\" }\n", with: "      extra: { type: json }\n")
        let forward = Self.changelog(old, new).entries
        let backward = Self.changelog(new, old).entries
        let mirror: [(String, String)] = [
            ("added", "removed"), ("type added", "type removed"), ("made required", "made optional"),
            ("optional property added", "property removed"),
        ]
        func mirrored(_ change: String) -> [String] {
            mirror.flatMap { pair in
                [change.hasPrefix(pair.0) ? pair.1 + change.dropFirst(pair.0.count) : nil,
                 change.hasPrefix(pair.1) ? pair.0 + change.dropFirst(pair.1.count) : nil].compactMap { $0 }
            } + [change.replacingOccurrences(of: "enum value `F` removed", with: "enum value `F` added")
                    .replacingOccurrences(of: "enum value `W` added", with: "enum value `W` removed")]
        }
        #expect(forward.count == backward.count)
        for entry in forward {
            let candidates = backward.filter { $0.subject == entry.subject }
            #expect(!candidates.isEmpty, "no mirror for \(entry)")
            #expect(candidates.contains { back in
                back.change == entry.change || mirrored(entry.change).contains { back.change.hasPrefix(String($0.prefix(12))) }
            }, "no mirror for \(entry) in \(candidates)")
        }
    }

    /// GenAuth's authentication document of 2023-01-04 against that of 2023-11: the committed changelog is
    /// what the diff produces, and it finds what changed (each checked by hand against the two documents).
    @Test func theRealHistory() throws {
        let root = Harness.packageRoot
        func document(_ path: String) throws -> [SpecSource] {
            let url = root.appendingPathComponent(path)
            let source = SpecSource(displayPath: path, relativePath: url.lastPathComponent, contents: try Data(contentsOf: url))
            let (sources, errors) = OpenAPIImport.specSources(document: source, overlays: [], folder: "specs")
            #expect(errors.isEmpty, "\(errors)")
            return sources
        }
        let (result, errors) = APIComparison.changelog(
            old: try document("openapi/history/authentication-openapi.2023-01-04.json"),
            new: try document("openapi/authentication-openapi.json"))
        #expect(errors.isEmpty, "\(errors)")
        let changelog = try #require(result)

        let added = changelog.entries.filter { $0.subject.hasPrefix("AuthenticationClient.") && $0.change.hasPrefix("added") }
        #expect(added.count == 33, "33 SDK-visible operations were added between the two documents")
        #expect(added.contains { $0.subject == "AuthenticationClient.removeAllCredentials" })
        #expect(!changelog.entries.contains { $0.subject.hasPrefix("AuthenticationClient.") && $0.change.hasPrefix("removed") })
        #expect(changelog.versionBump == "major")
        let breaking = Set(changelog.entries.filter { $0.impact == .breaking }.map { "\($0.subject): \($0.change)" })
        for expected in [
            // The schema User is gone; IdentityDto.userInfoInIdp, which referred to it, became a free-form object.
            "User: type removed",
            "IdentityDto.userInfoInIdp: type changed from `User` to `JSONValue`",
            // OpenResource.authorize was split into strAuthorize, arrAuthorize and treeAuthorize.
            "OpenResource.authorize: property removed",
            // expiresAt was a number and is a string.
            "GetWechatAccessTokenDataDto.expiresAt: type changed from `Double` to `String`",
            // encryptedData and iv are no longer in the required list.
            "SignInByWechatMiniProgramCodePayloadDto.encryptedData: made optional (its Swift type becomes optional)",
            // GroupDto's required list gained id, members and metadataSource.
            "GroupDto.id: required property added (`String`): the initializer gains a parameter without a default",
        ] {
            #expect(breaking.contains(expected), "missing: \(expected)")
        }

        let text = changelog.markdown(title: "GenAuth authentication API: 2023-01-04 → 2023-11")
        let committed = root.appendingPathComponent("docs/changelog-authentication-2023.md")
        if GoldenTests.recording {
            try Data(text.utf8).write(to: committed)
            Issue.record("re-recorded docs/changelog-authentication-2023.md")
            return
        }
        let expected = try String(contentsOf: committed, encoding: .utf8)
        #expect(expected == text, "\(Harness.diff(expected: expected, actual: text, name: "docs/changelog-authentication-2023.md"))")
    }
}
