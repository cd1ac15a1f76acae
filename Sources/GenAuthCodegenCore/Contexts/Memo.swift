import Foundation

/// The results of a pure function of a string, kept for every thread of a run: rendering the same text
/// twice gives the same result, so it is rendered once.
final class Memo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    func value(_ text: String, render: (String) -> Value) -> Value {
        if let value = lock.withLock({ values[text] }) { return value }
        // Rendered outside the lock: two threads may both render a text the first time; both get the same value.
        let value = render(text)
        lock.withLock { values[text] = value }
        return value
    }
}
