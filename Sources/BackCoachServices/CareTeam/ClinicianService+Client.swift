import BackCoachCore
import BackCoachStorage
import Foundation

/// One client's record as her clinician sees it.
extension ClinicianService {
    public struct ClientRecord: Sendable {
        public let client: User
        public let share: Share
        /// Her today, in her time zone: every date on the page is hers.
        public let today: LocalDate
        public let alerts: [CareAlert]
        /// Her answers, record and plan; nil before she answered the intake.
        public let current: ProgramService.Current?
        /// Pain and PSFS over the last four weeks, against her baseline.
        public let progress: ProgressReport
        /// Planned and done, per week, newest first.
        public let weeks: [Week]
        /// Sessions of the last four weeks, newest first, with what she reported and what it changed.
        public let sessions: [SessionLog]
        /// Safety checks of the last four weeks, newest first.
        public let checks: [ScreenRecord]
        /// This clinician's changes, newest first.
        public let changes: [CareEvent]
    }

    public struct Week: Sendable, Equatable {
        public let from: LocalDate
        public let to: LocalDate
        public let planned: Int
        public let done: Int
    }

    /// How far back the client page looks.
    public static let recordDays = 28

    /// Her record; the view is logged in her care-team log.
    public func client(_ clientID: UserID, for clinician: User, purpose: String = "Looked at your record.") async throws -> ClientRecord {
        let (share, client) = try await openShare(clientID, for: clinician)
        let today = context.today(for: client)
        let from = today.adding(days: -(Self.recordDays - 1))
        let store = context.store
        let current = try await program.currentIfAnswered(for: client, on: today)
        let sessions = try await store.sessions(for: client.id, from: from, to: today)
        let screens = try await store.screens(for: client.id, from: from, to: today)
        let done = Set(sessions.map(\.date))
        let weeks = (0..<Self.recordDays / 7).map { index -> Week in
            let end = today.adding(days: -7 * index)
            let start = end.adding(days: -6)
            let planned = current?.schedule?.sessionDays(from: start, to: end).count ?? 0
            return Week(from: start, to: end, planned: planned, done: done.filter { $0 >= start && $0 <= end }.count)
        }
        let record = ClientRecord(
            client: client, share: share, today: today,
            alerts: try await alerts(for: client, today: today, current: current, sessions: sessions, screens: screens), current: current,
            progress: try await ProgressReport.build(for: client, days: Self.recordDays, context: context), weeks: weeks,
            sessions: sessions.reversed(), checks: screens.reversed(),
            changes: try await store.careEvents(client: client.id, limit: 200).filter {
                $0.clinician == clinician.id && $0.kind == .adjusted
            })
        // Logged last: when the share ended while this was read, the log refuses and nothing is handed out.
        try await log(.viewed, purpose, share: share, clinician: clinician)
        return record
    }
}
