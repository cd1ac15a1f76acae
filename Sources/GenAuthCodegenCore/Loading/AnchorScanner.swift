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
        var quote: Unicode.Scalar?  // inside a quoted scalar that may span lines
        var flowDepth = 0
        var blockScalarIndent: Int?  // inside a block scalar: lines indented more than this belong to it
        var lineNumber = 0

        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            lineNumber += 1
            let scalars = Array(line.unicodeScalars)
            let indent = scalars.prefix { $0 == " " }.count
            if let parent = blockScalarIndent {
                if indent == scalars.count || indent > parent { continue }
                blockScalarIndent = nil
            }
            var index = 0
            var atNodeStart = quote == nil  // a line's first token may start a node
            while index < scalars.count {
                let scalar = scalars[index]
                if let open = quote {
                    if open == "\"" && scalar == "\\" {
                        index += 2
                        continue
                    }
                    if scalar == open {
                        if open == "'", index + 1 < scalars.count, scalars[index + 1] == "'" {
                            index += 2
                            continue
                        }
                        quote = nil
                    }
                    index += 1
                    continue
                }
                switch scalar {
                case " ", "\t":
                    index += 1
                    continue
                case "#" where index == 0 || scalars[index - 1] == " " || scalars[index - 1] == "\t":
                    index = scalars.count
                    continue
                case "&" where atNodeStart, "*" where atNodeStart:
                    if index + 1 < scalars.count, !" \t,[]{}".unicodeScalars.contains(scalars[index + 1]) {
                        return Finding(line: lineNumber, column: index + 1, isAlias: scalar == "*")
                    }
                case "\"" where atNodeStart, "'" where atNodeStart:
                    quote = scalar
                    atNodeStart = false
                    index += 1
                    continue
                case "|" where atNodeStart && flowDepth == 0, ">" where atNodeStart && flowDepth == 0:
                    // A block scalar header: the following, more indented lines are its text.
                    blockScalarIndent = indent
                    index = scalars.count
                    continue
                case "[", "{":
                    flowDepth += 1
                    atNodeStart = true
                    index += 1
                    continue
                case "]", "}":
                    flowDepth = max(0, flowDepth - 1)
                case "," where flowDepth > 0:
                    atNodeStart = true
                    index += 1
                    continue
                case ":", "-", "?":
                    let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                    let followedBySpace = next == " " || next == "\t" || index + 1 == scalars.count
                    if followedBySpace && (scalar == ":" || atNodeStart) {
                        atNodeStart = true
                        index += 1
                        continue
                    }
                    if scalar == ":" && flowDepth > 0 {
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
