import BackCoachCore
import BackCoachServices
import BackCoachStorage

/// One client's record for her clinician: alerts, safety, pain and PSFS, adherence, sessions, the plan and why, her
/// answers, and the forms that change her plan. The printable summary uses the same model.
struct ClientPage {
    let chrome: Chrome
    let id: String
    let name: String
    let since: String
    let today: String
    let zone: String
    let alerts: [ClientListPage.Alert]
    let triage: String
    let intakeFlags: [String]
    let checks: [Line]
    let painChart: String
    let painRows: [Line]
    let painVerdict: [String]
    let psfsChart: String?
    let psfsRows: [Line]
    let weeks: [Line]
    let sessions: [Session]
    let plan: Plan?
    let answers: [Line]
    let changes: [Line]
    let message: String?
    let error: String?

    struct Line {
        let label: String
        let value: String
    }

    struct Session {
        let date: String
        let lines: [Line]
        let decisions: [Line]
    }

    struct Plan {
        let phase: String
        let reasons: [String]
        let ceiling: Int
        let perWeek: Int
        let minutes: Int
        let exercises: [Choice]
        let excluded: [Line]
        let takenOut: [Choice]
        let ceilings: [Choice]
        let gates: [Choice]
        let note: String
        let paused: Bool
    }

    struct Choice {
        let value: String
        let label: String
        let selected: Bool
    }

    static func make(
        _ record: ClinicianService.ClientRecord, catalogue: ExerciseCatalogue, message: String?, error: String?, chrome: Chrome
    )
        -> ClientPage
    {
        let title = { (id: String) in catalogue[id]?.title ?? id }
        let zone = record.client.timeZone
        let progress = record.progress
        let current = record.current
        let link = PagePath.clinicianClient(record.client.id)
        let psfsPoints = progress.psfs.map { ($0.date, $0.average) }
        return ClientPage(
            chrome: chrome, id: record.client.id.description, name: record.client.email,
            since: DayLabel.time(record.share.acceptedAt ?? record.share.createdAt, in: zone), today: DayLabel.text(record.today),
            zone: zone ?? "not set (dates in UTC)",
            alerts: record.alerts.map { .init($0, page: link) },
            triage: current.map { triageText($0.assessment.triage, paused: $0.paused) }
                ?? "She has not answered the starting questions yet.",
            intakeFlags: current?.assessment.triage.flags.map { "\($0.id.rawValue) · \($0.title) · \(levelWords($0.level))" } ?? [],
            checks: record.checks.map {
                Line(label: DayLabel.time($0.createdAt, in: zone), value: levelWords($0.level) + flagList($0.redFlags))
            },
            painChart: Charts.pain(
                points: progress.chartPoints, from: progress.from, to: progress.to, baseline: progress.baseline,
                description: progress.messages.first ?? "Pain check-ins", startLabel: "her start", joinWithin: progress.chartJoinDays),
            painRows: progress.pain.reversed().map { Line(label: DayLabel.text($0.date), value: "\($0.pain)/10") },
            painVerdict: progress.messages + ["Meaningful change: \(progress.threshold)."],
            psfsChart: psfsPoints.isEmpty
                ? nil
                : Charts.psfs(
                    points: psfsPoints, from: progress.from, to: progress.to, baseline: progress.psfsChange?.baseline,
                    description: "Average activity score over four weeks"),
            psfsRows: progress.psfs.reversed().map { point in
                Line(
                    label: DayLabel.text(point.date),
                    value: point.ratings.map { "\($0.activity) \($0.score)/10" }.joined(separator: ", ") + " · average "
                        + Charts.f(point.average))
            },
            weeks: record.weeks.map {
                Line(label: "\(DayLabel.short($0.from)) to \(DayLabel.short($0.to))", value: "\($0.done) of \($0.planned) planned sessions")
            },
            sessions: record.sessions.map { log in
                Session(
                    date: DayLabel.text(log.date),
                    lines: log.feedback.map { feedback in
                        Line(label: title(feedback.exerciseID), value: feedbackText(feedback))
                    },
                    decisions: log.decisions.map {
                        Line(label: title($0.exerciseID), value: "\($0.action.rawValue): \($0.reason) (rule \($0.rule))")
                    })
            },
            plan: current.flatMap { plan(for: $0, catalogue: catalogue) },
            answers: current.map { answerLines($0.answers) } ?? [],
            changes: record.changes.map {
                Line(label: DayLabel.time($0.at, in: zone), value: $0.summary + " Reason: " + ($0.reason ?? ""))
            },
            message: message, error: error)
    }

    /// Her intake's verdict, said with what holds now: a pause from a later check outranks a plan that "runs".
    static func triageText(_ triage: TriageResult, paused: Bool) -> String {
        if paused && triage.programAllowed {
            return "A safety check since her intake has paused her plan. She sees advice to get checked, not exercises."
        }
        return switch triage.level {
        case .none: "No red flags at intake."
        case .nextAppointment: "Flags to raise at her next appointment; the plan runs, modified."
        case .urgent: "Urgent: the plan is withheld until she has been seen."
        case .emergency: "Emergency: the plan is withheld."
        }
    }

    static func levelWords(_ level: TriageLevel) -> String {
        switch level {
        case .none: "clear"
        case .nextAppointment: "raise at her next appointment"
        case .urgent: "urgent: seen today"
        case .emergency: "emergency"
        }
    }

    static func flagList(_ flags: [RedFlagID]) -> String {
        flags.isEmpty ? "" : " · " + flags.map(\.rawValue).joined(separator: ", ")
    }

    static func feedbackText(_ feedback: ExerciseFeedback) -> String {
        var parts = [feedback.completed ? "done" : "not done"]
        if let pain = feedback.painDuring { parts.append("pain \(pain)/10") }
        if let difficulty = feedback.difficulty { parts.append(difficulty.words) }
        if !feedback.symptoms.isEmpty { parts.append("symptoms: " + feedback.symptoms.map(\.rawValue).sorted().joined(separator: ", ")) }
        if let morning = feedback.nextMorning { parts.append("next morning \(morning.words)") }
        return parts.joined(separator: " · ")
    }
}
