import BackCoachCore
import Foundation
import Testing

@Suite("docs/rules.md")
struct RulesDocumentTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("Lists every red flag, context rule and progression rule the code applies")
    func complete() throws {
        let document = try String(contentsOf: Self.repository.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        let ids =
            RedFlagID.allCases.map(\.rawValue) + (1...7).map { "CTX-\($0)" }
            + ["5.1", "5.2-3", "5.2-4", "5.2-5", "5.2-6", "5.2-7", "5.2-8", "6.1", "6.2"]
        for id in ids {
            #expect(document.contains(id), "docs/rules.md does not mention \(id)")
        }
    }

    @Test("Every rule id a progression decision can carry is documented")
    func decisionRules() throws {
        let document = try String(contentsOf: Self.repository.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        let source = try String(
            contentsOf: Self.repository.appendingPathComponent("Sources/BackCoachCore/Progression/ProgressionEngine.swift"), encoding: .utf8
        )
        let used = Set(source.matches(of: /rule: "([0-9.\-]+)"/).map { String($0.1) })
        #expect(!used.isEmpty)
        for rule in used {
            #expect(document.contains("| \(rule) |"), "rule \(rule) is used in code but has no row in docs/rules.md")
        }
    }
}
