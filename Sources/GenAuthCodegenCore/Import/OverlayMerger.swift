import Yams

/// Merges an overlay — hand edits kept beside the imported specs — into an imported spec file.
///
/// An overlay has the shape of the spec file it patches and holds only what changes:
/// - texts merge by language (an overlay's `en` joins the document's `zh`);
/// - scalars and TypeRefs replace (`type: integer` where the document says number);
/// - enum values merge, and an overlay may add values the document lacks (`W` for Gender);
/// - endpoints, types, properties and parameters must exist in the import: an overlay that points at
///   something the document no longer has is an error, so that a stale edit never goes unnoticed.
struct OverlayMerger {
    let file: String
    var diagnostics = DiagnosticCollector()

    init(file: String) {
        self.file = file
    }

    private func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    mutating func merge(_ overlay: Node, into spec: Node) -> Node {
        guard YAMLTree.isMapping(overlay) else {
            diagnostics.error("an overlay is a mapping with the shape of its spec file", at: location(overlay))
            return spec
        }
        var result = spec
        for (key, value, keyNode) in YAMLTree.pairs(overlay) {
            switch key {
            case "module", "group":
                result = YAMLTree.setting(result, key, mergeText(value, into: YAMLTree.value(result, key)))
            case "endpoints":
                result = YAMLTree.setting(result, key, mergeNamed(value, into: YAMLTree.value(result, key), kind: .endpoint))
            case "types":
                result = YAMLTree.setting(result, key, mergeNamed(value, into: YAMLTree.value(result, key), kind: .type))
            case "errorCodes":
                result = YAMLTree.setting(result, key, mergeErrorCodes(value, into: YAMLTree.value(result, key)))
            default:
                diagnostics.error(
                    "'\(key)' cannot be overlaid; an overlay holds module, group, endpoints, types and errorCodes"
                        + Suggestions.hint(for: key, in: ["module", "group", "endpoints", "types", "errorCodes"]),
                    at: location(keyNode))
            }
        }
        return result
    }

    private enum Kind: String {
        case endpoint, type, parameter, property
    }

    /// Entries of `overlay` merged into the same-named entries of `spec`, each of which must exist.
    private mutating func mergeNamed(_ overlay: Node, into spec: Node?, kind: Kind) -> Node {
        let what = kind.rawValue
        guard let spec else {
            diagnostics.error("the imported spec has no \(what)s to overlay", at: location(overlay))
            return overlay
        }
        var result = spec
        for (name, value, keyNode) in YAMLTree.pairs(overlay) {
            guard let existing = YAMLTree.value(result, name) else {
                let specNode = UncheckedSendable(spec)
                diagnostics.error(
                    "the overlay changes \(what) '\(name)', which the import does not produce (any more)", at: location(keyNode),
                    hint: PendingHint(name, among: { YAMLTree.pairs(specNode.value).map(\.key) }))
                continue
            }
            let merged: Node
            switch kind {
            case .endpoint: merged = mergeEndpoint(value, into: existing)
            case .type: merged = mergeType(value, into: existing)
            case .parameter, .property: merged = mergeProperty(value, into: existing)
            }
            result = YAMLTree.setting(result, name, merged)
        }
        return result
    }

    /// `errorCodes`: each code the overlay names must be imported; its `meaning` and `action` merge by language
    /// (`action` is usually the overlay's alone: GenAuth's list says what a code means, not what to do).
    private mutating func mergeErrorCodes(_ overlay: Node, into spec: Node?) -> Node {
        guard let spec else {
            diagnostics.error("the imported spec has no error codes to overlay", at: location(overlay))
            return overlay
        }
        var result = spec
        for (list, codes, listKey) in YAMLTree.pairs(overlay) {
            guard NodeReader.errorCatalogueKeys.contains(list), let existingList = YAMLTree.value(result, list) else {
                diagnostics.error(
                    "the import has no '\(list)' to overlay" + Suggestions.hint(for: list, in: NodeReader.errorCatalogueKeys),
                    at: location(listKey))
                continue
            }
            var merged = existingList
            for (code, entry, codeKey) in YAMLTree.pairs(codes) {
                guard var existing = YAMLTree.value(merged, code) else {
                    diagnostics.error("the overlay changes code \(code), which the import does not produce (any more)", at: location(codeKey))
                    continue
                }
                for (key, value, keyNode) in YAMLTree.pairs(entry) {
                    switch key {
                    case "meaning", "action": existing = YAMLTree.setting(existing, key, mergeText(value, into: YAMLTree.value(existing, key)))
                    case "name": existing = YAMLTree.setting(existing, key, value)
                    default:
                        diagnostics.error(
                            "unknown key '\(key)' in an error code" + Suggestions.hint(for: key, in: NodeReader.errorCodeKeys), at: location(keyNode))
                    }
                }
                merged = YAMLTree.setting(merged, code, existing)
            }
            result = YAMLTree.setting(result, list, merged)
        }
        return result
    }

    private mutating func mergeEndpoint(_ overlay: Node, into spec: Node) -> Node {
        var result = spec
        for (key, value, keyNode) in YAMLTree.pairs(overlay) {
            switch key {
            case "summary", "description":
                result = YAMLTree.setting(result, key, mergeText(value, into: YAMLTree.value(result, key)))
            case "pathParams", "query":
                result = YAMLTree.setting(result, key, mergeNamed(value, into: YAMLTree.value(result, key), kind: .parameter))
            case "deprecated":
                result = YAMLTree.setting(result, key, YAMLTree.isMapping(value) ? mergeText(value, into: YAMLTree.value(result, key)) : value)
            case _ where NodeReader.endpointKeys.contains(key):
                result = YAMLTree.setting(result, key, value)
            default:
                diagnostics.error("unknown key '\(key)' in an endpoint" + Suggestions.hint(for: key, in: NodeReader.endpointKeys), at: location(keyNode))
            }
        }
        return result
    }

    private mutating func mergeType(_ overlay: Node, into spec: Node) -> Node {
        var result = spec
        for (key, value, keyNode) in YAMLTree.pairs(overlay) {
            switch key {
            case "description":
                result = YAMLTree.setting(result, key, mergeText(value, into: YAMLTree.value(result, key)))
            case "properties":
                result = YAMLTree.setting(result, key, mergeNamed(value, into: YAMLTree.value(result, key), kind: .property))
            case "enum":
                result = YAMLTree.setting(result, key, mergeEnum(value, into: YAMLTree.value(result, key)))
            default:
                diagnostics.error("unknown key '\(key)' in a type" + Suggestions.hint(for: key, in: NodeReader.typeKeys), at: location(keyNode))
            }
        }
        return result
    }

    private mutating func mergeProperty(_ overlay: Node, into spec: Node) -> Node {
        var result = spec
        for (key, value, keyNode) in YAMLTree.pairs(overlay) {
            switch key {
            case "description":
                result = YAMLTree.setting(result, key, mergeText(value, into: YAMLTree.value(result, key)))
            case "enum":
                result = YAMLTree.setting(result, key, mergeEnum(value, into: YAMLTree.value(result, key)))
            case "deprecated":
                result = YAMLTree.setting(result, key, YAMLTree.isMapping(value) ? mergeText(value, into: YAMLTree.value(result, key)) : value)
            case _ where NodeReader.propertyKeys.contains(key):
                result = YAMLTree.setting(result, key, value)
            default:
                diagnostics.error("unknown key '\(key)' in a property" + Suggestions.hint(for: key, in: NodeReader.propertyKeys), at: location(keyNode))
            }
        }
        return result
    }

    /// Enum values: descriptions merge by language; values the import lacks are added after its own.
    private mutating func mergeEnum(_ overlay: Node, into spec: Node?) -> Node {
        var entries: [(String, Node)] = []
        switch spec {
        case .sequence(let items)?: entries = items.compactMap { $0.string }.map { ($0, YAMLTree.mapping([])) }
        case .mapping?: entries = YAMLTree.pairs(spec).map { ($0.key, $0.value) }
        default: break
        }
        let additions: [(String, Node)]
        switch overlay {
        case .sequence(let items): additions = items.compactMap { $0.string }.map { ($0, YAMLTree.mapping([])) }
        case .mapping: additions = YAMLTree.pairs(overlay).map { ($0.key, $0.value) }
        default:
            diagnostics.error("expected a mapping or a list of enum values", at: location(overlay))
            return spec ?? overlay
        }
        for (value, description) in additions {
            if let index = entries.firstIndex(where: { $0.0 == value }) {
                entries[index].1 = mergeEnumEntry(description, into: entries[index].1)
            } else {
                entries.append((value, description))
            }
        }
        return YAMLTree.mapping(entries)
    }

    /// An enum value's Text, or its `{description, name}` mapping.
    private mutating func mergeEnumEntry(_ overlay: Node, into spec: Node) -> Node {
        let isTextMapping = { (node: Node) in YAMLTree.pairs(node).allSatisfy { Language(rawValue: $0.key) != nil } }
        if YAMLTree.isMapping(overlay), !isTextMapping(overlay) {
            var result = isTextMapping(spec) ? YAMLTree.mapping(YAMLTree.pairs(spec).isEmpty ? [] : [("description", spec)]) : spec
            for (key, value, _) in YAMLTree.pairs(overlay) {
                result = YAMLTree.setting(result, key, key == "description" ? mergeText(value, into: YAMLTree.value(result, key)) : value)
            }
            return result
        }
        if YAMLTree.isMapping(spec), !isTextMapping(spec) {
            return YAMLTree.setting(spec, "description", mergeText(overlay, into: YAMLTree.value(spec, "description")))
        }
        return mergeText(overlay, into: spec)
    }

    /// Languages of the overlay's text replace the same languages of the spec's; a plain string replaces all.
    private mutating func mergeText(_ overlay: Node, into spec: Node?) -> Node {
        guard YAMLTree.isMapping(overlay), let spec, YAMLTree.isMapping(spec) else { return overlay }
        var result = spec
        for (language, value, keyNode) in YAMLTree.pairs(overlay) {
            guard Language(rawValue: language) != nil else {
                diagnostics.error("unknown language '\(language)'; a text is a string or a mapping of en/zh to strings", at: location(keyNode))
                continue
            }
            result = YAMLTree.setting(result, language, value)
        }
        // Keep the languages in their usual order: en, then zh.
        let ordered = Language.allCases.compactMap { language in YAMLTree.value(result, language.rawValue).map { (language.rawValue, $0) } }
        return YAMLTree.mapping(ordered)
    }
}
