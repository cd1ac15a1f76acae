/// An example or default value from a spec, checked against its property's type.
indirect enum Value: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([Value])
    /// Keys in the order the spec wrote them.
    case object([ObjectEntry])

    struct ObjectEntry: Hashable, Sendable {
        var key: String
        var value: Value
    }
}
