import Foundation
import Logging

/// A `LogHandler` that keeps every record, for tests of what the SDK logs: `Logger(label:factory:)` with
/// ``handler(label:)``, then ``records``.
public final class LogCapture: @unchecked Sendable {
    /// One record as the logger received it, its metadata rendered as strings.
    public struct Record: Sendable, CustomStringConvertible {
        public var level: Logger.Level
        public var message: String
        public var metadata: [String: String]

        /// The message and every metadata value: what a test checks for secrets.
        public var description: String {
            "[\(level)] \(message) " + metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
    }

    private let lock = NSLock()
    private var kept: [Record] = []

    public init() {}

    /// The records so far, in order.
    public var records: [Record] { lock.withLock { kept } }

    /// A logger whose records this capture keeps, at `level` and above.
    public func logger(level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: "genauth.test") { _ in Handler(capture: self) }
        logger.logLevel = level
        return logger
    }

    fileprivate func append(_ record: Record) {
        lock.withLock { kept.append(record) }
    }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var all = metadata
            all.merge(event.metadata ?? [:]) { _, new in new }
            capture.append(Record(
                level: event.level, message: event.message.description,
                metadata: all.mapValues { "\($0)" }))
        }
    }
}
