import Foundation
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// `import-openapi`: one snippet per OpenAPI construct, the overlays, and GenAuth's real document.
@Suite(.offThePool) struct ImportTests {
    static func document(_ paths: String, schemas: String = "", extra: String = "") -> String {
        """
        openapi: 3.0.0
        info: { title: Test API, version: "3.0" }
        paths:
        \(paths)
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
          schemas:
            OkDto:
              type: object
              properties:
                statusCode: { type: number, example: 200 }
              required: [statusCode]
        \(schemas)
        \(extra)
        """
    }

    static func run(_ document: String, overlays: [String: String] = [:], client: String = "AuthenticationClient") -> ImportResult {
        OpenAPIImport.run(
            document: SpecSource(displayPath: "api.yaml", relativePath: "api.yaml", contents: Data(document.utf8)),
            client: client,
            overlays: overlays.map { SpecSource(displayPath: "overlays/\($0.key)", relativePath: $0.key, contents: Data($0.value.utf8)) },
            outputFolder: "specs/test")
    }

    static func file(_ result: ImportResult, _ path: String) -> String {
        result.files.first { $0.path == path }?.contents ?? "<no \(path); files: \(result.files.map(\.path)), \(result.diagnostics)>"
    }

    static let post = """
          /api/v3/send-sms:
            post:
              operationId: MessageV3Controller_sendSms
              summary: 发送短信
              tags: [消息服务/API 列表]
              security: [{ bearer: [] }]
              requestBody:
                content:
                  application/json: { schema: { $ref: "#/components/schemas/SendSMSDto" } }
              responses:
                "201": { content: { application/json: { schema: { $ref: "#/components/schemas/OkDto" } } } }
        """

    static let sendSMSDto = """
        SendSMSDto:
          type: object
          properties:
            phoneNumber: { type: string, description: 手机号, example: 188xxxx8888 }
            channel:
              type: string
              description: "短信通道：\\n- `CHANNEL_LOGIN`: 用于用户登录\\n- `CHANNEL_REGISTER`: 用于用户注册"
              enum: [CHANNEL_LOGIN, CHANNEL_REGISTER]
              example: CHANNEL_LOGIN
          required: [phoneNumber, channel]
    """

    @Test func methodNamesFollowGenAuthsRule() {
        #expect(OpenAPIImporter.methodName("MessageV3Controller_sendSms") == "sendSms")
        #expect(OpenAPIImporter.methodName("SignInV3Controller_geneQRCode") == "geneQrCode")
        #expect(OpenAPIImporter.methodName("AuthenticatorDeviceV3Controller_RemoveAllCredentials") == "removeAllCredentials")
    }

    @Test func anOperationBecomesAnEndpointInItsGroupsFile() {
        let result = Self.run(Self.document(Self.post, schemas: Self.sendSMSDto))
        #expect(!result.hasErrors, "\(result.diagnostics)")
        #expect(result.files.map(\.path) == ["message.yaml"])
        let text = Self.file(result, "message.yaml")
        #expect(text.contains("""
            client: AuthenticationClient
            module: { zh: Test API }
            group: { zh: 消息服务 }
            endpoints:
              sendSms:
                summary: { zh: 发送短信 }
                method: POST
                path: /api/v3/send-sms
                auth: accessToken
                request: SendSMSDto
                response: OkDto
            types:
              SendSMSDto:
                properties:
                  phoneNumber:
                    type: string
                    required: true
                    description: { zh: 手机号 }
                    example: "188xxxx8888"
                  channel:
                    required: true
                    enum:
                      CHANNEL_LOGIN: { zh: 用于用户登录 }
                      CHANNEL_REGISTER: { zh: 用于用户注册 }
                    description: { zh: 短信通道： }
                    example: CHANNEL_LOGIN
              OkDto:
                properties:
                  statusCode:
                    type: number
                    required: true
                    example: 200
            """), "\(text)")
    }

    @Test func settingsNameTheFileTheGroupAndTheIntegers() {
        let settings = """
            module: { en: User authentication module, zh: 用户认证模块 }
            groups:
              消息服务: { file: message-service, en: Message service }
            integers: [statusCode]
            """
        let result = Self.run(Self.document(Self.post, schemas: Self.sendSMSDto), overlays: ["import.yaml": settings])
        let text = Self.file(result, "message-service.yaml")
        #expect(text.contains("module: { en: User authentication module, zh: 用户认证模块 }\ngroup: { en: Message service, zh: 消息服务 }"))
        #expect(text.contains("statusCode:\n        type: integer"))
    }

    @Test func schemaConstructs() {
        let schemas = """
            AllDto:
              type: object
              description: 所有构造
              properties:
                ref: { $ref: "#/components/schemas/OkDto" }
                wrapped: { description: 包装的引用, allOf: [{ $ref: "#/components/schemas/OkDto" }] }
                list: { type: array, items: { $ref: "#/components/schemas/OkDto" } }
                names: { type: array, items: { type: string }, example: [a, b] }
                scores: { type: object, additionalProperties: { type: number } }
                extra: { type: object, description: 自定义数据, example: { a: 1 } }
                when: { type: string, format: date-time, example: "2022-07-03T02:20:30.000Z" }
                count: { type: integer, default: 10 }
                mode: { type: string, enum: [none, "1", "code id_token token", "https://example.com/x"] }
                either: { oneOf: [{ type: string, maxLength: 5 }, { $ref: "#/components/schemas/OkDto" }] }
                same: { oneOf: [{ type: string }, { type: string, format: date-time }] }
        """
        let paths = """
              /api/v3/all:
                post:
                  operationId: AllController_all
                  summary: 全部
                  requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/AllDto" } } } }
                  responses: { "200": { content: { application/json: { schema: { $ref: "#/components/schemas/OkDto" } } } } }
            """
        let result = Self.run(Self.document(paths, schemas: schemas))
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let text = Self.file(result, "all.yaml")
        for expected in [
            "description: { zh: 所有构造 }",
            "ref:\n        type: OkDto",
            "wrapped:\n        type: OkDto\n        description: { zh: 包装的引用 }",
            "list:\n        type: [OkDto]",
            "names:\n        type: [string]\n        example: [a, b]",
            "scores:\n        type:\n          string: number",
            "extra:\n        type: json\n        description: { zh: 自定义数据 }\n        example:\n          a: 1",
            "when:\n        type: date-time\n        example: \"2022-07-03T02:20:30.000Z\"",
            "count:\n        type: integer\n        default: 10",
            "mode:\n        enum: [none, \"1\", code id_token token, https://example.com/x]",
            "either:\n        oneOf:\n          string:\n            type: string\n            maxLength: 5\n          object:\n            type: OkDto",
            "same:\n        type: json",
        ] {
            #expect(text.contains(expected), "missing:\n\(expected)\nin:\n\(text)")
        }
        let notes = result.diagnostics.map(\.description)
        #expect(notes.contains { $0.contains("#/components/schemas/AllDto/properties/same/oneOf: two alternatives are a string: a value could not be told apart; the property becomes json") }, "\(notes)")
    }

    @Test func parametersFormBodiesAndResponses() {
        let paths = """
              /api/v3/users/{userId}:
                get:
                  operationId: UserController_getUser
                  summary: 获取用户
                  parameters:
                    - { name: userId, in: path, required: true, description: 用户 ID, schema: { type: string }, example: u-1 }
                    - { name: lang, in: query, required: false, schema: { type: string, enum: [zh-CN, en-US], default: zh-CN } }
                    - { name: X-Trace, in: header, schema: { type: string } }
                  responses: { default: { content: { application/json: { schema: { $ref: "#/components/schemas/OkDto" } } } } }
              /oidc/token:
                post:
                  operationId: OidcController_exchangeToken
                  summary: 换取 Token
                  requestBody: { content: { application/x-www-form-urlencoded: { schema: { $ref: "#/components/schemas/OkDto" } } } }
                  responses: { "200": { content: { application/json: { schema: { $ref: "#/components/schemas/OkDto" } } } } }
            """
        let result = Self.run(Self.document(paths))
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let user = Self.file(result, "user.yaml")
        #expect(user.contains("""
                pathParams:
                  userId:
                    type: string
                    description: { zh: 用户 ID }
                    example: u-1
                query:
                  lang:
                    enum: [zh-CN, en-US]
                    default: zh-CN
                response: OkDto
            """), "\(user)")
        // Operations without tags share the group 其他, named after the first one's controller.
        #expect(result.files.map(\.path) == ["user.yaml"])
        #expect(user.contains("request: OkDto\n    encoding: form"))
        let notes = result.diagnostics.map(\.description)
        #expect(notes.contains { $0.contains("#/paths/~1api~1v3~1users~1{userId}/get/parameters/2: 'header' parameters are not supported; 'X-Trace' skipped") })
        #expect(notes.contains { $0.contains("#/paths/~1api~1v3~1users~1{userId}/get/responses/default: no 200 or 201 response; the default response's schema is used") })
    }

    @Test func hiddenOperationsAreSkippedAndListedDeprecatedOnesKept() {
        let paths = """
              /a:
                get:
                  operationId: AController_hidden
                  x-authing-hidden-from-sdk: true
                  responses: { "200": { content: { application/json: { schema: { $ref: "#/components/schemas/OkDto" } } } } }
              /b:
                get:
                  operationId: AController_old
                  summary: 旧
                  deprecated: true
                  security: [{ x-authing-userpool-id: [] }]
                  responses: { "200": { content: { application/json: { schema: { $ref: "#/components/schemas/OkDto" } } } } }
            """
        let result = Self.run(Self.document(paths))
        #expect(result.hidden == ["GET /a (AController_hidden)"])
        #expect(result.deprecated == ["GET /b (AController_old)"])
        #expect(result.operationCount == 1)
        #expect(Self.file(result, "a.yaml").contains("    deprecated: true"))
        #expect(result.diagnostics.map(\.description).contains {
            $0.contains("#/paths/~1b/get/security/0/x-authing-userpool-id: security scheme 'x-authing-userpool-id' is not defined in components.securitySchemes; ignored")
        })
    }

    @Test func examplesOfTheWrongTypeAreConvertedOrDroppedAndSaid() {
        let schemas = """
            ExDto:
              type: object
              properties:
                timeout: { type: number, example: "60000" }
                active: { type: boolean, example: "true" }
                isSnsCode: { type: boolean, example: "" }
                joinAt: { type: string, format: date-time, example: xxxx }
                kind: { type: string, enum: [a, b], example: c }
        """
        let paths = """
              /x:
                post:
                  operationId: XController_x
                  summary: X
                  requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/ExDto" } } } }
                  responses: { "200": { content: { application/json: { schema: { $ref: "#/components/schemas/OkDto" } } } } }
            """
        let result = Self.run(Self.document(paths, schemas: schemas))
        let text = Self.file(result, "x.yaml")
        #expect(text.contains("timeout:\n        type: number\n        example: 60000"))
        #expect(text.contains("active:\n        type: boolean\n        example: true"))
        #expect(!text.contains("xxxx"))
        let notes = result.diagnostics.map(\.description)
        #expect(notes.contains { $0.contains("ExDto/properties/timeout/example: the string '60000' is kept as the number 60000") })
        #expect(notes.contains { $0.contains("ExDto/properties/isSnsCode/example: '\"\"' where true or false is expected; dropped") })
        #expect(notes.contains { $0.contains("ExDto/properties/joinAt/example: 'xxxx' is not an ISO 8601 date-time; dropped") })
        #expect(notes.contains { $0.contains("ExDto/properties/kind/example: 'c' is not one of the enum's values; dropped") })
    }

    @Test func constraintsAreCarriedAndExamplesThatBreakThemAreDroppedAndSaid() {
        let schemas = """
            CheckDto:
              type: object
              properties:
                resources:
                  type: array
                  minItems: 1
                  items: { type: string, minLength: 1, maxLength: 10 }
                  example: [short, "far-too-long-resource-code", ok]
                name: { type: string, maxLength: 3, example: abcd }
                limit: { type: number, minimum: 1, maximum: 50, example: 10 }
        """
        let paths = """
              /x:
                get:
                  operationId: XController_x
                  summary: X
                  parameters:
                    - { name: qrcodeId, in: query, required: true, example: "", schema: { type: string } }
                    - { name: code, in: query, required: false, maxLength: 50, example: "", schema: { type: string } }
                  responses: { "200": { content: { application/json: { schema: { $ref: "#/components/schemas/OkDto" } } } } }
                post:
                  operationId: XController_y
                  summary: Y
                  requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/CheckDto" } } } }
                  responses: { "200": { content: { application/json: { schema: { $ref: "#/components/schemas/OkDto" } } } } }
            """
        let result = Self.run(Self.document(paths, schemas: schemas))
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let text = Self.file(result, "x.yaml")
        #expect(text.contains("""
                  resources:
                    type: [string]
                    minItems: 1
                    items:
                      minLength: 1
                      maxLength: 10
                    example: [short, ok]
            """), "\(text)")
        #expect(text.contains("name:\n        type: string\n        maxLength: 3\n      limit:"), "\(text)")
        #expect(text.contains("limit:\n        type: number\n        minimum: 1\n        maximum: 50\n        example: 10"), "\(text)")
        #expect(text.contains("qrcodeId:\n        type: string\n        required: true\n      code:"), "\(text)")
        #expect(text.contains("code:\n        type: string\n        maxLength: 50\n    response:"), "\(text)")
        let notes = result.diagnostics.map(\.description)
        #expect(notes.contains("api.yaml:9:65: warning: #/paths/~1x/get/parameters/0/example: the example is empty, but a parameter's value in a URL must not be: the server reads an empty value as none; dropped, the samples use a placeholder"), "\(notes)")
        #expect(notes.contains { $0.hasSuffix("#/components/schemas/CheckDto/properties/resources/example/1: this item of the example has 26 characters; 'maxLength' is 10; left out of the example") })
        #expect(notes.contains { $0.hasSuffix("#/components/schemas/CheckDto/properties/name/example: the example has 4 characters; 'maxLength' is 3; dropped, the samples use a value that keeps it") })
    }

    @Test func overlaysMergeTextsTypesAndEnumValues() {
        let overlay = """
            endpoints:
              sendSms:
                summary: { en: Send SMS }
            types:
              SendSMSDto:
                properties:
                  channel:
                    enum:
                      CHANNEL_LOGIN: { en: for user login }
                      CHANNEL_FUTURE: { en: sent by the server, zh: 服务端会返回 }
              OkDto:
                properties:
                  statusCode: { type: integer }
            """
        let result = Self.run(Self.document(Self.post, schemas: Self.sendSMSDto), overlays: ["message.yaml": overlay])
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let text = Self.file(result, "message.yaml")
        #expect(text.contains("summary: { en: Send SMS, zh: 发送短信 }"))
        #expect(text.contains("CHANNEL_LOGIN: { en: for user login, zh: 用于用户登录 }"))
        #expect(text.contains("CHANNEL_REGISTER: { zh: 用于用户注册 }\n          CHANNEL_FUTURE: { en: sent by the server, zh: 服务端会返回 }"))
        #expect(text.contains("statusCode:\n        type: integer"))
    }

    @Test func anOverlayThatPointsAtNothingIsAnError() {
        let overlay = """
            endpoints:
              sendSMS:
                summary: { en: Send SMS }
            types:
              SendSMSDto:
                properties:
                  phone: { description: { en: Phone } }
            """
        let result = Self.run(Self.document(Self.post, schemas: Self.sendSMSDto), overlays: ["message.yaml": overlay, "gone.yaml": "types: {}\n"])
        #expect(result.hasErrors)
        #expect(result.files.isEmpty)
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors == [
            "overlays/gone.yaml:1:1: error: overlay 'gone.yaml' has no spec file to apply to; the import produces 'message.yaml'",
            "overlays/message.yaml:2:3: error: the overlay changes endpoint 'sendSMS', which the import does not produce (any more) (did you mean 'sendSms'?)",
            "overlays/message.yaml:7:7: error: the overlay changes property 'phone', which the import does not produce (any more)",
        ])
    }

    @Test func importingIsDeterministic() {
        let document = Self.document(Self.post, schemas: Self.sendSMSDto)
        let first = Self.run(document)
        let second = Self.run(document)
        #expect(first.files.map(\.contents) == second.files.map(\.contents))
        #expect(!first.files.isEmpty)
    }

    /// GenAuth's document and the overlays reproduce the committed specs byte for byte.
    /// GenAuth's documents and the overlays reproduce the committed specs byte for byte.
    @Test(arguments: [
        ("authentication", "AuthenticationClient", 86, 21, 0),
        ("management", "ManagementClient", 414, 11, 4),
    ])
    func theRealDocumentReproducesTheCommittedSpecs(name: String, client: String, operations: Int, hidden: Int, renamed: Int) throws {
        let root = Harness.packageRoot
        let documentURL = root.appendingPathComponent("openapi/\(name)-openapi.json")
        let document = SpecSource(displayPath: documentURL.path, relativePath: "\(name)-openapi.json", contents: try Data(contentsOf: documentURL))
        let overlays = try Workspace.readSpecs(at: root.appendingPathComponent("overlays/\(name)").path)
        let result = OpenAPIImport.run(
            document: document, client: client, overlays: overlays, overlaysFolder: "overlays/\(name)", outputFolder: "specs/\(name)")
        #expect(!result.hasErrors, "\(result.diagnostics.filter { $0.severity == .error })")
        #expect(result.operationCount == operations)
        #expect(result.hidden.count == hidden)
        // Colliding method names: every operation is kept, under a name of its own.
        #expect(result.diagnostics.filter { $0.message.contains("already taken by") && $0.message.contains("this one is named") }.count == renamed)
        #expect(!result.diagnostics.contains { $0.message.contains("; skipped") && $0.message.contains("already taken") })

        let plan = try Workspace.plan(
            result.files.map { (folder: root.appendingPathComponent("specs/\(name)").path, path: $0.path, contents: $0.contents) },
            managing: [root.appendingPathComponent("specs/\(name)").path])
        for change in plan.changed {
            let onDisk = try String(contentsOfFile: change.path, encoding: .utf8)
            Issue.record("stale: \(change.path)\n\(Harness.diff(expected: onDisk, actual: change.contents, name: change.path))")
        }
        for change in plan.created { Issue.record("missing: \(change.path)") }
        for path in plan.removed { Issue.record("extra: \(path)") }
    }
}
