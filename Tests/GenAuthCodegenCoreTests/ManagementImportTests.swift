import Foundation
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// `import-openapi` on what GenAuth's management document needs: renamed and recursive types, `oneOf`, keywords,
/// errors at the document's JSON pointer, translations.
@Suite(.offThePool) struct ManagementImportTests {
    /// What GenAuth's management document needs of the import.
    static let management = ImportTests.document("""
              /api/v3/delete-device-by-user:
                post:
                  operationId: TerminalUserController_deleteDevice
                  summary: 删除用户设备
                  security: [{ x-authing-userpool-id: [], bearer: [] }]
                  requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/DeviceDto" } } } }
                  responses: { "200": { content: { application/json: { schema: { $ref: "#/components/schemas/Result" } } } } }
              /api/v3/delete-device:
                post:
                  operationId: TerminalManagementController_deleteDevice
                  summary: 删除设备
                  security: [{ x-authing-userpool-id: [], bearer: [] }]
                  requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/DeviceDto" } } } }
                  responses: { "200": { content: { application/json: { schema: { $ref: "#/components/schemas/OkDto" } } } } }
              /api/v3/list-tenants:
                get:
                  operationId: TenantController_listTenants
                  summary: 租户列表
                  parameters:
                    - { name: source, in: query, required: false, schema: {} }
                  responses: { "200": { content: { application/json: { schema: { $ref: "#/components/schemas/OkDto" } } } } }
        """, schemas: """
            DeviceDto:
              type: object
              properties:
                deviceId: { type: string, example: d-1 }
                count: { type: number, example: 3 }
                lat: { type: number, example: 39.9288 }
            Result:
              type: object
              properties:
                addUser: { type: number }
        """)

    @Test func theManagementDocumentsConstructs() {
        let settings = """
            integers: all
            fractional: [lat]
            types:
              Result: ResultDto
            """
        let result = ImportTests.run(Self.management, overlays: ["import.yaml": settings], client: "ManagementClient")
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let text = result.files.map(\.contents).joined(separator: "\n")
        for expected in [
            "client: ManagementClient",
            "deleteDevice:\n    summary: { zh: 删除用户设备 }\n    method: POST\n    path: /api/v3/delete-device-by-user\n    auth: accessKey",
            "deleteDeviceTerminalManagement:\n    summary: { zh: 删除设备 }",
            "response: ResultDto",
            "ResultDto:\n    originalName: Result",
            "source:\n        type: string",
            "count:\n        type: integer",
            "lat:\n        type: number",
        ] {
            #expect(text.contains(expected), "missing:\n\(expected)\nin:\n\(text)")
        }
        let notes = result.diagnostics.map(\.description)
        #expect(notes.contains { $0.contains("#/paths/~1api~1v3~1delete-device/post: operationId 'TerminalManagementController_deleteDevice' gives the method name 'deleteDevice', already taken by #/paths/~1api~1v3~1delete-device-by-user/post; this one is named 'deleteDeviceTerminalManagement'") }, "\(notes)")
        #expect(notes.contains { $0.contains("#/paths/~1api~1v3~1list-tenants/get/parameters/0/schema: the parameter's schema has no type; it is imported as a string") }, "\(notes)")

        // 'operations' names a method; an entry the document has no operation for is an error.
        let named = ImportTests.run(Self.management, overlays: ["import.yaml": settings + "\noperations:\n  TerminalManagementController_deleteDevice: deleteTerminalDevice\n  NoController_nothing: nothing\n"], client: "ManagementClient")
        #expect(named.diagnostics.map(\.description).contains { $0.contains("error: 'operations' names the operationId 'NoController_nothing'") })
    }

    @Test func aSchemaSwiftCannotNameIsAnErrorAtItsPointerWithTheFix() {
        let result = ImportTests.run(Self.management, client: "ManagementClient")
        #expect(result.hasErrors)
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description).contains {
            $0.hasPrefix("api.yaml:") && $0.contains("error: #/components/schemas/Result: the schema name 'Result' cannot name a Swift type (Swift or the SDK already has it); give it a Swift name in import.yaml's 'types' (Result: ResultDto)")
        }, "\(result.diagnostics)")
        #expect(result.files.isEmpty)
    }

    @Test func anErrorOfTheImportedSpecsIsSaidAtTheDocumentsPointer() {
        let schemas = """
            ClashDto:
              type: object
              properties:
                user_id: { type: string }
                userId: { type: string }
        """
        let paths = """
              /x:
                post:
                  operationId: XController_x
                  summary: X
                  requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/ClashDto" } } } }
                  responses: { "200": { content: { application/json: { schema: { $ref: "#/components/schemas/OkDto" } } } } }
            """
        let result = ImportTests.run(ImportTests.document(paths, schemas: schemas))
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("api.yaml:") == true, "the document, not a spec file that is never written: \(errors)")
        #expect(errors.first?.contains("error: #/components/schemas/ClashDto/properties/userId: 'userId' and 'user_id' of type 'ClashDto' both become the Swift name 'userId'") == true, "\(errors)")
        #expect(errors.first?.contains("specs/test/x.yaml:") == true, "a note says where the spec file would have it")
    }

    @Test func translationsAddTheEnglishOfEveryMatchingTextAndAnOverlayWins() {
        let translations = """
            - zh: 发送短信
              en: Send an SMS
            - zh: 手机号
              en: Phone number
            - zh: "用于用户登录"
              en: For signing in
            - zh: 已经删除的文字
              en: A text GenAuth removed
            - zh: 未翻译
              en: ""
            """
        let overlay = "endpoints:\n  sendSms:\n    summary: { en: Send SMS }\n"
        let result = ImportTests.run(
            ImportTests.document(ImportTests.post, schemas: ImportTests.sendSMSDto),
            overlays: ["translations.yaml": translations, "message.yaml": overlay])
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let text = ImportTests.file(result, "message.yaml")
        #expect(text.contains("summary: { en: Send SMS, zh: 发送短信 }"), "the overlay's English wins: \(text)")
        #expect(text.contains("description: { en: Phone number, zh: 手机号 }"), "\(text)")
        #expect(text.contains("CHANNEL_LOGIN: { en: For signing in, zh: 用于用户登录 }"), "\(text)")
        #expect(text.contains("CHANNEL_REGISTER: { zh: 用于用户注册 }"), "an untranslated text keeps its Chinese alone: \(text)")
        #expect(result.diagnostics.map(\.description).contains("overlays/translations.yaml:7:7: warning: 1 translation matches no text of the document any more (the document changed): remove it"),
                "\(result.diagnostics)")

        let twice = ImportTests.run(ImportTests.document(ImportTests.post, schemas: ImportTests.sendSMSDto), overlays: ["translations.yaml": translations + "\n- zh: 手机号\n  en: Mobile\n"])
        #expect(twice.diagnostics.map(\.description).contains { $0.hasPrefix("overlays/translations.yaml:11:7: error: the text is translated twice") })

        let untranslated = Translations.untranslated([SpecSource(
            displayPath: "specs/m.yaml", relativePath: "m.yaml", contents: Data(ImportTests.file(result, "message.yaml").utf8))])
        #expect(untranslated.count == 4, "the module, the group, a description, an enum value: \(untranslated.yaml)")
        #expect(untranslated.yaml.contains("- zh: \"用于用户注册\"\n  en: \"\"\n"))
    }
}
