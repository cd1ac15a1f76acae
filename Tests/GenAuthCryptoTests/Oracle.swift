import Foundation
import GenAuthTestSupport
import Testing

/// Python as the independent oracle: `hashlib`, `hmac`, `pow` and the `cryptography` package (Tests/requirements.txt,
/// installed by Scripts/test-venv), run as a child process that reads JSON and writes JSON.
enum Oracle {
    static func run<Output: Decodable>(_ script: String, input: some Encodable, as: Output.Type) throws -> Output {
        let result = try ChildProcess.run([try Python.executable, "-c", script], input: try JSONEncoder().encode(input))
        guard result.status == 0 else {
            throw OracleFailed(description: "the Python oracle failed (\(result.status)): \(result.errorOutput)")
        }
        return try JSONDecoder().decode(Output.self, from: Data(result.output.utf8))
    }

    struct OracleFailed: Error, CustomStringConvertible {
        var description: String
    }
}

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

func bytes(hex text: String) -> [UInt8] {
    var result: [UInt8] = []
    var index = text.startIndex
    while index < text.endIndex {
        let next = text.index(index, offsetBy: 2)
        result.append(UInt8(text[index..<next], radix: 16)!)
        index = next
    }
    return result
}

/// Random bytes of random lengths, from 0 to `maximumLength`, with every length around the 64-byte blocks.
func randomMessages(count: Int, maximumLength: Int = 300) -> [[UInt8]] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { index in
        let length = index < 140 ? index : Int.random(in: 0...maximumLength, using: &generator)
        return (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
