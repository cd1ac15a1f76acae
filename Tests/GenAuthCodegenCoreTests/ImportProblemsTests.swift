import Foundation
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// What the import reports of the document's own mistakes, each at its JSON pointer, and what the pages make of them.
@Suite(.offThePool) struct ImportProblemsTests {
    static let listUsers = """
          /api/v3/list-users:
            post:
              operationId: UsersManagementController_listUsers
              tags: [Users]
              description: |-
                Filter users created in the last 7 days:

                ```json
                {
                  "field": "createdAt",
                  "value": new Date(Date.now() - 7 * 24 * 60 * 60 * 1000)
                }
                ```

                Sort by creation time:

                ```json
                { "field": "createdAt", "order": "desc" }
                ```

                User ID type, optional values are:
              parameters:
                - name: targetType
                  in: query
                  example: [0, USER]
                  schema: { type: array, items: { type: string, enum: [USER, ORG] } }
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/RulesDto' }
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/OkDto' } } } }
        """

    static let rules = """
            RulesDto:
              type: object
              properties:
                validateRules:
                  type: object
                  example: [{ type: UNIQUE }]
        """

    @Test func codeInAJSONSampleAndAListThatDoesNotFollowAreReportedAtTheirPointers() {
        let result = ImportTests.run(ImportTests.document(Self.listUsers, schemas: Self.rules))
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let notes = result.diagnostics.map(\.description)
        #expect(notes.contains { $0.contains("#/paths/~1api~1v3~1list-users/post/description: JSON sample 1 of the description is not JSON ('\"value\": new Date(Date.now() - 7 * 24 * 60 * 60 * 1000)'); the docs show it as JavaScript") }, "\(notes)")
        #expect(!notes.contains { $0.contains("JSON sample 2") }, "the second sample is JSON")
        #expect(notes.contains { $0.contains("#/paths/~1api~1v3~1list-users/post/description: the description announces a list ('User ID type, optional values are:') that does not follow") }, "\(notes)")
    }

    @Test func examplesThatContradictTheirSchemaAreDroppedAndReported() {
        let result = ImportTests.run(ImportTests.document(Self.listUsers, schemas: Self.rules))
        let notes = result.diagnostics.map(\.description)
        #expect(notes.contains { $0.hasSuffix("#/components/schemas/RulesDto/properties/validateRules/example: an array where an object is expected; dropped") }, "\(notes)")
        #expect(notes.contains { $0.hasSuffix("#/paths/~1api~1v3~1list-users/post/parameters/0/example/0: '0' is not one of the items' enum values; left out of the example") }, "\(notes)")
        let text = result.files.map(\.contents).joined()
        #expect(!text.contains("UNIQUE"), "the object's array example is gone")
        #expect(text.contains("example: [USER]"), "\(text)")
    }

    @Test func aJSONSampleThatIsNotJSONIsShownAsJavaScript() {
        let page = MarkdownRendering.page("```json\n{ \"at\": new Date() }\n```\n\n```json\n{ \"at\": 1 }\n```")
        #expect(page.contains("```javascript\n{ \"at\": new Date() }\n```"), "\(page)")
        #expect(page.contains("```json\n{ \"at\": 1 }\n```"), "\(page)")
    }

    @Test func theLineAnnouncingTheValuesComesRightBeforeThem() {
        let text = "User ID type, default `user_id`, optional values are:\nExample value: `a:b`."
        #expect(DocContexts.announcementLast(text) == "Example value: `a:b`.\nUser ID type, default `user_id`, optional values are:")
        #expect(DocContexts.announcementLast("A\nValues are:") == "A\nValues are:", "already last")
    }

    @Test func aLinkToAGuidePageIsKeptOnPagesAndDroppedFromDocComments() {
        let text = "See [Error codes](../../guides/error-codes.md#api-code); not [this](../x.md) nor [that](/etc/passwd)."
        #expect(MarkdownRendering.cell(text) == "See [Error codes](../../guides/error-codes.md#api-code); not this nor that.")
        #expect(MarkdownRendering.docComment(text).joined(separator: "\n") == "/// See Error codes; not this nor that.")
        #expect(!MarkdownText.isGuideLink("../../guides/../../secret.md"))
        #expect(!MarkdownText.isGuideLink("../../guides/Error Codes.md"))
    }

    @Test func aTranslationCanCorrectTheDocumentsChinese() {
        let paths = """
              /api/v3/x:
                get:
                  operationId: XController_getX
                  tags: [X]
                  summary: 详情可以查看开发准备中的说明
                  responses:
                    "200": { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/OkDto' } } } }
            """
        let translations = """
            - zh: 详情可以查看开发准备中的说明
              zhAs: 详见错误代码
              en: See the error codes
            """
        let result = ImportTests.run(ImportTests.document(paths), overlays: ["translations.yaml": translations])
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let text = result.files.map(\.contents).joined()
        #expect(text.contains("summary: { en: See the error codes, zh: 详见错误代码 }"), "\(text)")
    }

    @Test func anExpiryInThePastBecomesOneInTheFuture() {
        var property = Property(key: "endTime", swiftName: "endTime", type: .integer, required: false)
        property.example = .integer(1_669_114_748_050)
        #expect(ExampleCall.sensibleExample(property) == .integer(4_102_444_800_000))
        property.key = "enableTime"
        #expect(ExampleCall.sensibleExample(property) == .integer(1_669_114_748_050), "only expiries")
    }
}
