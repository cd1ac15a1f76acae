// swift-tools-version: 6.1
import PackageDescription

// What an app pays for is what it uses. SwiftPM resolves (and clones) every package that a product of this package
// can reach, but not the packages that only a disabled trait, a test or the generator uses. So each heavy
// dependency sits behind a trait, off by default, and the generator is an executable target without a product:
// `swift run genauth-codegen` works here, and an app never resolves Yams or swift-argument-parser.
// An app enables what it needs: `.package(url: "…/genauth-swift", branch: "main", traits: ["Events"])`.

let package = Package(
    name: "genauth-swift",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    products: [
        // Apps: sign-in, tokens, the user's profile; OIDC, OAuth 2.0, SAML and CAS. Foundation and swift-log.
        .library(name: "GenAuthAuthentication", targets: ["GenAuthAuthentication"]),
        // Servers: users, organisations, roles, permissions, applications, tenants, audit logs.
        .library(name: "GenAuthManagement", targets: ["GenAuthManagement"]),
        // The module of 0.1: the authentication SDK, so that `import GenAuth` keeps compiling.
        .library(name: "GenAuth", targets: ["GenAuth"]),
        // `AsyncHTTPClientTransport`: the clients over swift-server/async-http-client (trait `AsyncHTTPClient`).
        .library(name: "GenAuthAsyncHTTPClient", targets: ["GenAuthAsyncHTTPClient"]),
    ],
    traits: [
        .trait(
            name: "AccessKeySignature",
            description: "No effect: ManagementClient's `.signature` credentials work on every platform without it "
                + "(the SDK's HMAC is written in Swift). Kept so that manifests that enable it still resolve."),
        .trait(
            name: "TokenValidation",
            description: "Local validation of ID tokens and JWT access tokens (HS256, and RS256 with the JWKS); "
                + "no crypto library (GenAuthCrypto is written in Swift)."),
        .trait(
            name: "Events",
            description: "Subscribing to GenAuth's event centre over WebSocket (vapor/websocket-kit, on SwiftNIO); "
                + "the management side signs its subscriptions as the `.signature` credentials sign requests."),
        .trait(
            name: "AsyncHTTPClient",
            description: "The GenAuthAsyncHTTPClient product's AsyncHTTPClientTransport (swift-server/async-http-client)."),
        .default(enabledTraits: []),
    ],
    dependencies: [
        // The SDK: swift-log always (the clients' `logger`); the rest only behind their traits.
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // Events: websocket-kit rather than swift-websocket's WSClient, because WSClient reports a refused upgrade
        // only as `webSocketUpgradeFailed`, without the HTTP status, and a 401/403 must not be retried. GenAuthEvents
        // dials with its own NIO bootstrap (so that it holds the channel from the start: a handshake that times out or
        // is cancelled is closed, not left open) and uses websocket-kit's `WebSocket` for framing, ping and close.
        .package(url: "https://github.com/vapor/websocket-kit", from: "2.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.78.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.24.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // The generator (an executable target without a product: never resolved by an app).
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Tests only: swift-mustache is the reference the template engine's output is compared with.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // No swift-docc-plugin: site/docc builds the DocC reference without it, and the Swift Package Index adds the
        // plugin itself. As a dependency it cost every build of this package two more packages to resolve and four
        // plugins to compile before anything else.
    ],
    targets: [
        // The SDK's shared runtime: transport, errors, logging, JSON values, dates, redaction. Foundation and swift-log.
        .target(name: "GenAuthCore", dependencies: [.product(name: "Logging", package: "swift-log")]),
        // SHA-1, SHA-256, HMAC and RSA signature verification in Swift (the standard library alone): the access-key
        // signature, PKCE and token validation, with no C crypto library to compile. Package-internal.
        .target(name: "GenAuthCrypto"),
        // Each client: a hand-written runtime plus code generated from specs/ (Generated/).
        .target(
            name: "GenAuthAuthentication",
            dependencies: [
                "GenAuthCore", "GenAuthCrypto",
                .product(name: "Logging", package: "swift-log"),
                .target(name: "GenAuthEvents", condition: .when(traits: ["Events"])),
            ]),
        // The management client is five modules, so that they compile side by side and each in a fraction of the
        // memory: GenAuthManagementCore (the client, its credentials, the types several domains share) and one module
        // per domain, which `swiftModule` in specs/management names. GenAuthManagement, the module apps import,
        // re-exports them all (its Generated/Modules.swift).
        .target(
            name: "GenAuthManagement",
            dependencies: [
                "GenAuthManagementCore", "GenAuthManagementDirectory", "GenAuthManagementPermissions",
                "GenAuthManagementApplications", "GenAuthManagementOperations",
            ]),
        .target(
            name: "GenAuthManagementCore",
            dependencies: [
                "GenAuthCore", "GenAuthCrypto",
                .product(name: "Logging", package: "swift-log"),
                .target(name: "GenAuthEvents", condition: .when(traits: ["Events"])),
            ]),
        // Users, organisations, groups, posts, custom fields, public accounts, tenants.
        .target(name: "GenAuthManagementDirectory", dependencies: ["GenAuthCore", "GenAuthManagementCore"]),
        // Roles, resources and permissions, data resources and permissions.
        .target(name: "GenAuthManagementPermissions", dependencies: ["GenAuthCore", "GenAuthManagementCore"]),
        // Applications, identity sources, security settings, LDAP, access keys, the registration whitelist, risk lists.
        .target(name: "GenAuthManagementApplications", dependencies: ["GenAuthCore", "GenAuthManagementCore"]),
        // The sync centre, messages, webhooks, audit logs, metering, pipeline, events, devices, data objects, metadata.
        .target(name: "GenAuthManagementOperations", dependencies: ["GenAuthCore", "GenAuthManagementCore"]),
        .target(name: "GenAuth", dependencies: ["GenAuthAuthentication"]),
        // Subscriptions to the event centre, shared by both clients: the WebSocket, reconnection, events.
        .target(
            name: "GenAuthEvents",
            dependencies: [
                "GenAuthCore",
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Events"])),
                .product(name: "WebSocketKit", package: "websocket-kit", condition: .when(traits: ["Events"])),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio", condition: .when(traits: ["Events"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Events"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["Events"])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["Events"])),
                .product(name: "NIOWebSocket", package: "swift-nio", condition: .when(traits: ["Events"])),
                .product(name: "NIOSSL", package: "swift-nio-ssl", condition: .when(traits: ["Events"])),
            ]),
        // AsyncHTTPClientTransport; without the trait only its unavailable placeholder, and no NIO.
        .target(
            name: "GenAuthAsyncHTTPClient",
            dependencies: [
                "GenAuthCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["AsyncHTTPClient"])),
                // The types of AsyncHTTPClient's API (ByteBuffer, HTTPHeaders, TLSConfiguration) and the errors it passes
                // on, which the transport classifies: modules AsyncHTTPClient builds anyway.
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "NIOSSL", package: "swift-nio-ssl", condition: .when(traits: ["AsyncHTTPClient"])),
            ]),

        // The generator's pipeline, in memory: load → validate → contexts → render → output plan. It reads
        // dates with the SDK's own parser, so that every example it accepts, the SDK decodes.
        .target(
            name: "GenAuthCodegenCore",
            dependencies: ["GenAuthCore", .product(name: "Yams", package: "Yams")]
        ),
        // Child processes without Foundation's `Process`, for the generator (git) and the tests.
        .target(name: "ChildProcess"),
        // The CLI: arguments, diagnostics, file writing. `swift run genauth-codegen …` from this folder.
        .executableTarget(
            name: "genauth-codegen",
            dependencies: [
                "GenAuthCodegenCore",
                "ChildProcess",
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
        // A real HTTP server on loopback for the SDK's tests, child processes, Python's path.
        .target(
            name: "GenAuthTestSupport",
            dependencies: ["GenAuthCore", "ChildProcess", .product(name: "Logging", package: "swift-log")],
            path: "Tests/GenAuthTestSupport"),
        .testTarget(name: "GenAuthCryptoTests", dependencies: ["GenAuthCrypto", "GenAuthTestSupport"]),
        .testTarget(name: "GenAuthAuthenticationTests", dependencies: ["GenAuthAuthentication", "GenAuthTestSupport"]),
        .testTarget(name: "GenAuthManagementTests", dependencies: ["GenAuthManagement", "GenAuthTestSupport"]),
        // One suite run against both transports; with the trait AsyncHTTPClient, against AsyncHTTPClientTransport too.
        .testTarget(
            name: "GenAuthTransportTests",
            dependencies: [
                "GenAuthAsyncHTTPClient", "GenAuthAuthentication", "GenAuthManagement", "GenAuthTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "NIOSSL", package: "swift-nio-ssl", condition: .when(traits: ["AsyncHTTPClient"])),
            ],
            // The HTTPS server of the custom-CA tests: Python's ssl module, run as a child process.
            exclude: ["tls_server.py"]),
        .testTarget(
            name: "GenAuthEventsTests",
            dependencies: [
                "GenAuthAuthentication", "GenAuthManagement", "GenAuthTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            // The event centre the tests talk to: Python's `websockets`, run as a child process.
            exclude: ["event_centre.py"]),
    ]
)
