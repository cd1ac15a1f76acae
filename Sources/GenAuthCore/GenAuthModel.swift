/// A model of GenAuth's API: every generated request and response type.
///
/// A model is equal to another when its `encode(to:)` writes the same fields with equal values, each compared by its
/// own `==` (a `Date` exactly, a nested model by these rules); an absent optional and a `nil` one are the same, as
/// they are on the wire. Its hash is made of the same fields, so equal models hash alike and models work in a `Set`,
/// as dictionary keys and as SwiftUI selections.
///
/// The SDK implements this once, here, rather than the compiler synthesising `==` and `hash(into:)` for each of the
/// 1,062 generated types: those bodies were 30% of the instructions a debug build spends on the models
/// (docs/benchmarks.md, issue 18). Comparing two models encodes them, so it costs about as much as encoding; it is meant for tests,
/// sets and selections, not for hot loops.
public protocol GenAuthModel: Codable, Hashable, Sendable {}

extension GenAuthModel {
    /// Whether both models write the same fields with equal values.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        FieldSnapshot(of: lhs) == FieldSnapshot(of: rhs)
    }

    /// Hashes the fields the model writes.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(FieldSnapshot(of: self))
    }
}
