// swift-tools-version: 6.0
// Encoding and decoding the SDK's generated types against hand-written Codable twins.
import PackageDescription

let package = Package(
    name: "RuntimeBenchmark",
    platforms: [.macOS(.v13)],
    // Benchmarks/run links the project at ../.work/genauth-swift, so that its identity does not depend on the
    // name of the folder it was cloned into.
    dependencies: [.package(path: "../.work/genauth-swift")],
    targets: [
        .executableTarget(
            name: "RuntimeBenchmark",
            dependencies: [.product(name: "GenAuth", package: "genauth-swift")]
        ),
    ]
)
