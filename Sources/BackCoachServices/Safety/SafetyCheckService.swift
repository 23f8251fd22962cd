import BackCoachCore
import BackCoachStorage

/// The quick safety check before a session (reference 5.2-1, 5.2-2): any warning sign pauses the program.
public struct SafetyCheckService: Sendable {
    let context: ServiceContext

    /// The questions asked, in order.
    public var questions: [RedFlagRule] { context.content.rescreenFlags }

    /// A day is clear to exercise once a check was done that day and none of that day's checks stopped her: a stop
    /// holds for the rest of the day, whatever a later check says.
    public static func isClear(_ screens: [ScreenRecord]) -> Bool {
        !screens.isEmpty && !screens.contains { $0.level >= .urgent }
    }

    public func isClear(on date: LocalDate, for user: User) async throws -> Bool {
        Self.isClear(try await context.store.screens(for: user.id, on: date))
    }

    /// Whether a check on `date` stopped her: then no new check can lift the pause that day.
    public func stopped(on date: LocalDate, for user: User) async throws -> Bool {
        try await context.store.screens(for: user.id, on: date).contains { $0.level >= .urgent }
    }

    /// Something went wrong during a session (a stop sign: dizziness, bleeding, scar pain…): the session stops, the
    /// flag it raises is recorded as today's check, and the program pauses as after any check that stops her.
    public func reportDuringSession(_ signID: String, for user: User) async throws -> TriageResult {
        guard let sign = context.content.questions.sessionStopSigns.first(where: { $0.id == signID }) else {
            throw ServiceError.invalid("Please choose what happened from the list.", field: "sign")
        }
        let today = context.today(for: user)
        let birthDate = try await context.store.intake(for: user.id)?.answers.birthDate
        let result = context.coach.triageEngine.screen([sign.flag], birthDate: birthDate)
        let screen = ScreenRecord(date: today, redFlags: [sign.flag], level: result.level, createdAt: context.now())
        do {
            try await context.store.changeProgram(for: user.id, on: today) { snapshot in
                guard var record = snapshot.program else { return ProgramChange(screen: screen, result: ()) }
                record.paused = record.paused || !result.programAllowed
                return ProgramChange(program: record, screen: screen, result: ())
            }
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("This account no longer exists.")
        }
        return result
    }

    /// Resting pain this high, or pain worse than last week, is RF-16: the session waits (reference 5.2-1, RF-16).
    public static let restingPainThatStops = 7

    /// Records a check for `date` (today when nil). Emergency or urgent pauses the program; a clear check on a later
    /// day resumes it. Read, decision and save happen in one transaction, so a session logged at the same moment
    /// can't undo the pause. Today's resting pain and whether it is worse than last week are part of every check:
    /// a missing answer is refused, never read as a good one.
    public func record(
        _ flags: Set<RedFlagID>, followUps: Set<RedFlagFollowUpID> = [], painAtRest: Int?, painWorsening: Bool?, seen: Bool = false,
        on date: LocalDate? = nil, for user: User
    ) async throws -> TriageResult {
        guard let painAtRest, (0...10).contains(painAtRest) else {
            throw ServiceError.invalid("Please say how bad your pain is when you rest today, from 0 to 10.", field: "painAtRest")
        }
        guard let painWorsening else {
            throw ServiceError.invalid("Please say whether your pain is worse than last week.", field: "painWorsening")
        }
        var flags = flags
        if painAtRest >= Self.restingPainThatStops || painWorsening { flags.insert(.rf16) }
        let today = context.today(for: user)
        let date = date ?? today
        // A check speaks for her today or yesterday, never ahead. Until her time zone is known, her today may be
        // any of the three dates around the server's UTC date, so each of them is taken (S-3).
        guard (context.earliestToday(for: user).adding(days: -1)...context.latestDay(for: user)).contains(date) else {
            throw ServiceError.invalid("A safety check is for today, not \(date). Do it on the day of your session.", field: "date")
        }
        let birthDate = try await context.store.intake(for: user.id)?.answers.birthDate
        let result = context.coach.triageEngine.screen(flags, followUps: followUps, birthDate: birthDate)
        // A follow-up's "yes" is a "yes" to its flag too, so the record names every flag raised.
        let raised = flags.union(followUps.map(\.flag))
        let screen = ScreenRecord(date: date, redFlags: raised.sorted(), level: result.level, createdAt: context.now())
        do {
            try await context.store.changeProgram(for: user.id, on: date) { snapshot in
                guard var record = snapshot.program else { return ProgramChange(screen: screen, result: ()) }
                let stoppedThatDay = snapshot.day.screens.contains { $0.level >= .urgent }
                // A pause from an earlier day ends only when she says she has been seen or the problem has gone;
                // a clear answer alone is not enough (S-5).
                // A stop holds for the rest of its day: a clear check that day is refused, not stored as if it helped.
                if record.paused && result.programAllowed && stoppedThatDay {
                    throw ServiceError.conflict(
                        "A safety check earlier today paused your program. The pause holds for the rest of today; you can check again tomorrow."
                    )
                }
                if record.paused && result.programAllowed && !stoppedThatDay && !seen {
                    throw ServiceError.conflict(
                        "Your program is paused after an earlier safety check. Confirm that you have been seen and told you can exercise, or that the problem has gone, then do the check again."
                    )
                }
                record.paused = !result.programAllowed || (record.paused && stoppedThatDay)
                return ProgramChange(program: record, screen: screen, result: ())
            }
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("This account no longer exists.")
        }
        return result
    }
}
