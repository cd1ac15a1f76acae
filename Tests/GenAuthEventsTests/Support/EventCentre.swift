#if Events
import Foundation
import GenAuthCore
import GenAuthTestSupport

/// `event_centre.py` run as a child process: a WebSocket server that is not ours (Python's `websockets`), on a free
/// port of 127.0.0.1, playing one scenario. What it saw arrives as ``records``.
final class EventCentre: @unchecked Sendable {
    /// One line the centre printed: its `event` and its other fields.
    struct Record: Sendable, CustomStringConvertible {
        var event: String
        var fields: [String: JSONValue]

        subscript(_ name: String) -> JSONValue? { fields[name] }
        var description: String { "\(event) \(fields)" }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var port = 0
    /// The certificate of the `tls` scenario, PEM.
    private(set) var certificatePEM: String?
    private let process: ChildProcess

    var url: String { "ws://127.0.0.1:\(port)" }

    /// Starts the centre and waits until it listens.
    init(_ scenario: String, _ arguments: String...) async throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("event_centre.py")
        process = try ChildProcess.start(
            [try Python.executable, "-u", script.path, scenario] + arguments, interactiveInput: true)
        let listening = try await waitForRecord("listening", timeout: 30) { $0.event == "listening" }
        guard case .integer(let port)? = listening["port"] else { throw Failure(description: "no port in \(listening)") }
        self.port = port
        if case .string(let pem)? = listening["certificate"] { certificatePEM = pem }
    }

    deinit {
        // A test that failed before `stop()`: the centre must not outlive it.
        process.terminate()
    }

    /// What the centre has reported so far, in order.
    var records: [Record] {
        process.outputSoFar().split(separator: UInt8(ascii: "\n")).compactMap { line in
            guard case .object(var fields)? = try? JSONDecoder().decode(JSONValue.self, from: Data(line)),
                  case .string(let event)? = fields.removeValue(forKey: "event")
            else { return nil }
            return Record(event: event, fields: fields)
        }
    }

    /// The records of `event`.
    func records(_ event: String) -> [Record] { records.filter { $0.event == event } }

    /// Waits until the records satisfy `condition`; the timeout only stops a test that would otherwise hang.
    @discardableResult
    func waitForRecord(
        _ what: String, timeout: TimeInterval = 30, where condition: @escaping (Record) -> Bool
    ) async throws -> Record {
        // It stops polling once the centre has exited: nothing more will come.
        _ = try await poll(seconds: timeout) { records.contains(where: condition) || !process.isRunning }
        if let record = records.first(where: condition) { return record }
        throw Failure(description: "the event centre never reported \(what); it reported \(records)\(stderrSuffix)")
    }

    /// Sends the centre a command, such as `cut 2`.
    func send(_ command: String) {
        process.input?.write(Data((command + "\n").utf8))
    }

    /// Stops the centre (it exits when its stdin closes) and returns everything it reported.
    @discardableResult
    func stop() async throws -> [Record] {
        try? process.input?.close()
        _ = try await poll(seconds: 30) { !process.isRunning }
        if process.isRunning {
            process.terminate()
            throw Failure(description: "the event centre did not stop\(stderrSuffix)")
        }
        let result = try process.wait()
        guard result.status == 0 else {
            throw Failure(description: "the event centre exited with \(result.status)\(stderrSuffix)")
        }
        return records
    }

    private var stderrSuffix: String {
        let text = String(decoding: process.errorOutputSoFar(), as: UTF8.self)
        return text.isEmpty ? "" : "; its stderr: \(text)"
    }
}
#endif
