// The contexts of GenAuth's error codes (`errorCodes` in the specs): the error-codes page of each language and the
// SDK's table of documented codes (`GenAuthAPICode`, `GenAuthStatusCode`).

/// `doc-error-codes.mustache`: `docs/<lang>/guides/error-codes.md`.
struct ErrorCodesPageContext: TemplateContext {
    let header: String
    let title: String
    let intro: String
    let statusCodeTitle: String
    let statusCodeIntro: String
    let apiCodeTitle: String
    let apiCodeIntro: String
    let errorHeader: String
    let meaningHeader: String
    let actionHeader: String
    let seeAlso: String
    let statusCodes: [ErrorCodeRow]
    let apiCodes: [ErrorCodeRow]
}

/// One row of a table of codes; every text is a table cell already.
struct ErrorCodeRow: TemplateContext {
    let code: Int
    /// `` `InvalidArgumentError` ``, or empty.
    let errorName: String
    let meaning: String
    let action: String
}

/// `swift-error-codes.mustache`: `GenAuthCore/Generated/ErrorCodeTables.swift`.
struct ErrorCodesSwiftContext: TemplateContext {
    let header: [String]
    let statusCodes: [ErrorCodeLiteral]
    let apiCodes: [ErrorCodeLiteral]
}

/// The arguments of one code's initializer, as Swift literals.
struct ErrorCodeLiteral: TemplateContext {
    let code: Int
    /// A string literal, or `nil`.
    let name: String
    let meaning: String
    let chineseMeaning: String
    let action: String
    let chineseAction: String
}

enum ErrorCodeContexts {
    static func page(_ catalogue: ErrorCatalogue, language: Language, specsFolder: String) -> ErrorCodesPageContext {
        let labels = ErrorCodeLabels.of(language)
        func rows(_ codes: [ErrorCode]) -> [ErrorCodeRow] {
            codes.map { code in
                ErrorCodeRow(
                    code: code.code,
                    errorName: code.name.map { Escaping.codeSpan($0) } ?? "",
                    meaning: MarkdownRendering.cell(code.meaning.resolved(language)),
                    action: MarkdownRendering.cell(code.action?.resolved(language) ?? ""))
            }
        }
        return ErrorCodesPageContext(
            header: DocContexts.header(for: [catalogue.specPath], specsFolder: specsFolder),
            title: labels.title, intro: labels.intro,
            statusCodeTitle: labels.statusCodeTitle, statusCodeIntro: labels.statusCodeIntro,
            apiCodeTitle: labels.apiCodeTitle, apiCodeIntro: labels.apiCodeIntro,
            errorHeader: labels.errorHeader, meaningHeader: labels.meaningHeader, actionHeader: labels.actionHeader,
            seeAlso: labels.seeAlso,
            statusCodes: rows(catalogue.statusCodes), apiCodes: rows(catalogue.apiCodes))
    }

    static func swift(_ catalogue: ErrorCatalogue, specsFolder: String) -> ErrorCodesSwiftContext {
        func literal(_ text: Text?, _ language: Language) -> String {
            guard let text else { return "nil" }
            return Escaping.swiftStringLiteral(text.resolved(language))
        }
        func literals(_ codes: [ErrorCode]) -> [ErrorCodeLiteral] {
            codes.map { code in
                ErrorCodeLiteral(
                    code: code.code, name: code.name.map(Escaping.swiftStringLiteral) ?? "nil",
                    meaning: literal(code.meaning, .en), chineseMeaning: literal(code.meaning, .zh),
                    action: literal(code.action, .en), chineseAction: literal(code.action, .zh))
            }
        }
        return ErrorCodesSwiftContext(
            header: [
                "\(OutputNaming.swiftMarker) from \(specsFolder)/\(catalogue.specPath).",
                "// Do not edit: change the spec and run `swift run genauth-codegen generate`.",
            ],
            statusCodes: literals(catalogue.statusCodes), apiCodes: literals(catalogue.apiCodes))
    }
}

/// The fixed words of the error-codes page, per language.
private struct ErrorCodeLabels {
    let title: String
    let intro: String
    let statusCodeTitle: String
    let statusCodeIntro: String
    let apiCodeTitle: String
    let apiCodeIntro: String
    let errorHeader: String
    let meaningHeader: String
    let actionHeader: String
    let seeAlso: String

    static func of(_ language: Language) -> ErrorCodeLabels {
        switch language {
        case .en:
            return ErrorCodeLabels(
                title: "Error codes",
                intro: """
                    Every answer of GenAuth's V3 API carries a `statusCode`; a failure with a business meaning carries an \
                    `apiCode` as well. The SDK throws every answer whose `statusCode` is not 200 as a `GenAuthError` \
                    ([Handling errors](errors.md)): `error.statusCode` and `error.apiCode` read the codes, and \
                    `error.documentedAPICode` and `error.documentedStatusCode` give their rows of the tables below.
                    """,
                statusCodeTitle: "statusCode",
                statusCodeIntro: """
                    `statusCode` says which kind of failure happened: it is 200 if and only if the request succeeded. \
                    Unless a method's page says otherwise, GenAuth answers HTTP 200 whatever the `statusCode`, so an \
                    answer with HTTP 200 is not a success until its `statusCode` is 200. In most cases `statusCode` is \
                    all you need; `apiCode` is for reacting to one particular business error.
                    """,
                apiCodeTitle: "apiCode",
                apiCodeIntro: """
                    `apiCode` names one specific error. It comes only with a `statusCode` other than 200, and only when \
                    the failure has a business meaning. The 16xx codes are not failures of your request but the steps \
                    of GenAuth's post-authentication flow: MFA, a password to reset, an identity to bind, information to \
                    complete.
                    """,
                errorHeader: "Error", meaningHeader: "Meaning", actionHeader: "What to do",
                seeAlso: "See also: [Handling errors](errors.md), which shows how to catch them in Swift.")
        case .zh:
            return ErrorCodeLabels(
                title: "错误代码",
                intro: """
                    GenAuth V3 API 的每个响应都带有 `statusCode`；具备业务含义的失败还会带有 `apiCode`。SDK 把 `statusCode` \
                    不为 200 的响应都作为 `GenAuthError` 抛出（见[错误处理](errors.md)）：`error.statusCode` 和 \
                    `error.apiCode` 读取这两个代码，`error.documentedAPICode` 和 `error.documentedStatusCode` 给出它们在下表中的说明。
                    """,
                statusCodeTitle: "statusCode",
                statusCodeIntro: """
                    `statusCode` 表示失败的类型：**当且仅当 `statusCode` 为 200 时，请求成功**。如果方法的文档页没有特别说明，\
                    无论 `statusCode` 是多少，GenAuth 返回的 HTTP 状态码都是 200，因此 HTTP 状态码为 200 的响应不代表成功。\
                    大多数情况下只需关注 `statusCode`；需要对某种特定的业务错误做出响应时，才需要关注 `apiCode`。
                    """,
                apiCodeTitle: "apiCode",
                apiCodeIntro: """
                    `apiCode` 是业务状态码，每个 `apiCode` 对应一种具体的错误。它只会在 `statusCode` 不为 200 且错误具备业务含义时返回。\
                    16xx 不是请求的错误，而是 GenAuth 认证后流程的步骤：MFA、重置密码、绑定身份、补全信息。
                    """,
                errorHeader: "错误类型", meaningHeader: "含义", actionHeader: "处理方式",
                seeAlso: "另请参阅：[错误处理](errors.md)，其中说明了如何在 Swift 中捕获这些错误。")
        }
    }
}
