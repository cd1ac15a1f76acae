/// Finds YAML anchors (`&name`) and aliases (`*name`) before the text reaches Yams.
///
/// Specs have no use for them, and they are dangerous: a few lines of aliases stand for an exponentially
/// large tree ("billion laughs"), and `Yams.compose` hashes such a tree whole when it checks a mapping's
/// keys for duplicates, which never finishes. So they are refused up front.
///
/// This is a scanner, not a parser: it follows quotes, comments, flow collections and block scalars well
/// enough to look only where a YAML node can start (a line's first token, after `: `, `- `, `? `, and after
/// `[`, `{` or `,` in a flow collection), so text such as `**bold**` inside a scalar is never taken for one.
enum AnchorScanner {
    struct Finding: Equatable {
        var line: Int
        var column: Int
        var isAlias: Bool
    }

    static func firstAnchorOrAlias(in text: String) -> Finding? {
        // Every character that matters is ASCII, so the scan runs over UTF-8 bytes.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) { return nil }
        var text = text
        return text.withUTF8 { scan(Array($0)) }
    }

    private static func scan(_ bytes: [UInt8]) -> Finding? {
        var quote: UInt8?  // inside a quoted scalar that may span lines
        var flowDepth = 0
        var blockScalarIndent: Int?  // inside a block scalar: lines indented more than this belong to it
        var lineNumber = 0
        var lineStart = 0

        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n"), bytes[lineEnd] != UInt8(ascii: "\r") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var indent = 0
            while lineStart + indent < lineEnd, bytes[lineStart + indent] == UInt8(ascii: " ") { indent += 1 }
            if let parent = blockScalarIndent {
                if lineStart + indent == lineEnd || indent > parent { continue }
                blockScalarIndent = nil
            }
            var index = lineStart
            var atNodeStart = quote == nil  // a line's first token may start a node
            while index < lineEnd {
                let byte = bytes[index]
                if let open = quote {
                    if open == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    if byte == open {
                        if open == UInt8(ascii: "'"), index + 1 < lineEnd, bytes[index + 1] == UInt8(ascii: "'") {
                            index += 2
                            continue
                        }
                        quote = nil
                    }
                    index += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    index += 1
                    continue
                case UInt8(ascii: "#") where index == lineStart || bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "\t"):
                    index = lineEnd
                    continue
                case UInt8(ascii: "&") where atNodeStart, UInt8(ascii: "*") where atNodeStart:
                    if index + 1 < lineEnd, !" \t,[]{}".utf8.contains(bytes[index + 1]) {
                        let column = SourceLocation.column(after: bytes[lineStart..<index])
                        return Finding(line: lineNumber, column: column, isAlias: byte == UInt8(ascii: "*"))
                    }
                case UInt8(ascii: "\"") where atNodeStart, UInt8(ascii: "'") where atNodeStart:
                    quote = byte
                    atNodeStart = false
                    index += 1
                    continue
                case UInt8(ascii: "|") where atNodeStart && flowDepth == 0, UInt8(ascii: ">") where atNodeStart && flowDepth == 0:
                    // A block scalar header: the following, more indented lines are its text.
                    blockScalarIndent = indent
                    index = lineEnd
                    continue
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowDepth += 1
                    atNodeStart = true
                    index += 1
                    continue
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flowDepth = max(0, flowDepth - 1)
                case UInt8(ascii: ",") where flowDepth > 0:
                    atNodeStart = true
                    index += 1
                    continue
                case UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?"):
                    let next = index + 1 < lineEnd ? bytes[index + 1] : UInt8(ascii: " ")
                    let followedBySpace = next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || index + 1 == lineEnd
                    if followedBySpace && (byte == UInt8(ascii: ":") || atNodeStart) {
                        atNodeStart = true
                        index += 1
                        continue
                    }
                    if byte == UInt8(ascii: ":") && flowDepth > 0 {
                        // In a flow collection a value may follow its key's ':' directly (JSON's "a":"b").
                        atNodeStart = true
                        index += 1
                        continue
                    }
                default:
                    break
                }
                // Any other character: a plain scalar runs to the next indicator.
                atNodeStart = false
                index += 1
            }
        }
        return nil
    }
}
