// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "genauth-swift",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    products: [
        .library(name: "GenAuth", targets: ["GenAuth"]),
        .executable(name: "genauth-codegen", targets: ["genauth-codegen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Tests only: swift-mustache is the reference the template engine's output is compared with.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The SDK: a hand-written runtime (Runtime/) plus generated code (Generated/). Foundation only.
        .target(name: "GenAuth"),

        // The generator's pipeline, in memory: load → validate → contexts → render → output plan.
        .target(
            name: "GenAuthCodegenCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The CLI: arguments, diagnostics, file writing.
        .executableTarget(
            name: "genauth-codegen",
            dependencies: [
                "GenAuthCodegenCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(
            name: "GenAuthCodegenCoreTests",
            dependencies: [
                "GenAuthCodegenCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Goldens", "BrokenSpecs"]
        ),
        .testTarget(
            name: "GenAuthTests",
            dependencies: ["GenAuth"]
        ),
    ]
)
