/// A language the docs are written in.
public enum Language: String, CaseIterable, Sendable, Comparable {
    case en, zh

    public static func < (lhs: Language, rhs: Language) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A text of the specs: one string for every language, or one per language.
struct Text: Hashable, Sendable {
    /// The string written without a language; it serves every language.
    var plain: String?
    var translations: [Language: String] = [:]

    init(plain: String) {
        self.plain = plain
    }

    init(translations: [Language: String]) {
        self.translations = translations
    }

    /// The text in `language`, falling back to the plain string, then to another language.
    func resolved(_ language: Language) -> String {
        if let text = translations[language] ?? plain { return text }
        return Language.allCases.lazy.compactMap { translations[$0] }.first ?? ""
    }

    /// Whether `language` has to fall back to another language's text.
    func isMissing(_ language: Language) -> Bool {
        plain == nil && translations[language] == nil
    }
}
