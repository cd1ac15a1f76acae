import Foundation
import Yams

extension OpenAPIImporter {
    // MARK: - Files

    mutating func files(for operations: [Operation]) -> [SpecFileDraft] {
        var groups: [String] = []
        for operation in operations where !groups.contains(operation.group) { groups.append(operation.group) }

        // Which group's endpoints reach each type, in first-use order.
        var order: [String] = []
        var owners: [String: Set<String>] = [:]
        var typeNodes: [String: Node] = [:]
        for operation in operations {
            var queue = operation.types
            var seen = Set<String>()
            while !queue.isEmpty {
                let name = queue.removeFirst()
                guard seen.insert(name).inserted else { continue }
                owners[name, default: []].insert(operation.group)
                if typeNodes[name] == nil {
                    var referenced: [String] = []
                    typeNodes[name] = convertType(name, referenced: &referenced)
                    order.append(name)
                    typeReferences[name] = referenced
                }
                queue += typeReferences[name] ?? []
            }
        }

        var drafts: [SpecFileDraft] = []
        var usedFiles: [String: String] = [:]
        for group in groups {
            let setting = settings.groups[group]
            var stem = setting?.file ?? fallbackFileStem(group, operations: operations.filter { $0.group == group })
            if let other = usedFiles[stem] {
                diagnostics.warning("groups '\(other)' and '\(group)' would both be written to '\(stem).yaml'; '\(group)' gets a suffix", at: setting?.location)
                stem += "-2"
            }
            usedFiles[stem] = group
            var entries: [(String, Node)] = [("client", YAMLTree.string(client))]
            if let module = settings.module {
                entries.append(("module", textNode(module)))
            } else if let title = YAMLTree.value(YAMLTree.value(root, "info"), "title")?.string {
                entries.append(("module", YAMLTree.text([(.zh, title)])))
            }
            var groupText: [(Language, String)] = []
            if let english = setting?.english { groupText.append((.en, english)) }
            groupText.append((.zh, group))
            entries.append(("group", YAMLTree.text(groupText)))
            if let module = setting?.swiftModule { entries.append(("swiftModule", YAMLTree.string(module.value))) }
            entries.append(("endpoints", YAMLTree.mapping(operations.filter { $0.group == group }.map { ($0.name, $0.node) })))
            let own = order.filter { owners[$0] == [group] }
            if !own.isEmpty { entries.append(("types", YAMLTree.mapping(own.map { (swiftTypeName($0), typeNodes[$0]!) }))) }
            drafts.append(SpecFileDraft(path: "\(stem).yaml", node: YAMLTree.mapping(entries)))
        }
        let shared = order.filter { (owners[$0]?.count ?? 0) > 1 }
        if !shared.isEmpty {
            drafts.append(SpecFileDraft(
                path: "common.yaml",
                node: YAMLTree.mapping([
                    ("client", YAMLTree.string(client)),
                    ("types", YAMLTree.mapping(shared.map { (swiftTypeName($0), typeNodes[$0]!) })),
                ])))
        }
        for (group, setting) in settings.groups.sorted(by: { $0.key < $1.key }) where !groups.contains(group) {
            diagnostics.error("'groups' names '\(group)', which no imported operation belongs to", at: setting.location)
        }
        return drafts.sorted { $0.path < $1.path }
    }

    /// A file name for a group the settings do not name: the controller of its first operation.
    mutating func fallbackFileStem(_ group: String, operations: [Operation]) -> String {
        let operationId = operations.first.flatMap { operation in
            YAMLTree.pairs(YAMLTree.value(root, "paths")).lazy.flatMap { YAMLTree.pairs($0.value) }
                .first { Self.methodName(YAMLTree.value($0.value, "operationId")?.string ?? "") == operation.name }
                .flatMap { YAMLTree.value($0.value, "operationId")?.string }
        } ?? ""
        let controller = Self.controllerStem(operationId)
        let stem = Naming.kebabCase(controller).isEmpty ? "group" : Naming.kebabCase(controller)
        diagnostics.warning(
            "group '\(group)' has no entry in import.yaml's 'groups'; its file is named '\(stem).yaml' and it has no English name",
            at: nil)
        return stem
    }

    func textNode(_ text: Text) -> Node {
        if let plain = text.plain { return YAMLTree.string(plain) }
        return YAMLTree.text(Language.allCases.compactMap { language in text.translations[language].map { (language, $0) } })
    }
}
