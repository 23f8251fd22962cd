import BackCoachCore
import Foundation

/// The program record and the intake answers, decoded once per distinct stored text: they are read on almost every
/// request, and decoding them cost more than the query. Both SQL adapters keep one.
public final class DecodedRecords: Sendable {
    private let programs = BoundedCache<String, ProgramRecord>(capacity: 4096)
    private let intakes = BoundedCache<String, IntakeAnswers>(capacity: 4096)

    public init() {}

    public func program(_ text: String) throws -> ProgramRecord {
        try programs.value(for: text) { try JSONText.decode(ProgramRecord.self, text) }
    }

    public func intake(_ text: String, updatedAt: Double) throws -> StoredIntake {
        StoredIntake(
            answers: try intakes.value(for: text) { try JSONText.decode(IntakeAnswers.self, text) },
            updatedAt: Date(timeIntervalSince1970: updatedAt))
    }
}
