import BackCoachContent
import BackCoachCore
import BackCoachServices

/// Today: the session due, the safety check when it is due, or a rest day.
struct TodayPage {
    let chrome: Chrome
    let dateText: String
    let isSession: Bool
    let isRest: Bool
    let isPaused: Bool
    let isWithheld: Bool
    let screenRequired: Bool
    let completed: Bool
    let sessionNumber: Int
    let minutes: Int
    /// What the session card lists: only the two words a line shows, so rendering doesn't reflect over each
    /// exercise's whole dose (that was most of the Today page's template cost).
    let exercises: [ExerciseLine]
    let tip: String?
    let rescreenIntro: String
    /// The day's safety questions, rendered (`flagQuestions(...)`).
    let flagQuestions: String
    let labels: QuestionSet.AnswerLabels
    let flags: [TriageFlag]
    /// 0 to 10, for today's resting pain.
    let painScale: [ScaleChoice]

    struct ExerciseLine {
        let title: String
        let doseSummary: String
    }

    struct ScaleChoice {
        let value: Int
        let checked: Bool
    }
    /// Paused by an earlier day's check: a new check (with "I have been seen") may lift it.
    let canRecheck: Bool
    /// Her country's numbers, when a safety reason stops today's session.
    let contacts: Contacts?
    /// The day of a session waiting for "how is your pain this morning?", as words.
    let nextMorningFor: String?
    /// What her next-morning answer did, in words.
    let morningMessage: String?
    /// Said once: her plan moved to another phase, or time opened the next one.
    let phaseNews: String?
    /// A note from her clinician, in her clinician's words.
    let clinicianNote: String?
    let checkedIn: Bool
    /// Six weeks or more after the birth and not yet cleared: one tap says her postnatal check cleared her.
    let offersClearance: Bool
    let clearedSaved: Bool
    /// Why the last check was refused (a pause it can't lift yet).
    let notice: String?
    /// The check came back with something unanswered: say so above it; the answers given are kept.
    let screenErrors: Bool
    let noneToday: Bool
    let painAtRestError: String?
    let worseYes: Bool
    let worseNo: Bool
    let painWorseningError: String?

    static let morningMessages = [
        "changed": "Thank you. Your plan is updated: see the changes on your plan.",
        "settled": "Thank you. That session counts toward your next step.",
        "notSettled": "Thank you. Your exercises stay where they are for now. If it happens again, the plan makes them easier.",
    ]

    /// The day's safety questions as HTML, with her answers and what is missing; unanswered, the same for everyone, so
    /// rendered once.
    static func flagQuestions(
        rescreen: [RedFlagRule], answers: [String: [String]], errors: [String: String], labels: QuestionSet.AnswerLabels,
        renderer: WebRenderer
    ) throws -> String {
        struct Model {
            let flagGroups: [SafetyQuestionForm.Group]
            let labels: QuestionSet.AnswerLabels
        }
        let fresh = answers.isEmpty && errors.isEmpty
        return try renderer.fragment("partials/flag-questions", cacheAs: fresh ? "daily-flag-questions" : nil) {
            // Not required one by one: "none of these today" answers them all.
            Model(
                flagGroups: SafetyQuestionForm(rules: rescreen, daily: true).groups(values: answers, errors: errors, required: false),
                labels: labels)
        }
    }

    /// `canRecheck`: paused by an earlier day's check, so a new check may lift it.
    static func make(
        _ day: Day, canRecheck: Bool, morning: String? = nil, offersClearance: Bool = false, clearedSaved: Bool = false,
        notice: String? = nil,
        flagQuestions: String, answers: [String: [String]] = [:],
        errors: [String: String] = [:], questions: QuestionSet, context: AppRequestContext, assets: Assets
    ) -> TodayPage {
        return TodayPage(
            chrome: Chrome(title: "Today", context: context, section: .today, assets: assets), dateText: DayLabel.text(day.date),
            isSession: day.status == .session, isRest: day.status == .rest, isPaused: day.status == .paused,
            isWithheld: day.status == .withheld, screenRequired: day.screenRequired, completed: day.completed,
            sessionNumber: day.sessionNumber ?? 0, minutes: day.session?.estimatedMinutes ?? 0,
            exercises: (day.session?.exercises ?? []).map { ExerciseLine(title: $0.title, doseSummary: $0.doseSummary) },
            tip: day.tip, rescreenIntro: questions.rescreenIntro,
            flagQuestions: flagQuestions,
            labels: questions.answers, flags: day.triage?.flags ?? [],
            painScale: (0...10).map { ScaleChoice(value: $0, checked: answers["painAtRest"]?.first == String($0)) },
            canRecheck: canRecheck,
            contacts: day.contacts, nextMorningFor: day.nextMorningFor.map(DayLabel.text),
            morningMessage: Self.morningMessages[morning ?? ""], phaseNews: day.phaseNews, clinicianNote: day.clinicianNote,
            checkedIn: day.checkedIn,
            offersClearance: offersClearance && (day.status == .session || day.status == .rest), clearedSaved: clearedSaved, notice: notice,
            screenErrors: !errors.isEmpty,
            noneToday: answers["none"]?.first == "yes", painAtRestError: errors["painAtRest"],
            worseYes: answers["painWorsening"]?.first == "yes", worseNo: answers["painWorsening"]?.first == "no",
            painWorseningError: errors["painWorsening"])
    }
}
