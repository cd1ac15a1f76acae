import Foundation

/// The bytes of one input file and the path it is reported under (`specs/authentication/message-service.yaml`).
public struct SpecSource: Sendable {
    /// The path shown in diagnostics.
    public var displayPath: String
    /// The path relative to the specs folder, `/`-separated; it decides where generated files go.
    public var relativePath: String
    public var contents: Data

    public init(displayPath: String, relativePath: String, contents: Data) {
        self.displayPath = displayPath
        self.relativePath = relativePath
        self.contents = contents
    }
}
