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
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var buffer = Data()
    private var lines: [Record] = []
    private var errorText = Data()
    private var outputEnded = false

    var url: String { "ws://127.0.0.1:\(port)" }

    /// Starts the centre and waits until it listens.
    init(_ scenario: String, _ arguments: String...) async throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("event_centre.py")
        process.executableURL = URL(fileURLWithPath: try Python.executable)
        process.arguments = ["-u", script.path, scenario] + arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            self?.read(data)
        }
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            if data.isEmpty { handle.readabilityHandler = nil }
            self.lock.withLock { self.errorText.append(data) }
        }
        try Processes.launch(process)
        let listening = try await waitForRecord("listening", timeout: 30) { $0.event == "listening" }
        guard case .integer(let port)? = listening["port"] else { throw Failure(description: "no port in \(listening)") }
        self.port = port
        if case .string(let pem)? = listening["certificate"] { certificatePEM = pem }
    }

    deinit {
        // A test that failed before `stop()`: the centre must not outlive it.
        if process.isRunning { process.terminate() }
    }

    private func read(_ data: Data) {
        lock.withLock {
            if data.isEmpty { outputEnded = true }
            buffer.append(data)
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                if case .object(var fields)? = try? JSONDecoder().decode(JSONValue.self, from: Data(line)),
                   case .string(let event)? = fields.removeValue(forKey: "event") {
                    lines.append(Record(event: event, fields: fields))
                }
            }
        }
    }

    /// What the centre has reported so far, in order.
    var records: [Record] { lock.withLock { lines } }

    /// The records of `event`.
    func records(_ event: String) -> [Record] { records.filter { $0.event == event } }

    /// Waits until the records satisfy `condition`; the timeout only stops a test that would otherwise hang.
    @discardableResult
    func waitForRecord(
        _ what: String, timeout: TimeInterval = 30, where condition: @escaping (Record) -> Bool
    ) async throws -> Record {
        // It stops polling once the centre has exited: nothing more will come.
        _ = try await poll(seconds: timeout) { records.contains(where: condition) || lock.withLock { outputEnded } }
        if let record = records.first(where: condition) { return record }
        throw Failure(description: "the event centre never reported \(what); it reported \(records)\(stderrSuffix)")
    }

    /// Sends the centre a command, such as `cut 2`.
    func send(_ command: String) {
        input.fileHandleForWriting.write(Data((command + "\n").utf8))
    }

    /// Stops the centre (it exits when its stdin closes) and returns everything it reported.
    @discardableResult
    func stop() async throws -> [Record] {
        try? input.fileHandleForWriting.close()
        // Its last lines may still be on their way through the pipe when it exits: wait for the end of its output too.
        _ = try await poll(seconds: 30) { !process.isRunning && lock.withLock { outputEnded } }
        if process.isRunning {
            process.terminate()
            throw Failure(description: "the event centre did not stop\(stderrSuffix)")
        }
        guard process.terminationStatus == 0 else {
            throw Failure(description: "the event centre exited with \(process.terminationStatus)\(stderrSuffix)")
        }
        return records
    }

    private var stderrSuffix: String {
        let text = lock.withLock { String(decoding: errorText, as: UTF8.self) }
        return text.isEmpty ? "" : "; its stderr: \(text)"
    }
}
#endif
