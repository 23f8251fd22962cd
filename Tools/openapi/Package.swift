// swift-tools-version: 6.1
// The OpenAPI generator, kept out of the app's own package so a build of the app needs no generator plugin:
// `scripts/generate-openapi` runs it and the generated code is committed.
import PackageDescription

let package = Package(
    name: "OpenAPIGenerate",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator.git", exact: "1.14.3")
    ],
    targets: []
)
