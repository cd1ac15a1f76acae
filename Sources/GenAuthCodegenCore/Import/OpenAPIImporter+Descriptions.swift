import Foundation
import Yams

extension OpenAPIImporter {
    /// Reports the problems of the document's descriptions that its pages would copy, each with its JSON pointer: a
    /// ```` ```json ```` sample that is not JSON (JavaScript such as `new Date(Date.now() - …)`), and a line that
    /// announces a list (`… values are:`, `可选值为：`) with no list after it.
    mutating func checkDescriptions() {
        checkDescriptions(in: root, at: Pointer([]))
    }

    private mutating func checkDescriptions(in node: Node, at pointer: Pointer) {
        switch node {
        case .mapping:
            for (key, value, _) in YAMLTree.pairs(node) {
                if key == "description", let text = value.string {
                    for problem in Self.descriptionProblems(text) { warn(pointer.appending(key), problem, at: value) }
                } else {
                    checkDescriptions(in: value, at: pointer.appending(key))
                }
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() { checkDescriptions(in: item, at: pointer.appending(String(index))) }
        case .scalar, .alias:
            break
        }
    }

    /// What is wrong with one description, in words.
    static func descriptionProblems(_ text: String) -> [String] {
        var problems: [String] = []
        let lines = Escaping.normalizedLines(text)
        var block: [String]?
        var blockNumber = 0
        var inOtherBlock = false
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                if inOtherBlock {
                    inOtherBlock = false
                } else if let open = block {
                    let json = open.joined(separator: "\n")
                    if !isJSON(json) {
                        let culprit = open.first { Self.looksLikeCode($0) } ?? open.first ?? ""
                        problems.append("JSON sample \(blockNumber) of the description is not JSON (\(Self.quoted(culprit))); the docs show it as JavaScript")
                    }
                    block = nil
                } else if trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces).lowercased() == "json" {
                    blockNumber += 1
                    block = []
                } else {
                    inOtherBlock = true  // another language's block (or none): not checked
                }
                continue
            }
            block?.append(line)
        }
        let meaningful = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for (index, line) in meaningful.enumerated() where Self.announcesList(line) {
            let next = index + 1 < meaningful.count ? meaningful[index + 1] : nil
            if next.map({ !($0.hasPrefix("-") || $0.hasPrefix("*") || $0.hasPrefix("|") || $0.hasPrefix("```") || $0.hasPrefix("<") || $0.first?.isNumber == true) }) ?? true {
                problems.append("the description announces a list (\(Self.quoted(line))) that does not follow")
            }
        }
        return problems
    }

    /// Whether a sample is JSON.
    static func isJSON(_ text: String) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil
    }

    /// `… values are:`, `可选值为：`: a line that ends by announcing what follows.
    static func announcesList(_ line: String) -> Bool {
        let lower = line.lowercased()
        return ["values are:", "values:", "可选值为：", "可选值为:", "取值为：", "取值为:", "如下：", "如下:"].contains { lower.hasSuffix($0) }
    }

    private static func looksLikeCode(_ line: String) -> Bool {
        ["new ", "Date.now", "=>", "function", "undefined", "//"].contains { line.contains($0) }
    }

    private static func quoted(_ line: String) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return "'" + (trimmed.count > 60 ? trimmed.prefix(57) + "…" : trimmed) + "'"
    }
}
