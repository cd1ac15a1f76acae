// swift-tools-version: 6.0
// The peers of the benchmark, built beside the project and never a dependency of it:
// swift-openapi-generator's CLI, and the runtime its generated code needs.
import PackageDescription

let package = Package(
    name: "BenchmarkPeers",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
    ],
    targets: [
        // Only here so that the package has a target; the benchmark builds the generator's product.
        .target(name: "PeersPlaceholder", path: "Placeholder"),
    ]
)
