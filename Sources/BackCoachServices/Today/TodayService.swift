import BackCoachCore
import BackCoachStorage

/// One answer to "what do I do today?", for the Today page, the API and the CLI alike.
public struct TodayService: Sendable {
    let context: ServiceContext
    let program: ProgramService

    /// Her today, where she lives (the date every "today" on every interface comes from).
    public func today(for user: User) -> LocalDate { context.today(for: user) }

    /// The day `date` (today when nil) as it stands for her.
    public func day(_ date: LocalDate? = nil, for user: User) async throws -> Day {
        try await day(date, for: user, current: try await program.current(for: user))
    }

    public func day(_ date: LocalDate?, for user: User, current: ProgramService.Current) async throws -> Day {
        let date = date ?? context.today(for: user)
        let contacts = context.content.contacts(for: user.country)
        guard current.assessment.triage.programAllowed, current.record != nil, let plan = current.assessment.program else {
            let triage = current.assessment.triage
            return Day(date: date, status: .withheld, triage: triage, contacts: contacts.needed(for: triage))
        }
        if current.paused {
            let latest = try await context.store.latestScreen(for: user.id)
            let triage = context.coach.triageEngine.screen(Set(latest?.redFlags ?? [])).naming(birthDate: current.answers.birthDate)
            return Day(
                date: date, status: .paused, screenRequired: true,
                tip: "Your program is paused after your last safety check. When you are cleared, do a new safety check.", triage: triage,
                contacts: contacts.needed(for: triage))
        }
        let record = try await context.store.day(for: user.id, on: date)
        if let pain = SessionService.stoppingPain(record) {
            // A check-in of 7 or more that day is RF-16: no session today, and the advice says who to see.
            let triage = context.coach.triageEngine.screen([.rf16]).naming(birthDate: current.answers.birthDate)
            return Day(
                date: date, status: .withheld,
                tip: "You told us your pain is \(pain) out of 10 today. Please rest from the exercises today.", triage: triage,
                contacts: contacts.needed(for: triage))
        }
        let morning = current.record?.state.pendingMorning.flatMap { $0.sessionDate < date ? $0.sessionDate : nil }
        guard let number = current.schedule?.sessionNumber(on: date), let session = plan.sessions.first(where: { $0.number == number })
        else {
            return Day(
                date: date, status: .rest, completed: record.sessionLogged, tip: RestDayTips.tip(for: date), nextMorningFor: morning)
        }
        return Day(
            date: date, status: .session, sessionNumber: number, session: session,
            screenRequired: !SafetyCheckService.isClear(record.screens), completed: record.sessionLogged, nextMorningFor: morning)
    }

    /// The session she would do on `date`: the day's planned one, or on a rest day the first of the week.
    public func sessionToDo(on date: LocalDate, current: ProgramService.Current) -> PlannedSession? {
        guard let plan = current.activeProgram else { return nil }
        let number = current.schedule?.sessionNumber(on: date) ?? 1
        return plan.sessions.first { $0.number == number } ?? plan.sessions.first
    }
}
