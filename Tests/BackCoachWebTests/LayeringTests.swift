import Foundation
import Testing

/// The layering the architecture promises, checked on the source: interfaces reach data only through
/// BackCoachServices, and the services carry no HTTP.
@Suite("Layering")
struct LayeringTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func swiftFiles(in folder: String) throws -> [(name: String, text: String)] {
        let base = root.appendingPathComponent(folder)
        let paths = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        return try paths.sorted().map { ("\(folder)/\($0)", try String(contentsOf: base.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// Where a store may be named: the composition roots that hand one to `Services`.
    static let compositionRoots: Set<String> = [
        "Sources/BackCoachWeb/WebDependencies.swift", "Sources/BackCoachCLI/ServerCommands.swift", "Sources/BackCoachCLI/SeedCommand.swift",
    ]

    @Test("No controller, page or command calls a store: only the composition roots name one")
    func interfacesUseServices() throws {
        let storeWords = /\b(BackCoachStore|AccountStore|HealthRecordStore|ThrottleStore|InMemoryStore)\b|\bstore\.|FluentStore\(/
        var offenders: [String] = []
        for folder in ["Sources/BackCoachWeb", "Sources/BackCoachCLI"] {
            for file in try Self.swiftFiles(in: folder) where !Self.compositionRoots.contains(file.name) {
                for (number, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.contains(storeWords) && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    offenders.append("\(file.name):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
        #expect(try Self.swiftFiles(in: "Sources/BackCoachWeb").count > 20, "the check found the sources")
    }

    @Test("BackCoachServices imports no HTTP")
    func servicesHaveNoHTTP() throws {
        let files = try Self.swiftFiles(in: "Sources/BackCoachServices")
        #expect(files.count > 10)
        let http = /^import (Hummingbird|HTTPTypes|NIOHTTP1|HummingbirdCore)$/.anchorsMatchLineEndings()
        #expect(files.filter { $0.text.contains(http) }.map(\.name).isEmpty)
    }

    @Test("Every hand-written Swift file is at most 300 lines")
    func smallFiles() throws {
        var long: [String] = []
        for folder in [
            "Sources/BackCoachCore", "Sources/BackCoachContent", "Sources/BackCoachStorage", "Sources/BackCoachStorageFluent",
            "Sources/BackCoachServices", "Sources/BackCoachWeb", "Sources/BackCoachApp", "Sources/BackCoachCLI",
        ] {
            for file in try Self.swiftFiles(in: folder) {
                let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).count
                if lines > 300 { long.append("\(file.name): \(lines) lines") }
            }
        }
        #expect(long.isEmpty, "\(long)")
    }
}
