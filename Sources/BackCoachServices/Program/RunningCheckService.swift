import BackCoachCore
import BackCoachStorage

/// The return-to-running check (reference 5.3): open in the last phase of her plan, from 12 weeks (about 4 months
/// after a caesarean); the verdict is Core's `RunningReadiness`. Nothing is stored: she can take it again any day.
public struct RunningCheckService: Sendable {
    let context: ServiceContext
    let program: ProgramService

    public struct Status: Sendable {
        /// Why the check waits (a `tooEarly` verdict), or nil when she can take it now.
        public let waiting: RunningReadiness?
        public let check: RunningCheck
        /// What she is asked, for her kind of birth.
        public let items: [RunningCheck.Item]
    }

    public func status(for user: User) async throws -> Status {
        let (current, phase) = try await plan(for: user)
        let check = context.content.runningCheck
        return Status(
            waiting: RunningReadiness.gate(answers: current.answers, phase: phase), check: check,
            items: check.items(after: current.answers.delivery))
    }

    /// `responses`: each item's id → "yes"/"no" for a question, or passed/symptoms/notYet for a test.
    public func assess(_ responses: [String: String], for user: User) async throws -> RunningReadiness {
        let (current, phase) = try await plan(for: user)
        do {
            return try RunningReadiness.assess(
                responses, check: context.content.runningCheck, answers: current.answers, triage: current.assessment.triage, phase: phase)
        } catch {
            throw ServiceError.invalid(error.message, field: "answers")
        }
    }

    /// Only a plan she can follow today has a last phase to reach; a safety stop comes first.
    private func plan(for user: User) async throws -> (ProgramService.Current, Phase) {
        let current = try await program.current(for: user)
        guard let active = current.activeProgram else {
            throw ServiceError.conflict(
                "Your plan is on hold for a safety reason, so running has to wait. Follow the advice on the Today page first.")
        }
        return (current, active.phase.phase)
    }
}
