import BackCoachCore
import BackCoachStorage

/// One answer to "what do I do today?", for the Today page, the API and the CLI alike.
public struct TodayService: Sendable {
    let context: ServiceContext
    let program: ProgramService

    /// Her today, where she lives (the date every "today" on every interface comes from).
    public func today(for user: User) -> LocalDate { context.today(for: user) }

    /// What Today shows, and the program state it stands on.
    public struct View: Sendable {
        public let current: ProgramService.Current
        public let day: Day
    }

    /// The day `date` (today when nil) as it stands for her, from one read of the store (`todayRecord`); nil before
    /// the first intake. `announcing`: Today as she opens it, so news of a phase change is told (and marked as told)
    /// once, on whichever interface she opens first.
    public func view(_ date: LocalDate? = nil, for user: User, announcing: Bool = false) async throws -> View? {
        let today = context.today(for: user)
        let date = date ?? today
        guard let record = try await context.store.todayRecord(for: user.id, on: date) else { return nil }
        // The plan is the one she has today, whichever day she asks about.
        let current = program.assess(record.intake.answers, record: record.program, painCeiling: user.painCeiling, today: today)
        var day = try plainDay(date, for: user, current: current, record: record)
        // Never beside a pause or a withheld plan: then the safety advice is all the page says.
        if day.status == .session || day.status == .rest { day.clinicianNote = current.adjustments.note }
        if announcing && day.date == today && (day.status == .session || day.status == .rest) {
            day.phaseNews = try await phaseNews(for: user, current: current)
        }
        return View(current: current, day: day)
    }

    /// The day as `view` has it; throws "answer the intake first" before the first intake.
    public func day(_ date: LocalDate? = nil, for user: User, announcing: Bool = false) async throws -> Day {
        guard let view = try await view(date, for: user, announcing: announcing) else {
            throw ServiceError.notFound("There are no answers yet. Answer the intake questions first.")
        }
        return view.day
    }

    /// Tells her once when her plan's phase changed or time opened the next one (`PhaseNews`); the announcement is
    /// stored in the same transaction as her program record, so two tabs never both say it.
    func phaseNews(for user: User, current: ProgramService.Current) async throws -> String? {
        guard let plan = current.activeProgram?.phase, let record = current.record else { return nil }
        let allowed = PhaseRules.allowedPhase(for: current.answers, confirmed: record.state.adjustments.confirmedGates).phase
        let weeks = current.answers.weeksSinceBirth
        let news = PhaseNews.news(plan: plan, allowed: allowed, weeksSinceBirth: weeks, announced: record.state.announced)
        guard news.announced != record.state.announced else { return nil }
        do {
            return try await context.store.changeProgram(for: user.id, on: context.today(for: user)) { snapshot in
                guard var stored = snapshot.program else { return ProgramChange(result: nil) }
                let fresh = PhaseNews.news(plan: plan, allowed: allowed, weeksSinceBirth: weeks, announced: stored.state.announced)
                // Another tab told her a moment ago: say nothing twice.
                guard fresh.announced != stored.state.announced else { return ProgramChange(result: nil) }
                stored.state.announced = fresh.announced
                return ProgramChange(program: stored, result: fresh.message)
            }
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("This account no longer exists.")
        }
    }

    private func plainDay(_ date: LocalDate, for user: User, current: ProgramService.Current, record stored: TodayRecord) throws -> Day {
        let contacts = context.content.contacts(for: user.country)
        guard current.assessment.triage.programAllowed, current.record != nil, let plan = current.assessment.program else {
            let triage = current.assessment.triage
            return Day(date: date, status: .withheld, triage: triage, contacts: contacts.needed(for: triage))
        }
        if current.paused {
            let latest = stored.latestScreen
            let triage = context.coach.triageEngine.screen(Set(latest?.redFlags ?? []), birthDate: current.answers.birthDate)
            return Day(
                date: date, status: .paused, screenRequired: true,
                tip: "Your program is paused after your last safety check. When you are cleared, do a new safety check.", triage: triage,
                contacts: contacts.needed(for: triage))
        }
        let record = stored.day
        if let pain = SessionService.stoppingPain(record) {
            // A check-in of 7 or more that day is RF-16: no session today, and the advice says who to see.
            let triage = context.coach.triageEngine.screen([.rf16], birthDate: current.answers.birthDate)
            return Day(
                date: date, status: .withheld,
                tip: "You told us your pain is \(pain) out of 10 today. Please rest from the exercises today.", triage: triage,
                contacts: contacts.needed(for: triage))
        }
        let morning = current.record?.state.pendingMorning.flatMap { $0.askable(on: date) ? $0.sessionDate : nil }
        var day: Day
        let due = Self.sessionDue(
            on: date, schedule: current.schedule, doneToday: record.sessionLogged, doneDayBefore: stored.sessionLoggedDayBefore)
        if let due, let session = plan.sessions.first(where: { $0.number == due.number }) {
            day = Day(
                date: date, status: .session, sessionNumber: due.number, session: session,
                screenRequired: !SafetyCheckService.isClear(record.screens), completed: record.sessionLogged,
                tip: due.catchUp ? "You missed yesterday's session. You can do it today instead." : nil, nextMorningFor: morning)
        } else {
            day = Day(date: date, status: .rest, completed: record.sessionLogged, tip: RestDayTips.tip(for: date), nextMorningFor: morning)
        }
        day.checkedIn = record.checkinPain != nil
        return day
    }

    /// The session she would do on `date`: the day's planned one, yesterday's if she missed it and today is a rest
    /// day, or else the first of the week; none once she has done one that day (one a day).
    public func sessionToDo(on date: LocalDate, current: ProgramService.Current, for user: User) async throws -> PlannedSession? {
        guard let plan = current.activeProgram else { return nil }
        guard let record = try await context.store.todayRecord(for: user.id, on: date), !record.day.sessionLogged else { return nil }
        let number =
            Self.sessionDue(on: date, schedule: current.schedule, doneToday: false, doneDayBefore: record.sessionLoggedDayBefore)?.number
            ?? 1
        return plan.sessions.first { $0.number == number } ?? plan.sessions.first
    }

    /// The session planned for `date`, or on a rest day the one she missed the day before (a missed session can be
    /// done the next day), unless she has already done one today.
    static func sessionDue(on date: LocalDate, schedule: SessionSchedule?, doneToday: Bool, doneDayBefore: Bool)
        -> (number: Int, catchUp: Bool)?
    {
        guard let schedule else { return nil }
        if let number = schedule.sessionNumber(on: date) { return (number, false) }
        guard !doneToday, schedule.sessionNumber(on: date.adding(days: -1)) != nil else { return nil }
        return schedule.catchUp(on: date, doneYesterday: doneDayBefore).map { ($0, true) }
    }
}
