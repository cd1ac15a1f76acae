/// A strict reader of the XML a CAS server answers with (CAS Protocol 3.0 §2.5, §2.6): elements with namespaces,
/// attributes, text, character and entity references, CDATA sections and comments.
///
/// It is not a general XML parser, on purpose: a document type declaration (`<!DOCTYPE`) is refused, so entity
/// expansion and external entities (XXE) cannot happen, and nesting is limited. On Linux, Foundation's `XMLParser`
/// would link libxml2 into every app of the product for this one answer.
struct CASXMLElement: Sendable, Equatable {
    /// The namespace the element's prefix stands for, or nil.
    var namespace: String?
    /// The name without its prefix.
    var localName: String
    /// Attributes by their name as written (prefix included).
    var attributes: [String: String]
    var children: [CASXMLElement]
    /// The element's own text (its children's not included), references resolved.
    var text: String

    func child(_ localName: String, namespace: String?) -> CASXMLElement? {
        children.first { $0.localName == localName && $0.namespace == namespace }
    }
}

struct CASXMLError: Error, Equatable, CustomStringConvertible {
    var description: String
}

enum CASXML {
    static let maximumDepth = 64

    /// The document's root element.
    static func parse(_ text: String) throws(CASXMLError) -> CASXMLElement {
        var reader = Reader(bytes: Array(text.utf8))
        reader.skipProlog()
        guard reader.peek() == UInt8(ascii: "<") else { throw CASXMLError(description: "no root element") }
        let root = try reader.element(depth: 0, namespaces: ["xml": "http://www.w3.org/XML/1998/namespace"])
        try reader.skipMisc()
        guard reader.atEnd else { throw CASXMLError(description: "content after the root element") }
        return root
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index >= bytes.count }
        func peek(_ offset: Int = 0) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

        func starts(with text: String) -> Bool {
            let pattern = Array(text.utf8)
            return index + pattern.count <= bytes.count && Array(bytes[index..<index + pattern.count]) == pattern
        }

        mutating func skipWhitespace() {
            while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        /// Skips the byte order mark, the XML declaration, comments and whitespace before the root.
        mutating func skipProlog() {
            if starts(with: "\u{FEFF}") { index += 3 }
            try? skipMisc()
        }

        mutating func skipMisc() throws(CASXMLError) {
            while true {
                skipWhitespace()
                if starts(with: "<?") {
                    try skip(past: "?>")
                } else if starts(with: "<!--") {
                    try skip(past: "-->")
                } else if starts(with: "<!") {
                    throw CASXMLError(description: "a document type declaration is not accepted")
                } else {
                    return
                }
            }
        }

        mutating func skip(past terminator: String) throws(CASXMLError) {
            while !atEnd {
                if starts(with: terminator) {
                    index += terminator.utf8.count
                    return
                }
                index += 1
            }
            throw CASXMLError(description: "unterminated '\(terminator)'")
        }

        mutating func name() throws(CASXMLError) -> String {
            let start = index
            while let byte = peek(), !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D), byte != UInt8(ascii: ">"),
                  byte != UInt8(ascii: "/"), byte != UInt8(ascii: "="), byte != UInt8(ascii: "<") {
                index += 1
            }
            guard index > start else { throw CASXMLError(description: "a name is missing") }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func element(depth: Int, namespaces inherited: [String: String]) throws(CASXMLError) -> CASXMLElement {
            guard depth < CASXML.maximumDepth else { throw CASXMLError(description: "elements nested too deeply") }
            index += 1  // <
            let qualifiedName = try name()
            var attributes: [String: String] = [:]
            var selfClosing = false
            while true {
                skipWhitespace()
                guard let byte = peek() else { throw CASXMLError(description: "unterminated start tag") }
                if byte == UInt8(ascii: ">") {
                    index += 1
                    break
                }
                if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: ">") {
                    index += 2
                    selfClosing = true
                    break
                }
                let attribute = try name()
                skipWhitespace()
                guard peek() == UInt8(ascii: "=") else { throw CASXMLError(description: "an attribute without a value") }
                index += 1
                skipWhitespace()
                guard let quote = peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    throw CASXMLError(description: "an attribute value without quotes")
                }
                index += 1
                let start = index
                while let byte = peek(), byte != quote {
                    guard byte != UInt8(ascii: "<") else { throw CASXMLError(description: "'<' in an attribute value") }
                    index += 1
                }
                guard !atEnd else { throw CASXMLError(description: "unterminated attribute value") }
                let value = try Self.resolveReferences(bytes[start..<index])
                index += 1
                guard attributes.updateValue(value, forKey: attribute) == nil else {
                    throw CASXMLError(description: "a repeated attribute")
                }
            }
            var namespaces = inherited
            for (name, value) in attributes {
                if name == "xmlns" { namespaces[""] = value } else if name.hasPrefix("xmlns:") { namespaces[String(name.dropFirst(6))] = value }
            }
            let parts = qualifiedName.split(separator: ":", maxSplits: 1).map(String.init)
            let (prefix, localName) = parts.count == 2 ? (parts[0], parts[1]) : ("", parts[0])
            guard prefix.isEmpty || namespaces[prefix] != nil else {
                throw CASXMLError(description: "the prefix '\(prefix)' is not declared")
            }
            var element = CASXMLElement(namespace: namespaces[prefix], localName: localName, attributes: attributes, children: [], text: "")
            if selfClosing { return element }

            var text: [UInt8] = []
            while true {
                guard let byte = peek() else { throw CASXMLError(description: "'\(qualifiedName)' is not closed") }
                if byte != UInt8(ascii: "<") {
                    let start = index
                    while let byte = peek(), byte != UInt8(ascii: "<") { index += 1 }
                    text += Array(try Self.resolveReferences(bytes[start..<index]).utf8)
                } else if starts(with: "</") {
                    index += 2
                    let closing = try name()
                    skipWhitespace()
                    guard closing == qualifiedName, peek() == UInt8(ascii: ">") else {
                        throw CASXMLError(description: "'\(qualifiedName)' is closed by '\(closing)'")
                    }
                    index += 1
                    element.text = String(decoding: text, as: UTF8.self)
                    return element
                } else if starts(with: "<!--") {
                    try skip(past: "-->")
                } else if starts(with: "<![CDATA[") {
                    index += 9
                    let start = index
                    try skip(past: "]]>")
                    text += bytes[start..<index - 3]
                } else if starts(with: "<!") {
                    throw CASXMLError(description: "a declaration inside an element")
                } else if starts(with: "<?") {
                    try skip(past: "?>")
                } else {
                    element.children.append(try self.element(depth: depth + 1, namespaces: namespaces))
                }
            }
        }

        /// The five predefined entities and character references (XML 1.0 §4.1, §4.6); any other reference is refused.
        static func resolveReferences(_ slice: ArraySlice<UInt8>) throws(CASXMLError) -> String {
            guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
            var result = ""
            var rest = Substring(String(decoding: slice, as: UTF8.self))
            while let ampersand = rest.firstIndex(of: "&") {
                result += rest[..<ampersand]
                guard let semicolon = rest[ampersand...].firstIndex(of: ";") else {
                    throw CASXMLError(description: "an unterminated reference")
                }
                let reference = rest[rest.index(after: ampersand)..<semicolon]
                switch reference {
                case "lt": result += "<"
                case "gt": result += ">"
                case "amp": result += "&"
                case "quot": result += "\""
                case "apos": result += "'"
                default:
                    let number: UInt32?
                    if reference.hasPrefix("#x") {
                        number = UInt32(reference.dropFirst(2), radix: 16)
                    } else if reference.hasPrefix("#") {
                        number = UInt32(reference.dropFirst(), radix: 10)
                    } else {
                        throw CASXMLError(description: "an unknown entity reference")
                    }
                    guard let number, let scalar = Unicode.Scalar(number), number != 0 else {
                        throw CASXMLError(description: "an invalid character reference")
                    }
                    result.unicodeScalars.append(scalar)
                }
                rest = rest[rest.index(after: semicolon)...]
            }
            return result + rest
        }
    }
}
