import Yams

/// Building and reading YAML node trees: the importer builds a spec as a tree of `Yams.Node`s, merges
/// overlays into it, and writes it with ``SpecWriter``.
enum YAMLTree {
    /// One tag of each kind, shared by the nodes built here. Yams makes a new `Constructor` (three
    /// dictionaries) for every `Tag` created with its defaults, which made building a tree slow.
    ///
    /// Safe to share between threads although Yams's `Tag` is a mutable class: Yams changes a tag only to resolve an
    /// `.implicit` or `.nonSpecific` one (when it compares, hashes or emits its node), and none of these is either.
    /// (A shared `.implicit` tag was resolved in place by the first comparison, to `.map` or `.seq` for every node
    /// that shared it, and two threads comparing nodes could write it at once.)
    private enum Tags {
        nonisolated(unsafe) static let str = Tag(.str)
        nonisolated(unsafe) static let int = Tag(.int)
        nonisolated(unsafe) static let float = Tag(.float)
        nonisolated(unsafe) static let bool = Tag(.bool)
        nonisolated(unsafe) static let null = Tag(.null)
        nonisolated(unsafe) static let map = Tag(.map)
        nonisolated(unsafe) static let seq = Tag(.seq)
    }

    static func string(_ text: String) -> Node { Node(text, Tags.str) }
    static func integer(_ number: Int) -> Node { Node(String(number), Tags.int) }
    static func number(_ number: Double) -> Node {
        Node(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(describing: number), Tags.float)
    }
    static func bool(_ flag: Bool) -> Node { Node(flag ? "true" : "false", Tags.bool) }
    static var null: Node { Node("null", Tags.null) }
    static func mapping(_ pairs: [(String, Node)]) -> Node { Node(pairs.map { (string($0.0), $0.1) }, Tags.map) }
    static func sequence(_ items: [Node]) -> Node { Node(items, Tags.seq) }
    /// A mapping of existing key nodes.
    static func mapping(nodes pairs: [(Node, Node)]) -> Node { Node(pairs, Tags.map) }

    /// A Text: `{zh: …}` for the document's Chinese.
    static func text(_ translations: [(Language, String)]) -> Node {
        mapping(translations.map { ($0.0.rawValue, string($0.1)) })
    }

    /// The entries of a mapping node, keys as strings.
    static func pairs(_ node: Node?) -> [(key: String, value: Node, keyNode: Node)] {
        guard case .mapping(let mapping)? = node else { return [] }
        return mapping.map { (key: text(of: $0.key) ?? "", value: $0.value, keyNode: $0.key) }
    }

    static func value(_ node: Node?, _ key: String) -> Node? {
        guard case .mapping(let mapping)? = node else { return nil }
        // By index: iterating a Yams mapping copies all of its pairs into a new array first.
        var index = mapping.startIndex
        while index < mapping.endIndex {
            let pair = mapping[index]
            if text(of: pair.key) == key { return pair.value }
            index = mapping.index(after: index)
        }
        return nil
    }

    /// A scalar's text as written (Yams' `Node.string` runs its constructor machinery for every call).
    static func text(of node: Node) -> String? {
        if case .scalar(let scalar) = node { return scalar.string }
        return nil
    }

    /// `node` with `key` set to `value`: replaced in place, or appended.
    static func setting(_ node: Node, _ key: String, _ value: Node) -> Node {
        var entries = pairs(node).map { ($0.keyNode, $0.value) }
        if let index = entries.firstIndex(where: { $0.0.string == key }) {
            entries[index].1 = value
        } else {
            entries.append((string(key), value))
        }
        return mapping(nodes: entries)
    }

    static func isMapping(_ node: Node?) -> Bool {
        if case .mapping? = node { return true }
        return false
    }
}

extension Node.Scalar {
    /// The resolved tag's name (`Tag.Name.str`, `.int`, …): composed nodes keep implicit tags until asked.
    var tagName: Tag.Name { Resolver.default.resolveTag(of: Node.scalar(self)) }
}
