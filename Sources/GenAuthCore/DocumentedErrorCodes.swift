/// One of GenAuth's documented `apiCode`s: what it means and what to do about it.
///
/// The table (``documented``), the lookup (``init(_:)``) and ``GenAuthError/documentedAPICode`` are generated from
/// GenAuth's error-code list (`specs/authentication/error-codes.yaml`, into `Generated/ErrorCodeTables.swift`):
///
/// ```swift
/// func explain(_ error: GenAuthError) -> String {
///     guard let known = error.documentedAPICode else { return error.description }
///     return "\(known.code): \(known.meaning). \(known.action ?? "")"
/// }
/// ```
public struct GenAuthAPICode: Sendable, Hashable, CustomStringConvertible {
    /// The `apiCode`, such as 2333.
    public let code: Int
    /// What it means, in English.
    public let meaning: String
    /// What it means, in GenAuth's Chinese.
    public let chineseMeaning: String
    /// What to do about it, in English.
    public let action: String?
    /// What to do about it, in Chinese.
    public let chineseAction: String?

    init(code: Int, meaning: String, chineseMeaning: String, action: String?, chineseAction: String?) {
        self.code = code
        self.meaning = meaning
        self.chineseMeaning = chineseMeaning
        self.action = action
        self.chineseAction = chineseAction
    }

    /// `2333: Wrong user name or password`
    public var description: String { "\(code): \(meaning)" }
}

/// One of GenAuth's documented `statusCode`s: the kind of failure, and what to do about it.
public struct GenAuthStatusCode: Sendable, Hashable, CustomStringConvertible {
    /// The `statusCode`, such as 403.
    public let code: Int
    /// GenAuth's name for the kind of failure, such as `ForbiddenError`.
    public let name: String?
    /// What it means, in English.
    public let meaning: String
    /// What it means, in GenAuth's Chinese.
    public let chineseMeaning: String
    /// What to do about it, in English.
    public let action: String?
    /// What to do about it, in Chinese.
    public let chineseAction: String?

    init(code: Int, name: String?, meaning: String, chineseMeaning: String, action: String?, chineseAction: String?) {
        self.code = code
        self.name = name
        self.meaning = meaning
        self.chineseMeaning = chineseMeaning
        self.action = action
        self.chineseAction = chineseAction
    }

    /// `403 ForbiddenError: No permission for the operation`
    public var description: String { "\(code)\(name.map { " \($0)" } ?? ""): \(meaning)" }
}
