/// GenAuth's error codes: the `statusCode`s and `apiCode`s of its answers, with what each means and what to do.
/// The generator writes them into the error-codes page of each language and into the SDK (`GenAuthAPICode`).
struct ErrorCatalogue: Sendable {
    /// The spec file that lists them, relative to the specs folder.
    var specPath: String
    /// In code order.
    var statusCodes: [ErrorCode]
    /// In code order.
    var apiCodes: [ErrorCode]
}

struct ErrorCode: Sendable {
    var code: Int
    /// The error's class name (`InvalidArgumentError`), for a statusCode.
    var name: String?
    var meaning: Text
    var action: Text?
}
