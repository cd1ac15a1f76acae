/// The fixed words of the doc pages, per language (GenAuth's own wording where its pages have one).
struct DocLabels: TemplateContext {
    let methodName: String
    let requestParameters: String
    let noParameters: String
    let sampleCode: String
    let requestResponse: String
    let type: String
    let exampleResults: String
    let dataStructure: String
    let name: String
    let required: String
    let defaultValue: String
    let description: String
    let exampleValue: String
    let value: String
    let yes: String
    let no: String
    let previousArticle: String
    let nextArticle: String
    let deprecated: String
    let needsAccessToken: String
    /// A management call: the client authenticates it with its access key.
    let usesAccessKey: String
    /// "GenAuth's API document calls this type" (followed by the name).
    let originalName: String
    /// Before the alternatives of a union.
    let oneOf: String
    /// Before the companion of a paginated list: "To go through every item, page after page, use".
    let everyItem: String
    /// After it: ": it returns a `PageSequence` to iterate with `for try await`; each page is fetched when needed."
    let everyItemTail: String
    /// For a list in a URL.
    let commaSeparated: String
    let httpRequest: String
    /// Under the response: a failure is thrown, never returned.
    let failureNote: String
    /// The failure note of an OAuth endpoint (`/oidc/…`, `/oauth/…`), which answers RFC 6749's errors.
    let oauthFailureNote: String
    let indexTitle: String
    let indexIntro: String
    let generatedNote: String

    static func of(_ language: Language) -> DocLabels {
        switch language {
        case .en:
            return DocLabels(
                methodName: "Method Name", requestParameters: "Request Parameters", noParameters: "This method takes no parameters.",
                sampleCode: "Sample Code", requestResponse: "Request Response", type: "Type", exampleResults: "Example Results",
                dataStructure: "Data Structure", name: "Name", required: "Required", defaultValue: "Default Value",
                description: "Description", exampleValue: "Example Value", value: "Value", yes: "Yes", no: "No",
                previousArticle: "Previous article", nextArticle: "Next article", deprecated: "Deprecated",
                needsAccessToken: "Needs the user's access token: call `setAccessToken(_:)` on the client first.",
                usesAccessKey: "Authenticated with the client's access key: the `ManagementClient` gets and renews its management token (or signs the request) by itself.",
                originalName: "GenAuth's API document calls this type",
                oneOf: "One of:",
                everyItem: "To go through every item, page after page, use",
                everyItemTail: ": it returns a `PageSequence` to iterate with `for try await`, and fetches each page when its items are needed.",
                commaSeparated: "A list is sent comma-separated: `a,b`.",
                httpRequest: "HTTP request",
                failureNote: "The method returns once GenAuth reports success. When GenAuth reports a failure (a `statusCode` other than 200, even in an HTTP 200 answer), it throws `GenAuthError.api` with GenAuth's `statusCode`, `apiCode`, `message` and `requestId`; network and HTTP failures are thrown as `GenAuthError` too.",
                oauthFailureNote: "The method returns once the endpoint answers with success. An OAuth error answer (`{\"error\", \"error_description\"}`, RFC 6749 §5.2) is thrown as `GenAuthError.oauth` with both fields and the HTTP status; network and other HTTP failures are thrown as `GenAuthError` too.",
                indexTitle: "GenAuth Swift SDK",
                indexIntro: "Every method of the SDK, by module and group. Each page shows the method's parameters, a Swift sample, and its response.",
                generatedNote: "This page is generated from the API description in `specs/`; the sample code is compiled by the SDK's tests.")
        case .zh:
            return DocLabels(
                methodName: "方法名称", requestParameters: "请求参数", noParameters: "此方法没有参数。",
                sampleCode: "示例代码", requestResponse: "请求响应", type: "类型", exampleResults: "示例结果",
                dataStructure: "数据结构", name: "名称", required: "是否必填", defaultValue: "默认值",
                description: "描述", exampleValue: "示例值", value: "值", yes: "是", no: "否",
                previousArticle: "上一篇", nextArticle: "下一篇", deprecated: "已废弃",
                needsAccessToken: "需要用户的 access token：先调用客户端的 `setAccessToken(_:)`。",
                usesAccessKey: "使用客户端的 Access Key 鉴权：`ManagementClient` 自动获取并更新管理 Token（或为请求签名）。",
                originalName: "GenAuth 的 API 文档中此类型名为",
                oneOf: "以下之一：",
                everyItem: "逐项遍历全部数据（自动逐页获取）请使用",
                everyItemTail: "：它返回一个 `PageSequence`，可用 `for try await` 遍历，需要时才获取下一页。",
                commaSeparated: "列表以逗号分隔发送：`a,b`。",
                httpRequest: "HTTP 请求",
                failureNote: "GenAuth 返回成功时方法才返回。GenAuth 返回失败时（`statusCode` 不是 200，即使 HTTP 状态是 200），方法抛出 `GenAuthError.api`，其中带有 GenAuth 的 `statusCode`、`apiCode`、`message` 和 `requestId`；网络错误和 HTTP 错误同样以 `GenAuthError` 抛出。",
                oauthFailureNote: "端点返回成功时方法才返回。OAuth 错误响应（`{\"error\", \"error_description\"}`，RFC 6749 §5.2）以 `GenAuthError.oauth` 抛出，其中带有这两个字段和 HTTP 状态码；网络错误和其他 HTTP 错误同样以 `GenAuthError` 抛出。",
                indexTitle: "GenAuth Swift SDK",
                indexIntro: "SDK 的全部方法，按模块和分组排列。每一页列出方法的参数、Swift 示例代码和响应。",
                generatedNote: "本页由 `specs/` 中的 API 描述生成；示例代码由 SDK 的测试编译。")
        }
    }
}
