import Foundation

/// A context of a template. Contexts are plain structs of strings, booleans, lists and other contexts; their
/// synthesized `Encodable` conformance is how they are read into ``TemplateValue``s (much faster than `Mirror`).
protocol TemplateContext: Encodable {}

/// Turns an `Encodable` context into ``TemplateValue``s.
final class ContextEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    private var storage: Storage = .none

    private enum Storage {
        case none
        case keyed(KeyedBox)
        case unkeyed(UnkeyedBox)
        case single(TemplateValue)
    }

    /// Containers are filled in place; nested ones (never used by synthesized conformances, but legal) are
    /// kept as boxes until their parent is finished.
    fileprivate enum Slot {
        case value(TemplateValue)
        case keyed(KeyedBox)
        case unkeyed(UnkeyedBox)

        var value: TemplateValue {
            switch self {
            case .value(let value): return value
            case .keyed(let box): return .object(TemplateObject(values: box.values.mapValues(\.value), keys: Set(box.values.keys)))
            case .unkeyed(let box): return .list(box.values.map(\.value))
            }
        }
    }

    fileprivate final class KeyedBox {
        fileprivate var values: [String: Slot] = [:]
    }

    fileprivate final class UnkeyedBox {
        fileprivate var values: [Slot] = []
    }

    /// The prepared form of `value`: structs become objects (whose keys name every stored property of the
    /// type, nil ones included), arrays lists; strings, booleans and integers stay as they are.
    static func prepare<Value: Encodable>(_ value: Value) -> TemplateValue {
        // Comparing metatypes is a pointer comparison; `as?` on a generic value is a dynamic cast.
        if Value.self == String.self { return .text(unsafeBitCast(value, to: String.self)) }
        if Value.self == Bool.self { return .flag(unsafeBitCast(value, to: Bool.self)) }
        if Value.self == Int.self { return .number(unsafeBitCast(value, to: Int.self)) }
        let encoder = ContextEncoder()
        try? value.encode(to: encoder)
        switch encoder.storage {
        case .keyed(let box):
            return .object(TemplateObject(values: box.values.mapValues(\.value), keys: StoredPropertyNames.of(value)))
        case .unkeyed(let box): return .list(box.values.map(\.value))
        case .single(let single): return single
        case .none: return .object(TemplateObject(values: [:], keys: []))
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

        mutating func encode(_ value: String, forKey key: Key) {
            box.values[key.stringValue] = .value(.text(value))
        }

        mutating func encode(_ value: Bool, forKey key: Key) {
            box.values[key.stringValue] = .value(.flag(value))
        }

        mutating func encode(_ value: Int, forKey key: Key) {
            box.values[key.stringValue] = .value(.number(value))
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) {
            box.values[key.stringValue] = .value(ContextEncoder.prepare(value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = KeyedBox()
            box.values[key.stringValue] = .keyed(nested)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = UnkeyedBox()
            box.values[key.stringValue] = .unkeyed(nested)
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

        mutating func encode(_ value: String) {
            box.values.append(.value(.text(value)))
        }

        mutating func encode<T: Encodable>(_ value: T) {
            box.values.append(.value(ContextEncoder.prepare(value)))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = KeyedBox()
            box.values.append(.keyed(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = UnkeyedBox()
            box.values.append(.unkeyed(nested))
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
