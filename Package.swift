// swift-tools-version: 6.1
import Foundation
import PackageDescription

let package = Package(
    name: "BackCoach",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "BackCoachCore", targets: ["BackCoachCore"]),
        .library(name: "BackCoachContent", targets: ["BackCoachContent"]),
        .executable(name: "backcoach", targets: ["backcoach"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0", traits: ["CommandLineArguments"]),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.50.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.21.0"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
    ],
    targets: [
        // Pure domain: Foundation only, no I/O. Safe to embed in an iOS app unchanged.
        .target(name: "BackCoachCore"),
        // Bundled catalogue, questions and articles, loaded once and validated.
        .target(
            name: "BackCoachContent",
            dependencies: ["BackCoachCore", .product(name: "Ink", package: "Ink")],
            resources: [.copy("Resources/content")]
        ),
        // Storage ports and the in-memory adapter. No database imports.
        .target(name: "BackCoachStorage", dependencies: ["BackCoachCore", "CZlib"]),
        // The system's zlib (session logs are stored compressed).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // The embedded default: one SQLite file through GRDB (reads on the calling thread, group-committed writes).
        .target(
            name: "BackCoachStorageSQLite",
            dependencies: [
                "BackCoachCore", "BackCoachStorage",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // PostgreSQL, for several app servers on one database: FluentKit and SQLKit over PostgresNIO, whose prepared
        // statements serve the hot reads.
        .target(
            name: "BackCoachStorageFluent",
            dependencies: [
                "BackCoachCore", "BackCoachStorage",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // One service per feature: every rule, for the API, the pages and the CLI alike. No HTTP here.
        .target(
            name: "BackCoachServices",
            dependencies: [
                "BackCoachCore", "BackCoachContent", "BackCoachStorage",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // The JSON API's wire types and router, generated from openapi.yaml by scripts/generate-openapi
        // and committed, so a build needs no generator plugin. Nothing hand-written lives here.
        .target(
            name: "BackCoachAPI",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")]
        ),
        // HTTP: the JSON API, calendar feed, health and metrics routes. Never imports FluentKit.
        .target(
            name: "BackCoachWeb",
            dependencies: [
                "BackCoachCore", "BackCoachContent", "BackCoachStorage", "BackCoachServices", "BackCoachAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/templates"), .copy("Resources/public")]
        ),
        // Composition root: typed config, store selection, buildApplication.
        .target(
            name: "BackCoachApp",
            dependencies: [
                "BackCoachCore", "BackCoachContent", "BackCoachStorage", "BackCoachStorageSQLite", "BackCoachStorageFluent",
                "BackCoachServices", "BackCoachWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // Command-line logic lives in a library so tests can drive it; the executable stays thin.
        .target(
            name: "BackCoachCLI",
            dependencies: [
                "BackCoachCore", "BackCoachContent", "BackCoachApp", "BackCoachServices",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "backcoach", dependencies: ["BackCoachCLI"]),
        .testTarget(
            name: "BackCoachCoreTests",
            dependencies: [
                "BackCoachCore", "BackCoachContent",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // Snapshots are read from the source tree by path (see ExerciseFigureTests), not bundled.
        .testTarget(name: "BackCoachContentTests", dependencies: ["BackCoachContent"], exclude: ["Snapshots"]),
        .testTarget(
            name: "BackCoachServicesTests",
            dependencies: [
                "BackCoachServices", "BackCoachStorage", "BackCoachContent",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "BackCoachCLITests", dependencies: ["BackCoachCLI", "BackCoachServices"]),
        .testTarget(
            name: "BackCoachStorageTests",
            dependencies: ["BackCoachCore", "BackCoachStorage", "BackCoachStorageSQLite", "BackCoachStorageFluent"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "BackCoachWebTests",
            dependencies: [
                "BackCoachApp", "BackCoachWeb", "BackCoachServices", "BackCoachStorage", "BackCoachStorageSQLite", "BackCoachStorageFluent",
                "BackCoachContent",
                "BackCoachAPI",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Micro-benchmarks (ordo-one/benchmark) join the package only when asked for, so `swift test` and CI
// never build them: `scripts/benchmark-core` sets BACKCOACH_BENCHMARKS=1 and uses its own build folder.
if ProcessInfo.processInfo.environment["BACKCOACH_BENCHMARKS"] == "1" {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.0", traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "CoreBenchmarks",
            dependencies: ["BackCoachCore", "BackCoachContent", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/CoreBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
}
