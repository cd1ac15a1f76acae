// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "genauth-swift",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    products: [
        // Apps: sign-in, tokens, the user's profile. Foundation only.
        .library(name: "GenAuthAuthentication", targets: ["GenAuthAuthentication"]),
        // Servers: users, organisations, roles, permissions, applications, tenants, audit logs.
        .library(name: "GenAuthManagement", targets: ["GenAuthManagement"]),
        // The module of 0.1: the authentication SDK, so that `import GenAuth` keeps compiling.
        .library(name: "GenAuth", targets: ["GenAuth"]),
        .executable(name: "genauth-codegen", targets: ["genauth-codegen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The management SDK's access-key signatures (HMAC-SHA1); Apple's CryptoKit where it exists.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Tests only: swift-mustache is the reference the template engine's output is compared with.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // `swift package generate-documentation`: the DocC reference of the SDK's modules. A command plugin: nothing
        // of it is built into the SDK or an app.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The SDK's shared runtime: transport, errors, JSON values, dates, redaction. Foundation only.
        .target(name: "GenAuthCore"),
        // Each client: a hand-written runtime plus code generated from specs/ (Generated/).
        .target(name: "GenAuthAuthentication", dependencies: ["GenAuthCore"]),
        .target(
            name: "GenAuthManagement",
            dependencies: ["GenAuthCore", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "GenAuth", dependencies: ["GenAuthAuthentication"]),

        // The generator's pipeline, in memory: load → validate → contexts → render → output plan. It reads
        // dates with the SDK's own parser, so that every example it accepts, the SDK decodes.
        .target(
            name: "GenAuthCodegenCore",
            dependencies: ["GenAuthCore", .product(name: "Yams", package: "Yams")]
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
                "GenAuthTestSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Goldens", "BrokenSpecs"]
        ),
        // A real HTTP server on loopback for the SDK's tests.
        .target(name: "GenAuthTestSupport", dependencies: ["GenAuthCore"], path: "Tests/GenAuthTestSupport"),
        .testTarget(name: "GenAuthAuthenticationTests", dependencies: ["GenAuthAuthentication", "GenAuthTestSupport"]),
        .testTarget(name: "GenAuthManagementTests", dependencies: ["GenAuthManagement", "GenAuthTestSupport"]),
    ]
)
