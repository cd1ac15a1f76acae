import Yams

extension OpenAPIImporter {
    // MARK: - Error codes

    /// `error-codes.yaml`: the `statusCode` and `apiCode` tables of the tag `import.yaml` names (GenAuth's
    /// "开发准备/错误处理"), as data; codes are keys, written quoted (`"400":`) as every key that looks like a number
    /// is. The tables are Markdown in the tag's description:
    ///
    /// ```text
    /// | 4xx | 客户端异常 | - [400]InvalidArgumentError：请求参数格式错误 <br> - [401]UnauthorizedError：用户未登录 |
    /// | 1300    | AK/SK 签名不合法 |
    /// ```
    mutating func errorCodesFile(tag: Located<String>) -> SpecFileDraft? {
        let tags = YAMLTree.value(root, "tags")?.array() ?? []
        guard let index = tags.firstIndex(where: { YAMLTree.value($0, "name")?.string == tag.value }),
              let descriptionNode = YAMLTree.value(tags[index], "description"), let description = descriptionNode.string
        else {
            diagnostics.error("'errorCodes' names the tag '\(tag.value)', which the document has no description of", at: tag.location)
            return nil
        }
        let pointer = Pointer(["tags", String(index), "description"])
        let statusCodes = Self.tableRows(description, section: "statusCode").flatMap { cells -> [(String, Node)] in
            guard cells.count >= 3 else { return [] }
            return cells[2].components(separatedBy: "<br>").compactMap { item in
                Self.statusCodeEntry(item, kind: cells[1])
            }
        }
        let apiCodes = Self.tableRows(description, section: "apiCode").compactMap { cells -> (String, Node)? in
            guard cells.count >= 2, !cells[0].isEmpty, cells[0].allSatisfy(\.isASCIIDigit), !cells[1].isEmpty else { return nil }
            return (cells[0], YAMLTree.mapping([("meaning", YAMLTree.text([(.zh, cells[1])]))]))
        }
        if statusCodes.isEmpty || apiCodes.isEmpty {
            warn(pointer, "no \(statusCodes.isEmpty ? "statusCode" : "apiCode") table was found under its '## ' heading; the error codes are not imported", at: descriptionNode)
            return nil
        }
        return SpecFileDraft(
            path: "error-codes.yaml",
            node: YAMLTree.mapping([
                ("errorCodes", YAMLTree.mapping([
                    ("statusCodes", YAMLTree.mapping(statusCodes)),
                    ("apiCodes", YAMLTree.mapping(apiCodes)),
                ]))
            ]))
    }

    /// The cells of each row of the first table under `## <section>`, trimmed; the header and its rule skipped.
    static func tableRows(_ markdown: String, section: String) -> [[String]] {
        var rows: [[String]] = []
        var inSection = false
        var seenRule = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") {
                if inSection, !rows.isEmpty { break }
                inSection = trimmed.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces) == section
                continue
            }
            guard inSection, trimmed.hasPrefix("|") else {
                if inSection, seenRule, !rows.isEmpty { break }  // the table ended
                continue
            }
            var cells = trimmed.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            cells.removeFirst()
            if cells.last?.isEmpty == true { cells.removeLast() }
            if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) {
                seenRule = true
                continue
            }
            if seenRule { rows.append(cells) }
        }
        return rows
    }

    /// `- [400]InvalidArgumentError：请求参数格式错误` → `400: {name: InvalidArgumentError, meaning: 请求参数格式错误}`;
    /// `- 200: OK` → `200: {name: OK, meaning: <the row's kind>}`.
    static func statusCodeEntry(_ item: String, kind: String) -> (String, Node)? {
        var text = item.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("-") { text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
        var code = "", name = "", meaning = ""
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            code = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard let separator = rest.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
            name = rest[..<separator].trimmingCharacters(in: .whitespaces)
            meaning = rest[rest.index(after: separator)...].trimmingCharacters(in: .whitespaces)
        } else if let separator = text.firstIndex(of: ":") {
            code = text[..<separator].trimmingCharacters(in: .whitespaces)
            name = text[text.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            meaning = kind
        }
        guard code.count == 3, code.allSatisfy(\.isASCIIDigit), !meaning.isEmpty else { return nil }
        var entries: [(String, Node)] = []
        if Naming.isIdentifier(name) { entries.append(("name", YAMLTree.string(name))) }
        entries.append(("meaning", YAMLTree.text([(.zh, meaning)])))
        return (code, YAMLTree.mapping(entries))
    }
}
