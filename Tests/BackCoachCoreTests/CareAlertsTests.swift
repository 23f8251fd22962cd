import BackCoachCore
import Testing

@Suite("Care alerts: what a clinician looks at first")
struct CareAlertsTests {
    static let today = LocalDate.day0

    func record(
        start: LocalDate? = LocalDate.day0.adding(days: -20), paused: Bool = false,
        checks: [(date: LocalDate, level: TriageLevel, flags: [RedFlagID])] = [], pain: [Int] = [],
        sessions: [(date: LocalDate, feedback: [ExerciseFeedback])] = [], lastSession: LocalDate? = LocalDate.day0,
        lastCheckin: LocalDate? = LocalDate.day0
    ) -> CareAlerts.Record {
        // `pain` runs oldest first and ends today.
        let checkins = pain.enumerated().map { PainCheckin(date: Self.today.adding(days: $0.offset - pain.count + 1), pain: $0.element) }
        return CareAlerts.Record(
            today: Self.today, programStart: start, paused: paused, intakeFlags: [], checks: checks, pain: checkins,
            lastCheckin: lastCheckin, sessions: sessions, lastSession: lastSession, ceiling: 3)
    }

    func kinds(_ record: CareAlerts.Record) -> [CareAlert.Kind] {
        CareAlerts.alerts(for: record) { $0 }.map(\.kind)
    }

    @Test("A quiet, steady week raises nothing")
    func calm() {
        #expect(kinds(record(pain: Array(repeating: 3, count: 14))).isEmpty)
    }

    @Test("A check that stopped her comes first, then symptoms, then a week without sessions")
    func order() {
        let stop = (date: Self.today.adding(days: -1), level: TriageLevel.urgent, flags: [RedFlagID.rf07])
        let leak = ExerciseFeedback(exerciseID: "clams", completed: true, painDuring: 2, symptoms: [.leaking])
        let result = kinds(
            record(checks: [stop], sessions: [(Self.today.adding(days: -9), [leak])], lastSession: Self.today.adding(days: -9)))
        #expect(result == [.safetyStop, .symptoms, .noSession])
    }

    @Test("Pain up by 2 points on the 7-day average, week on week, is an alert; 1 point is not (NRS MCID)")
    func painRise() {
        #expect(kinds(record(pain: Array(repeating: 2, count: 7) + Array(repeating: 4, count: 7))) == [.painRise])
        #expect(kinds(record(pain: Array(repeating: 2, count: 7) + Array(repeating: 3, count: 7))).isEmpty)
    }

    @Test("Pain over her limit during an exercise counts as a symptom report")
    func overLimit() {
        let hard = ExerciseFeedback(exerciseID: "glute-bridge", completed: true, painDuring: 6)
        let alerts = CareAlerts.alerts(for: record(sessions: [(Self.today, [hard])])) { _ in "Glute bridge" }
        #expect(alerts.first?.text.contains("Glute bridge: pain 6/10 over her limit of 3") == true)
    }

    @Test("Inactivity waits for a plan a week old, and is not raised while a pause holds her")
    func inactivity() {
        #expect(kinds(record(start: Self.today.adding(days: -3), lastSession: nil, lastCheckin: nil)).isEmpty)
        #expect(kinds(record(lastSession: nil, lastCheckin: nil)) == [.noSession, .noCheckin])
        #expect(kinds(record(paused: true, lastSession: nil, lastCheckin: nil)) == [.safetyStop])
    }
}
