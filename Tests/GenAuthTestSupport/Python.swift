import Foundation

/// The Python the tests run their independent oracles with (a WebSocket server, a JWT signer): `$GENAUTH_TEST_PYTHON`,
/// else `.build/test-venv/bin/python3`, which `Scripts/test-venv` creates with the packages of `Tests/requirements.txt`.
public enum Python {
    /// The package's root folder.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The interpreter's path. A test that needs it fails with a clear message when it is missing, rather than being
    /// skipped.
    public static var executable: String {
        get throws {
            if let path = ProcessInfo.processInfo.environment["GENAUTH_TEST_PYTHON"], !path.isEmpty { return path }
            let path = packageRoot.appendingPathComponent(".build/test-venv/bin/python3").path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw MissingPython(description: "\(path) is missing: run Scripts/test-venv (it installs Tests/requirements.txt)")
            }
            return path
        }
    }

    struct MissingPython: Error, CustomStringConvertible {
        var description: String
    }
}
