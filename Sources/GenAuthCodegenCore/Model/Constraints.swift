/// What a value of a property must satisfy besides its type, as JSON Schema words it: the server rejects a
/// request that breaks them, so examples must keep them and the samples built from examples do.
struct Constraints: Hashable, Sendable {
    /// Length of a string, in Unicode scalars (code points, as JSON Schema counts).
    var minLength: Int?
    var maxLength: Int?
    /// Number of elements of an array.
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false
    /// Bounds of a number, inclusive.
    var minimum: Double?
    var maximum: Double?

    var isEmpty: Bool { self == Constraints() }

    /// What is wrong with `value` under these constraints, or nil. `key` names the value in the message.
    func violation(of value: Value) -> String? {
        switch value {
        case .string(let text):
            let length = text.unicodeScalars.count
            if let minLength, length < minLength {
                return length == 0 ? "is empty; 'minLength' is \(minLength)" : "has \(length) characters; 'minLength' is \(minLength)"
            }
            if let maxLength, length > maxLength { return "has \(length) characters; 'maxLength' is \(maxLength)" }
        case .integer(let number):
            return violation(ofNumber: Double(number), text: String(number))
        case .number(let number):
            return violation(ofNumber: number, text: String(number))
        case .array(let items):
            if let minItems, items.count < minItems { return "has \(items.count) items; 'minItems' is \(minItems)" }
            if let maxItems, items.count > maxItems { return "has \(items.count) items; 'maxItems' is \(maxItems)" }
            if uniqueItems, Set(items).count != items.count { return "repeats an item; 'uniqueItems' is true" }
        default:
            break
        }
        return nil
    }

    private func violation(ofNumber number: Double, text: String) -> String? {
        if let minimum, number < minimum { return "is \(text); 'minimum' is \(Self.format(minimum))" }
        if let maximum, number > maximum { return "is \(text); 'maximum' is \(Self.format(maximum))" }
        return nil
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
