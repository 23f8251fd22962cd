import BackCoachCore
import BackCoachStorage
import Foundation

/// A clinician's changes to her plan. Each carries a reason she reads in her log; each is stored in her program
/// record in one transaction with the check that the share is still open; and the plan is then worked out by the
/// same rules as always, so a change can take out but never put in what her triage or phase rules out.
extension ClinicianService {
    public enum Adjustment: Sendable, Equatable {
        /// Nil goes back to the default for her situation.
        case painCeiling(Int?)
        case exclude(exerciseID: String)
        case allow(exerciseID: String)
        case confirmGate(PhaseGate)
        /// Nil for either goes back to her own answer.
        case schedule(sessionsPerWeek: Int?, minutesPerDay: Int?)
        /// Nil or empty removes it.
        case note(String?)
    }

    public static let reasonLimit = 300

    /// Applies one change; returns her record as it now stands.
    public func adjust(_ adjustment: Adjustment, reason rawReason: String?, client clientID: UserID, for clinician: User)
        async throws -> ClientRecord
    {
        let (share, sharer) = try await openShare(clientID, for: clinician)
        let reason = (rawReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ServiceError.invalid("Please give a reason: she reads it with the change.", field: "reason") }
        guard reason.count <= Self.reasonLimit else {
            throw ServiceError.invalid("Please keep the reason to \(Self.reasonLimit) characters.", field: "reason")
        }
        let summary = try summary(of: adjustment)
        if case .confirmGate(let gate) = adjustment {
            // A check confirmed for a hold she doesn't have would tell her something about herself that isn't so.
            guard let current = try await program.currentIfAnswered(for: sharer), gate.holds(current.answers) else {
                throw ServiceError.invalid("Her answers don't hold her plan for that check, so there is nothing to confirm.", field: "gate")
            }
        }
        let event = CareEvent(
            shareID: share.id, client: sharer.id, clinician: clinician.id, at: context.now(), kind: .adjusted, summary: summary,
            reason: reason)
        do {
            try await context.store.adjustProgram(client: sharer.id, clinician: clinician.id) { stored in
                guard var record = stored else { throw ServiceError.conflict(Self.noPlan) }
                try Self.apply(adjustment, to: &record.state.adjustments)
                return (record, event, ())
            }
        } catch StorageError.shareEnded {
            throw ServiceError.notFound("No client with that id shares her record with you.")
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("No client with that id shares her record with you.")
        }
        return try await self.client(clientID, for: clinician, purpose: "Looked at your record after a change.")
    }

    static let noPlan =
        "She has no plan yet: her answers say to see a health professional first, or she hasn't finished the questions."

    /// Checks the change against the catalogue and the limits, and says it in her words.
    func summary(of adjustment: Adjustment) throws -> String {
        let catalogue = context.content.catalogue
        func title(_ id: String) throws -> String {
            guard let exercise = catalogue[id] else { throw ServiceError.invalid("There is no exercise \"\(id)\".", field: "exercise") }
            return exercise.title
        }
        switch adjustment {
        case .painCeiling(let limit?):
            guard ClinicianAdjustments.painCeilingRange.contains(limit) else {
                throw ServiceError.invalid("Choose a pain limit from 0 to 7.", field: "painCeiling")
            }
            return "Set your pain limit during exercise to \(limit) out of 10."
        case .painCeiling(nil):
            return "Put your pain limit back to the usual one for you."
        case .exclude(let id):
            return "Took “\(try title(id))” out of your plan for now, with the harder steps after it."
        case .allow(let id):
            return "Put “\(try title(id))” back in your plan, where your other answers allow it."
        case .confirmGate(let gate):
            return "Confirmed: \(gate.forHer)"
        case .schedule(let sessions, let minutes):
            if let sessions, !IntakeAnswers.Limits.daysPerWeek.contains(sessions) {
                throw ServiceError.invalid("Choose 1 to 7 sessions a week.", field: "sessionsPerWeek")
            }
            if let minutes, !IntakeAnswers.Limits.minutesPerDay.contains(minutes) {
                throw ServiceError.invalid("Choose 5 to 30 minutes a session.", field: "minutesPerDay")
            }
            let parts = [sessions.map { "\($0) sessions a week" }, minutes.map { "about \($0) minutes each" }].compactMap { $0 }
            return parts.isEmpty ? "Put your sessions back to what you chose." : "Set your plan to " + parts.joined(separator: ", ") + "."
        case .note(let text):
            let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.count <= ClinicianAdjustments.noteLimit else {
                throw ServiceError.invalid("Please keep the note to \(ClinicianAdjustments.noteLimit) characters.", field: "note")
            }
            return trimmed.isEmpty ? "Took the note off your Today page." : "Left a note on your Today page."
        }
    }

    static func apply(_ adjustment: Adjustment, to adjustments: inout ClinicianAdjustments) throws {
        switch adjustment {
        case .painCeiling(let limit): adjustments.painCeiling = limit
        case .exclude(let id): adjustments.excluded.insert(id)
        case .allow(let id):
            guard adjustments.excluded.remove(id) != nil else {
                throw ServiceError.invalid("That exercise was not taken out, so there is nothing to put back.", field: "exercise")
            }
        case .confirmGate(let gate): adjustments.confirmedGates.insert(gate)
        case .schedule(let sessions, let minutes):
            adjustments.sessionsPerWeek = sessions
            adjustments.minutesPerDay = minutes
        case .note(let text):
            let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            adjustments.note = trimmed.isEmpty ? nil : trimmed
        }
    }
}

extension PhaseGate {
    /// In her words, for her log.
    public var forHer: String {
        switch self {
        case .pelvicHealthCheck: "your pelvic-health check after the birth is done, so the harder phases can open when you are ready."
        case .tummyGapReview: "the gap in your tummy muscles has been checked, so the hardest steps can come when you are ready."
        case .pelvicFloorReview: "your pelvic-floor symptoms have been checked, so the hardest steps can come when you are ready."
        }
    }
}
