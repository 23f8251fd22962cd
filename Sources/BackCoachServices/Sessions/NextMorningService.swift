import BackCoachCore
import BackCoachStorage

/// "How is your pain this morning, after yesterday's session?" (rule 5.2-4). Until it is answered, a session
/// doesn't count toward a step up; a settled morning lets it count, and a second one on another day steps up.
public struct NextMorningService: Sendable {
    let context: ServiceContext
    let program: ProgramService

    public struct Answered: Sendable {
        public let sessionDate: LocalDate
        public let decisions: [ProgressionDecision]
    }

    /// Applies the answer to every exercise of the waiting session, in one transaction with her program record.
    public func answer(_ answer: NextMorning, for user: User) async throws -> Answered {
        let today = context.today(for: user)
        let current = try await program.current(for: user)
        let answers = current.answers
        let programContext = ProgramContext(answers: answers)
        let engine = ProgressionEngine(catalogue: context.content.catalogue)
        let ceiling = current.assessment.program?.painCeiling ?? PainCeiling.ceiling(for: programContext, override: user.painCeiling)
        do {
            return try await context.store.changeProgram(for: user.id, on: today) { snapshot in
                guard var record = snapshot.program, let pending = record.state.pendingMorning else {
                    throw ServiceError.conflict("There is no session waiting for a next-morning answer.")
                }
                guard pending.sessionDate < today else {
                    throw ServiceError.conflict("Tell us tomorrow morning how your pain feels after today's session.")
                }
                guard pending.askable(on: today) else {
                    throw ServiceError.conflict(
                        "That session was more than \(PendingMorning.answerWindowDays) days ago, so it's too late to say how the next morning felt. Your next session will ask again."
                    )
                }
                let limits = ProgressionEngine.Limits(
                    ceiling: ceiling, phase: record.state.phase, context: programContext, toleratesDeferred: record.state.toleratesDeferred,
                    sessionsPerWeek: answers.daysPerWeek)
                var decisions: [ProgressionDecision] = []
                for (root, wentWell) in pending.ladders.sorted(by: { $0.key < $1.key }) {
                    guard let ladder = record.state.ladders[root] else { continue }
                    let (decision, next) = engine.morning(answer, state: ladder, wentWell: wentWell, limits: limits)
                    record.state.ladders[root] = next
                    decisions.append(decision)
                }
                record.state.pendingMorning = nil
                return ProgramChange(
                    program: record, morning: MorningAnswer(sessionDate: pending.sessionDate, answer: answer),
                    result: Answered(sessionDate: pending.sessionDate, decisions: decisions))
            }
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("This account no longer exists.")
        }
    }
}
