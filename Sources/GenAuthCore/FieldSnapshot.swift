/// The fields a value's `encode(to:)` writes, each field kept as the value it is: what ``GenAuthModel`` compares
/// and hashes. A field whose type is `Hashable` (every field of a generated model) is kept whole and compared by its
/// own `==`; any other is taken apart the same way.
package enum FieldSnapshot: Hashable {
    case value(AnyHashable)
    case null
    case keyed([String: FieldSnapshot])
    case unkeyed([FieldSnapshot])
    /// `encode(to:)` threw (a generated model never does): the error's description, so that the value still equals
    /// itself.
    case failed(String)

    /// Takes `value` apart: its own `encode(to:)`, not its `==`, so that a model can be compared by its fields.
    package init(of value: any Encodable) {
        let recorder = Recorder()
        do {
            try value.encode(to: recorder)
            self = recorder.root.snapshot
        } catch {
            self = .failed(String(describing: error))
        }
    }

    /// A field's value: whole when it is `Hashable`, else taken apart.
    fileprivate static func field<Value: Encodable>(_ value: Value) -> FieldSnapshot {
        if let hashable = value as? AnyHashable { return .value(hashable) }
        return FieldSnapshot(of: value)
    }
}

/// A container being filled: the snapshot is read when the whole value is written.
private final class Node {
    var single: FieldSnapshot?
    var keyed: [String: Node]?
    var unkeyed: [Node]?

    init(_ single: FieldSnapshot? = nil) {
        self.single = single
    }

    var snapshot: FieldSnapshot {
        if let keyed { return .keyed(keyed.mapValues(\.snapshot)) }
        if let unkeyed { return .unkeyed(unkeyed.map(\.snapshot)) }
        return single ?? .null
    }
}

/// An `Encoder` that records instead of writing.
private struct Recorder: Encoder {
    let root: Node
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(root: Node = Node()) {
        self.root = root
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if root.keyed == nil { root.keyed = [:] }
        return KeyedEncodingContainer(KeyedRecorder<Key>(node: root))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if root.unkeyed == nil { root.unkeyed = [] }
        return UnkeyedRecorder(node: root)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleRecorder(node: root)
    }
}

private struct KeyedRecorder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey] = []

    private func child(_ name: String, _ child: Node) -> Node {
        node.keyed?[name] = child
        return child
    }

    mutating func encodeNil(forKey key: Key) {
        _ = child(key.stringValue, Node(.null))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) {
        _ = child(key.stringValue, Node(FieldSnapshot.field(value)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        Recorder(root: child(key.stringValue, Node())).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        Recorder(root: child(key.stringValue, Node())).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        Recorder(root: child("super", Node()))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        Recorder(root: child(key.stringValue, Node()))
    }
}

private struct UnkeyedRecorder: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] = []
    var count: Int { node.unkeyed?.count ?? 0 }

    private func append(_ child: Node) -> Node {
        node.unkeyed?.append(child)
        return child
    }

    mutating func encodeNil() {
        _ = append(Node(.null))
    }

    mutating func encode<T: Encodable>(_ value: T) {
        _ = append(Node(FieldSnapshot.field(value)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        Recorder(root: append(Node())).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        Recorder(root: append(Node())).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        Recorder(root: append(Node()))
    }
}

private struct SingleRecorder: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] = []

    mutating func encodeNil() {
        node.single = .null
    }

    mutating func encode<T: Encodable>(_ value: T) {
        node.single = FieldSnapshot.field(value)
    }
}
