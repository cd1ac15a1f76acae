import Yams

/// `translations.yaml` in the overlays folder: the English of the document's Chinese texts, as a list of
/// `{zh, en}` pairs. The import adds the English to every text of the spec files whose Chinese is exactly an
/// entry's `zh` and that has no English yet; an overlay's English still wins.
///
/// ```yaml
/// - zh: 发送短信
///   en: Send SMS
/// ```
///
/// An entry may also say `zhAs`: the Chinese to write instead of the document's, where the document's is wrong
/// (a reference to a section that does not exist, say); the entry still matches the document's text.
public struct Translations {
    static let fileName = "translations.yaml"

    /// Chinese → English, and where each entry is written.
    private(set) var english: [String: (text: String, location: SourceLocation)] = [:]
    /// Chinese → the Chinese written instead (`zhAs`).
    private(set) var chinese: [String: String] = [:]

    static func load(_ source: SpecSource?, diagnostics: inout DiagnosticCollector) -> Translations {
        var result = Translations()
        guard let source, let root = ImportSettings.loadNode(source, diagnostics: &diagnostics) else { return result }
        var reader = NodeReader(file: source.displayPath)
        guard case .sequence(let entries) = root else {
            reader.diagnostics.error("expected a list of {zh, en} entries", at: reader.location(root))
            diagnostics.append(contentsOf: reader.diagnostics.diagnostics)
            return result
        }
        for entry in entries {
            var zh: Located<String>?
            var en: String?
            var zhAs: String?
            for (key, value) in reader.mapping(entry, what: "a translation") ?? [] {
                switch key.value {
                case "zh": zh = reader.scalar(value, what: "'zh'")
                case "en": en = reader.scalar(value, what: "'en'")?.value
                case "zhAs": zhAs = reader.scalar(value, what: "'zhAs'")?.value
                default:
                    reader.diagnostics.error(
                        "unknown key '\(key.value)' in a translation; an entry has 'zh', 'en' and perhaps 'zhAs'"
                            + Suggestions.hint(for: key.value, in: ["zh", "en", "zhAs"]),
                        at: key.location)
                }
            }
            guard let zh else {
                reader.diagnostics.error("a translation has no 'zh'", at: reader.location(entry))
                continue
            }
            guard let en, !en.trimmingHorizontalWhitespace().isEmpty else { continue }  // not translated yet
            if let previous = result.english[zh.value] {
                reader.diagnostics.error(
                    "the text is translated twice", at: zh.location, notes: [.note("first translated here", at: previous.location)])
                continue
            }
            result.english[zh.value] = (en, zh.location)
            if let zhAs, !zhAs.trimmingHorizontalWhitespace().isEmpty { result.chinese[zh.value] = zhAs }
        }
        diagnostics.append(contentsOf: reader.diagnostics.diagnostics)
        return result
    }

    /// `node` with the English added to each text that has Chinese and no English; `used` collects the Chinese
    /// texts that were translated.
    func apply(to node: Node, used: inout Set<String>) -> Node {
        guard !english.isEmpty else { return node }
        switch node {
        case .mapping:
            let pairs = YAMLTree.pairs(node)
            if let zh = Self.chineseOfText(pairs) {
                guard let translation = english[zh] else { return node }
                used.insert(zh)
                return YAMLTree.text([(.en, translation.text), (.zh, chinese[zh] ?? zh)])
            }
            return YAMLTree.mapping(nodes: pairs.map { ($0.keyNode, apply(to: $0.value, used: &used)) })
        case .sequence(let items):
            return YAMLTree.sequence(items.map { apply(to: $0, used: &used) })
        default:
            return node
        }
    }

    /// The Chinese of a Text mapping that has no English: `{zh: …}` alone.
    private static func chineseOfText(_ pairs: [(key: String, value: Node, keyNode: Node)]) -> String? {
        guard pairs.count == 1, pairs[0].key == Language.zh.rawValue, case .scalar(let scalar) = pairs[0].value else { return nil }
        return scalar.string
    }

    /// Entries that no text of the document has any more: their texts changed or were removed.
    func unused(_ used: Set<String>) -> [SourceLocation] {
        english.filter { !used.contains($0.key) }.map(\.value.location).sorted()
    }
}

extension Translations {
    /// The Chinese texts of spec files that have no English, each once in first-use order, as entries to add
    /// to a `translations.yaml` (English left empty).
    public static func untranslated(_ specs: [SpecSource]) -> (yaml: String, count: Int, diagnostics: [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        var found: [String] = []
        var seen = Set<String>()
        func visit(_ node: Node) {
            switch node {
            case .mapping:
                let pairs = YAMLTree.pairs(node)
                if let zh = chineseOfText(pairs) {
                    if seen.insert(zh).inserted { found.append(zh) }
                    return
                }
                for pair in pairs { visit(pair.value) }
            case .sequence(let items):
                items.forEach(visit)
            default:
                break
            }
        }
        for source in specs.sorted(by: { $0.relativePath < $1.relativePath }) {
            if let node = ImportSettings.loadNode(source, diagnostics: &diagnostics) { visit(node) }
        }
        let yaml = found.map { "- zh: \(Escaping.jsonString($0))\n  en: \"\"\n" }.joined()
        return (yaml, found.count, diagnostics.diagnostics)
    }
}
