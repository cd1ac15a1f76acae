/// A context of a template. Contexts are plain structs of strings, booleans, lists and other contexts; their
/// synthesized `Encodable` conformance is how they are read into ``TemplateValue``s (much faster than `Mirror`).
protocol TemplateContext: Encodable {}

/// Turns an `Encodable` context into ``TemplateValue``s. Synthesized conformances encode an optional
/// property through `encodeIfPresent`, which this encoder implements so that nil properties are kept, by name.
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

    /// Containers are filled in place. Nested ones (never used by synthesized conformances, but legal) are
    /// kept beside the values until their parent is finished.
    fileprivate final class KeyedBox {
        // Room for a typical context, so that filling it does not regrow the table three times.
        var values = [String: TemplateValue?](minimumCapacity: 12)
        var nested: [String: Nested] = [:]

        var object: TemplateObject {
            guard !nested.isEmpty else { return TemplateObject(values: values) }
            return TemplateObject(values: values.merging(nested.mapValues { .some($0.value) }) { $1 })
        }
    }

    fileprivate final class UnkeyedBox {
        var values: [TemplateValue] = []
        var nested: [(index: Int, box: Nested)] = []

        var list: [TemplateValue] {
            var list = values
            for (index, box) in nested { list[index] = box.value }
            return list
        }
    }

    fileprivate enum Nested {
        case keyed(KeyedBox)
        case unkeyed(UnkeyedBox)

        var value: TemplateValue {
            switch self {
            case .keyed(let box): return .object(box.object)
            case .unkeyed(let box): return .list(box.list)
            }
        }
    }

    /// The prepared form of `value`: structs become objects (every stored property by name, nil ones
    /// included), arrays lists; strings, booleans and integers stay as they are.
    static func prepare<Value: Encodable>(_ value: Value) -> TemplateValue {
        // Comparing metatypes is a pointer comparison; `as?` on a generic value is a dynamic cast.
        // Safe: each cast follows the check that `Value` is that very type, so it is the identity.
        if Value.self == String.self { return .text(unsafeBitCast(value, to: String.self)) }
        if Value.self == Bool.self { return .flag(unsafeBitCast(value, to: Bool.self)) }
        if Value.self == Int.self { return .number(unsafeBitCast(value, to: Int.self)) }
        let encoder = ContextEncoder()
        try? value.encode(to: encoder)
        switch encoder.storage {
        case .keyed(let box): return .object(box.object)
        case .unkeyed(let box): return .list(box.list)
        case .single(let single): return single
        case .none: return .object(TemplateObject(values: [:]))
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

        mutating func encodeNil(forKey key: Key) {
            box.values[key.stringValue] = .some(nil)
        }

        mutating func encode(_ value: String, forKey key: Key) {
            box.values[key.stringValue] = .text(value)
        }

        mutating func encode(_ value: Bool, forKey key: Key) {
            box.values[key.stringValue] = .flag(value)
        }

        mutating func encode(_ value: Int, forKey key: Key) {
            box.values[key.stringValue] = .number(value)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) {
            box.values[key.stringValue] = ContextEncoder.prepare(value)
        }

        mutating func encodeIfPresent(_ value: String?, forKey key: Key) {
            box.values[key.stringValue] = .some(value.map(TemplateValue.text))
        }

        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) {
            box.values[key.stringValue] = .some(value.map(TemplateValue.flag))
        }

        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) {
            box.values[key.stringValue] = .some(value.map(TemplateValue.number))
        }

        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) {
            box.values[key.stringValue] = .some(value.map { ContextEncoder.prepare($0) })
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = KeyedBox()
            box.nested[key.stringValue] = .keyed(nested)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = UnkeyedBox()
            box.nested[key.stringValue] = .unkeyed(nested)
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
            box.values.append(.text(value))
        }

        mutating func encode<T: Encodable>(_ value: T) {
            box.values.append(ContextEncoder.prepare(value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = KeyedBox()
            box.nested.append((box.values.count, .keyed(nested)))
            box.values.append(.flag(false))  // replaced when the list is finished
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = UnkeyedBox()
            box.nested.append((box.values.count, .unkeyed(nested)))
            box.values.append(.flag(false))  // replaced when the list is finished
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
