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
        // Command-line logic lives in a library so tests can drive it; the executable stays thin.
        .target(
            name: "BackCoachCLI",
            dependencies: [
                "BackCoachCore", "BackCoachContent",
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
        .testTarget(name: "BackCoachContentTests", dependencies: ["BackCoachContent"]),
        .testTarget(name: "BackCoachCLITests", dependencies: ["BackCoachCLI"]),
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
