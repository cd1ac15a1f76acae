import Foundation
import GenAuthCore
import GenAuthTestSupport

/// `tls_server.py` run as a child process: an HTTPS server on a free port of 127.0.0.1 whose certificate a
/// certificate authority made at test time signed, as a private deployment's CA signs its servers'.
final class TLSServer: @unchecked Sendable {
    // @unchecked: `port` and `caPEM` are set once, in `init`; `process` is thread-safe.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var port = 0
    /// The deployment CA's certificate, PEM.
    private(set) var caPEM = ""
    private let process: ChildProcess

    var baseURL: String { "https://127.0.0.1:\(port)" }

    /// Starts the server, with a certificate for `names` (IP addresses or DNS names), and waits until it listens.
    init(names: [String] = []) async throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("tls_server.py")
        process = try ChildProcess.start([try Python.executable, "-u", script.path] + names, interactiveInput: true)
        _ = try await poll(seconds: 60) { self.records("listening").first != nil || !self.process.isRunning }
        guard let listening = records("listening").first,
              case .integer(let port)? = listening["port"], case .string(let ca)? = listening["ca"]
        else {
            throw Failure(description: "the TLS server did not start: \(String(decoding: process.errorOutputSoFar(), as: UTF8.self))")
        }
        self.port = port
        self.caPEM = ca
    }

    deinit {
        // It exits when its input closes; a test that failed early must not leave it running.
        try? process.input?.close()
        _ = process.terminate()
    }

    /// The paths of the requests it answered, in order.
    var requestPaths: [String] {
        records("request").compactMap { if case .string(let path)? = $0["path"] { path } else { nil } }
    }

    private func records(_ event: String) -> [[String: JSONValue]] {
        process.outputSoFar().split(separator: UInt8(ascii: "\n")).compactMap { line in
            guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: Data(line)),
                  fields["event"] == .string(event)
            else { return nil }
            return fields
        }
    }
}
