import BackCoachContent
import BackCoachCore
import Testing

/// A step up needs two good sessions on different days, each with a pain score within the limit, no symptom and a
/// settled next morning; a missing answer never counts as a good one (rules 5.2-4, 5.2-6).
@Suite("The next morning decides (5.2-4, 5.2-6)")
struct NextMorningTests {
    static let catalogue = try! library().catalogue
    static let engine = ProgressionEngine(catalogue: catalogue)
    static let answers = IntakeAnswers.fixture(weeks: 12)

    /// Logs one session of glute bridges on `day` and returns the new state.
    static func session(_ state: ProgramState, on day: LocalDate, pain: Int? = 2) -> ProgramState {
        SessionReview.review(
            feedback: [ExerciseFeedback(exerciseID: "glute-bridge", completed: true, difficulty: .right, painDuring: pain)], history: [],
            state: state, engine: engine, context: ProgramContext(answers: answers), allowedPhase: .buildingStrength, ceiling: 5,
            sessionsPerWeek: 4, on: day
        ).state
    }

    /// Answers the morning for a waiting session, as the service does.
    static func morning(_ answer: NextMorning, _ state: ProgramState) -> (ProgramState, [ProgressionDecision]) {
        var state = state
        let limits = ProgressionEngine.Limits(
            ceiling: 5, phase: state.phase, context: ProgramContext(answers: answers), toleratesDeferred: false, sessionsPerWeek: 4)
        var decisions: [ProgressionDecision] = []
        for (root, good) in state.pendingMorning?.ladders ?? [:] {
            let (decision, next) = engine.morning(answer, state: state.ladders[root]!, wentWell: good, limits: limits)
            state.ladders[root] = next
            decisions.append(decision)
        }
        state.pendingMorning = nil
        return (state, decisions)
    }

    static let start = ProgramState(phase: .buildingStrength)
    static let day = LocalDate.day0

    @Test("Two good sessions on two days, each with a settled morning, step up; nothing steps up before the morning")
    func stepsUp() {
        var state = Self.session(Self.start, on: Self.day)
        #expect(state.pendingMorning?.ladders["glute-bridge"] == true)
        var decisions: [ProgressionDecision]
        (state, decisions) = Self.morning(.settled, state)
        #expect(decisions.first?.action == .hold && decisions.first?.reason.contains("another day") == true)
        state = Self.session(state, on: Self.day.adding(days: 2))
        #expect(state.ladders["glute-bridge"]?.dose.reps == 5, "no step up at the session itself")
        (state, decisions) = Self.morning(.settled, state)
        #expect(decisions.first?.action == .progress && state.ladders["glute-bridge"]?.dose.reps == 7)
    }

    @Test("Three sessions on one day count once")
    func oneDayCountsOnce() {
        var state = Self.session(Self.start, on: Self.day)
        state = Self.session(state, on: Self.day)
        state = Self.session(state, on: Self.day)
        (state, _) = Self.morning(.settled, state)
        #expect(state.ladders["glute-bridge"]?.goodSessions == 1)
    }

    @Test("A missing morning answer or a missing pain score never counts")
    func missingNeverCounts() {
        // Session, no morning answer, another session two days later: the first never counted.
        var state = Self.session(Self.start, on: Self.day)
        state = Self.session(state, on: Self.day.adding(days: 2))
        (state, _) = Self.morning(.settled, state)
        #expect(state.ladders["glute-bridge"]?.goodSessions == 1)
        // No pain score: held, and the morning doesn't credit it.
        var unscored = Self.session(Self.start, on: Self.day, pain: nil)
        #expect(unscored.pendingMorning?.ladders["glute-bridge"] == false)
        (unscored, _) = Self.morning(.settled, unscored)
        #expect(unscored.ladders["glute-bridge"]?.goodSessions == 0)
    }

    @Test("Two unsettled mornings in a row step back, visibly")
    func unsettled() {
        var state = Self.session(Self.start, on: Self.day)
        var decisions: [ProgressionDecision]
        (state, decisions) = Self.morning(.notSettled, state)
        #expect(decisions.first?.action == .hold && decisions.first?.rule == "5.2-4")
        state = Self.session(state, on: Self.day.adding(days: 2))
        (state, decisions) = Self.morning(.notSettled, state)
        #expect(decisions.first?.action == .regress && decisions.first?.reason.contains("easier") == true)
        #expect(
            state.ladders["glute-bridge"].map { $0.dose != Self.catalogue["glute-bridge"]!.dose || $0.exerciseID != "glute-bridge" } == true
        )
    }
}

@Suite("A weekly pain rise eases the plan (5.2-5)")
struct WeeklyRiseTests {
    static let day = LocalDate.day0

    static func week(_ pains: [Int], endingDaysBefore offset: Int) -> [PainCheckin] {
        pains.enumerated().map { PainCheckin(date: day.adding(days: -offset - $0.offset), pain: $0.element) }
    }

    @Test("The rise needs 3 check-ins in each week; one day is not a trend")
    func needsData() {
        let rising = Self.week([6, 6, 6], endingDaysBefore: 0) + Self.week([3, 3, 3], endingDaysBefore: 7)
        #expect(OutcomeCalculator.weeklyRise(rising, asOf: Self.day) == 3)
        let thin = Self.week([6], endingDaysBefore: 0) + Self.week([3, 3, 3], endingDaysBefore: 7)
        #expect(OutcomeCalculator.weeklyRise(thin, asOf: Self.day) == nil)
    }

    @Test("A rise of 2 steps every exercise back once, asks for a clinician's check, and not again that week")
    func eases() {
        let catalogue = try! library().catalogue
        let engine = ProgressionEngine(catalogue: catalogue)
        let answers = IntakeAnswers.fixture(weeks: 12)
        var state = ProgramState(phase: .buildingStrength)
        state.ladders["glute-bridge"] = ExerciseState(exerciseID: "glute-bridge", dose: Dose(sets: 2, reps: 9, holdSeconds: 2))
        let review = { (state: ProgramState, day: LocalDate) in
            SessionReview.review(
                feedback: [ExerciseFeedback(exerciseID: "clams", completed: true, painDuring: 2)], history: [], state: state,
                engine: engine,
                context: ProgramContext(answers: answers), allowedPhase: .buildingStrength, ceiling: 5, on: day, weeklyPainRise: 2.5)
        }
        let eased = review(state, Self.day)
        let bridge = eased.decisions.first { $0.exerciseID == "glute-bridge" }
        #expect(bridge?.action == .regress && bridge?.rule == "5.2-5" && bridge?.reason.contains("midwife, GP or physio") == true)
        #expect(eased.state.ladders["glute-bridge"]!.dose.sets < 2 || eased.state.ladders["glute-bridge"]!.dose.reps < 9)
        #expect(eased.state.easedOffOn == Self.day)
        let again = review(eased.state, Self.day.adding(days: 2))
        #expect(!again.decisions.contains { $0.rule == "5.2-5" }, "once a week at most")
    }
}
