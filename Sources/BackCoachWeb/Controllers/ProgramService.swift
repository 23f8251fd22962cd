import BackCoachContent
import BackCoachCore
import BackCoachStorage
import Foundation

/// Reads a user's intake and program record and works out the current assessment.
struct ProgramService {
    let dependencies: WebDependencies
    var coach: Coach { dependencies.content.coach }

    struct Current {
        let answers: IntakeAnswers
        let record: ProgramRecord?
        let assessment: Assessment

        /// A program she can follow now: allowed by triage and not paused by a safety check.
        var activeProgram: Program? {
            guard let program = assessment.program, record?.paused != true else { return nil }
            return program
        }
    }

    func current(for user: User) async throws -> Current {
        guard let intake = try await dependencies.store.intake(for: user.id) else {
            throw Problem.notFound("There are no answers yet. Send your intake with PUT /api/v1/me/intake first.")
        }
        let record = try await dependencies.store.program(for: user.id)
        let assessment = coach.assess(
            intake.answers, startDate: record?.startDate ?? dependencies.today, state: record?.state,
            painCeilingOverride: user.painCeiling)
        return Current(answers: intake.answers, record: record, assessment: assessment)
    }

    /// A new record for a first intake, or the old one with its phase held within what the new answers allow.
    func record(for answers: IntakeAnswers, existing: ProgramRecord?) -> ProgramRecord {
        let allowed = PhaseRules.allowedPhase(for: answers).phase
        guard var record = existing else {
            return ProgramRecord(startDate: dependencies.today, state: ProgramState(phase: allowed))
        }
        record.state.phase = min(record.state.phase, allowed)
        return record
    }
}

/// Dates people may send: not before 3 years ago, not more than a year ahead.
enum DateRules {
    static func parse(_ text: String?, field: String, today: LocalDate, allowFuture: Bool = true) throws -> LocalDate? {
        guard let text else { return nil }
        guard let date = LocalDate(text) else { throw Problem.badRequest("\(field) must be a date like 2026-11-25 (got \(text)).") }
        let earliest = today.adding(days: -3 * 366)
        let latest = allowFuture ? today.adding(days: 366) : today.adding(days: 1)
        guard date >= earliest else { throw Problem.badRequest("\(field) is too far in the past (earliest \(earliest)).") }
        guard date <= latest else { throw Problem.badRequest("\(field) is too far in the future (latest \(latest)).") }
        return date
    }
}
