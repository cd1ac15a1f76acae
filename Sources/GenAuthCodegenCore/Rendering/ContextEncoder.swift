import Foundation

/// A context of a template. Contexts are plain structs of strings, booleans, lists and other contexts; their
/// synthesized `Encodable` conformance is how ``ContextNode`` reads them, which is much faster than `Mirror`.
protocol TemplateContext: Encodable {}

/// Turns an `Encodable` context into ``ContextNode``s, arrays and scalars.
final class ContextEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    private var storage: Storage = .none

    private enum Storage {
        case none
        case keyed(KeyedBox)
        case unkeyed(UnkeyedBox)
        case single(Any)
    }

    final class KeyedBox {
        var values: [String: Any] = [:]
    }

    final class UnkeyedBox {
        var values: [Any] = []
    }

    /// The prepared form of `value`; `keys` names every stored property of its type, nil ones included.
    static func prepare<Value: Encodable>(_ value: Value) -> Any {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        default: break
        }
        let encoder = ContextEncoder()
        try? value.encode(to: encoder)
        switch encoder.storage {
        case .keyed(let box): return ContextNode(values: box.values, keys: StoredPropertyNames.of(value))
        case .unkeyed(let box): return box.values
        case .single(let single): return single
        case .none: return ContextNode(values: [:], keys: [])
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box = KeyedBox()
        storage = .keyed(box)
        return KeyedEncodingContainer(KeyedContainer(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box = UnkeyedBox()
        storage = .unkeyed(box)
        return UnkeyedContainer(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(encoder: self)
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: KeyedBox
        var codingPath: [any CodingKey] = []

        mutating func encodeNil(forKey key: Key) {}

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) {
            box.values[key.stringValue] = ContextEncoder.prepare(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = KeyedBox()
            box.values[key.stringValue] = nested
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = UnkeyedBox()
            box.values[key.stringValue] = nested
            return UnkeyedContainer(box: nested)
        }

        mutating func superEncoder() -> any Encoder { ContextEncoder() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { ContextEncoder() }
    }

    private struct UnkeyedContainer: UnkeyedEncodingContainer {
        let box: UnkeyedBox
        var codingPath: [any CodingKey] = []
        var count: Int { box.values.count }

        mutating func encodeNil() {}

        mutating func encode<T: Encodable>(_ value: T) {
            box.values.append(ContextEncoder.prepare(value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = KeyedBox()
            box.values.append(nested)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = UnkeyedBox()
            box.values.append(nested)
            return UnkeyedContainer(box: nested)
        }

        mutating func superEncoder() -> any Encoder { ContextEncoder() }
    }

    private struct SingleContainer: SingleValueEncodingContainer {
        let encoder: ContextEncoder
        var codingPath: [any CodingKey] = []

        mutating func encodeNil() {}

        mutating func encode<T: Encodable>(_ value: T) {
            encoder.storage = .single(ContextEncoder.prepare(value))
        }
    }
}

/// The stored property names of each context type, read once per type with `Mirror`.
enum StoredPropertyNames {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [ObjectIdentifier: Set<String>] = [:]

    static func of(_ value: Any) -> Set<String> {
        let type = ObjectIdentifier(Swift.type(of: value))
        if let names = lock.withLock({ cache[type] }) { return names }
        let names = Set(Mirror(reflecting: value).children.compactMap(\.label))
        lock.withLock { cache[type] = names }
        return names
    }
}
