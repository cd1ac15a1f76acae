/// The naming rules of the generated Swift (the spec format's "Naming in the generated Swift").
enum Naming {
    /// Words that must be written in backticks to be used as names.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "_", "Type", "Protocol",
    ]

    static func isTypeName(_ name: String) -> Bool {
        matches(name, first: { $0.isASCIIUppercase }, rest: { $0.isASCIIAlphanumeric })
    }

    static func isMethodName(_ name: String) -> Bool {
        matches(name, first: { $0.isASCIILowercase }, rest: { $0.isASCIIAlphanumeric })
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`
    static func isIdentifier(_ name: String) -> Bool {
        matches(name, first: { $0.isASCIILetter || $0 == "_" }, rest: { $0.isASCIIAlphanumeric || $0 == "_" })
            && name != "_"
    }

    /// `[A-Za-z][A-Za-z0-9]*`: a JSON key that is already a Swift-style name and is used unchanged
    /// (`client_id` is not: it becomes `clientId`).
    static func isPlainName(_ name: String) -> Bool {
        matches(name, first: { $0.isASCIILetter }, rest: { $0.isASCIIAlphanumeric })
    }

    /// The Swift name of a JSON key: itself where it is an identifier, else the lowerCamelCase of its words.
    /// `nil` when the key has no letters or digits.
    static func propertyName(_ key: String) -> String? {
        if isPlainName(key) { return key }
        return lowerCamelCase(key)
    }

    /// The Swift case name of an enum raw value: lowerCamelCase of its words; a leading digit gets `_`.
    static func caseName(_ rawValue: String) -> String? {
        lowerCamelCase(rawValue)
    }

    /// `phone_number` → `phoneNumber`, `CHANNEL_LOGIN` → `channelLogin`, `1` → `_1`.
    static func lowerCamelCase(_ text: String) -> String? {
        let parts = words(text)
        guard let first = parts.first else { return nil }
        let name = first.lowercased() + parts.dropFirst().map(capitalized).joined()
        return name.first!.isASCIIDigit ? "_" + name : name
    }

    /// `channel` → `Channel`, `user_type` → `UserType`; a leading digit gets `_`.
    static func upperCamelCase(_ text: String) -> String? {
        let parts = words(text)
        guard !parts.isEmpty else { return nil }
        let name = parts.map(capitalized).joined()
        return name.first!.isASCIIDigit ? "_" + name : name
    }

    /// The name of a nested type. `Type`, `Protocol` and `Self` cannot be one (`Owner.Type` is the
    /// metatype), and a name Swift or the SDK already uses would hide that type inside its owner (`Data`,
    /// `String`), so these get the suffix `Enum`: `type` → `TypeEnum`, `data` → `DataEnum`.
    static func nestedTypeName(_ name: String) -> String {
        ["Type", "Protocol", "Self"].contains(name) || ReservedNames.types.contains(name) ? name + "Enum" : name
    }

    /// `name` ready to stand in Swift source: in backticks when it is a keyword.
    static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// A parameter's declaration and the name its body uses: a parameter named `self` would shadow `self`,
    /// so it gets an internal name (`` `self` _self``); `_` and a letter never start a generated name.
    static func parameter(_ name: String) -> (declaration: String, use: String) {
        name == "self" ? ("`self` _self", "_self") : (escaped(name), escaped(name))
    }

    /// The words of a name: runs of ASCII letters and digits, split where the case changes
    /// (`phoneNumber` → phone, Number; `SAMLIdp` → SAML, Idp); anything else separates words.
    static func words(_ text: String) -> [String] {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiWords(text) : characterWords(text)
    }

    /// `words` for any text, Character by Character (a combining mark after a letter ends its run).
    static func characterWords(_ text: String) -> [String] {
        var words: [String] = []
        for run in text.split(whereSeparator: { !$0.isASCIIAlphanumeric }) {
            let characters = Array(run)
            var current = ""
            for (index, character) in characters.enumerated() {
                if let previous = current.last {
                    let next = index + 1 < characters.count ? characters[index + 1] : nil
                    let lowerToUpper = (previous.isASCIILowercase || previous.isASCIIDigit) && character.isASCIIUppercase
                    let acronymEnd = previous.isASCIIUppercase && character.isASCIIUppercase && (next?.isASCIILowercase ?? false)
                    if lowerToUpper || acronymEnd {
                        words.append(current)
                        current = ""
                    }
                }
                current.append(character)
            }
            if !current.isEmpty { words.append(current) }
        }
        return words
    }

    /// `words` for ASCII text (almost every name), on bytes: the same runs and the same splits.
    static func asciiWords(_ text: String) -> [String] {
        func kind(_ byte: UInt8) -> UInt8 {  // 0: separator, 1: lowercase, 2: uppercase, 3: digit
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): return 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return 2
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return 3
            default: return 0
            }
        }
        let bytes = Array(text.utf8)
        var words: [String] = []
        var start = -1  // the current word's first byte, or -1 outside a word
        for index in bytes.indices {
            let current = kind(bytes[index])
            if current == 0 {
                if start >= 0 { words.append(String(decoding: bytes[start..<index], as: UTF8.self)) }
                start = -1
                continue
            }
            if start >= 0 && index > start {
                let previous = kind(bytes[index - 1])
                let next = index + 1 < bytes.count ? kind(bytes[index + 1]) : 0
                let lowerToUpper = (previous == 1 || previous == 3) && current == 2
                let acronymEnd = previous == 2 && current == 2 && next == 1
                if lowerToUpper || acronymEnd {
                    words.append(String(decoding: bytes[start..<index], as: UTF8.self))
                    start = index
                }
            }
            if start < 0 { start = index }
        }
        if start >= 0 { words.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return words
    }

    private static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }

    private static func matches(_ name: String, first: (Character) -> Bool, rest: (Character) -> Bool) -> Bool {
        guard let head = name.first, first(head) else { return false }
        return name.dropFirst().allSatisfy(rest)
    }

    /// `sendSms` → `send-sms` (file names of doc pages).
    static func kebabCase(_ name: String) -> String {
        words(name).map { $0.lowercased() }.joined(separator: "-")
    }
}

extension Character {
    /// Byte comparisons, not Unicode property lookups. `"\r\n"` is the one Character whose `asciiValue`
    /// stands for two scalars; it is none of these.
    var isASCIIUppercase: Bool { asciiValue.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } ?? false }
    var isASCIILowercase: Bool { asciiValue.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) } ?? false }
    var isASCIIDigit: Bool { asciiValue.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false }
    var isASCIILetter: Bool { isASCIIUppercase || isASCIILowercase }
    var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }
}
