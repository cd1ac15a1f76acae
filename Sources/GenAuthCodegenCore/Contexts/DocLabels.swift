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
    let httpRequest: String
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
                httpRequest: "HTTP request", indexTitle: "GenAuth Swift SDK",
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
                httpRequest: "HTTP 请求", indexTitle: "GenAuth Swift SDK",
                indexIntro: "SDK 的全部方法，按模块和分组排列。每一页列出方法的参数、Swift 示例代码和响应。",
                generatedNote: "本页由 `specs/` 中的 API 描述生成；示例代码由 SDK 的测试编译。")
        }
    }
}
