import BackCoachCore
import Foundation

/// A person's intake, program, safety checks, sessions and check-ins. Every call is scoped to one user.
public protocol HealthRecordStore: Sendable {
    /// Saves the intake and the program record together (one transaction).
    func saveIntake(_ answers: IntakeAnswers, program: ProgramRecord?, for user: UserID, now: Date) async throws
    func intake(for user: UserID) async throws -> StoredIntake?
    func program(for user: UserID) async throws -> ProgramRecord?
    /// Both at once (nearly every request needs both): nil before the first intake.
    func intakeAndProgram(for user: UserID) async throws -> (intake: StoredIntake, program: ProgramRecord?)?
    /// Changes her program record without losing a concurrent change: in one transaction it reads the record
    /// (holding her account row locked on PostgreSQL; as the single writer on SQLite), hands it to `change` with
    /// that day's record and the session already stored under `sessionID` (a retry), and stores what `change`
    /// returns: the new record, a safety check, a session. Two changes at once queue; the second sees the first.
    /// Throws `StorageError.userNotFound` when the account is gone, `.idTaken` when another account owns `sessionID`.
    func changeProgram<Result: Sendable>(
        for user: UserID, on date: LocalDate, sessionID: UUID?,
        _ change: @escaping @Sendable (ProgramSnapshot) throws -> ProgramChange<Result>
    ) async throws -> Result
    func screens(for user: UserID, on date: LocalDate) async throws -> [ScreenRecord]
    /// Safety checks between two dates inclusive, oldest first (her clinician's view of the last weeks).
    func screens(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [ScreenRecord]
    /// Her intake and program, the day's record, the day before's session and her latest safety check, in one query:
    /// everything Today needs. Nil before the first intake.
    func todayRecord(for user: UserID, on date: LocalDate) async throws -> TodayRecord?
    /// Sessions between two dates inclusive, oldest first.
    func sessions(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [SessionLog]
    /// Dates that have at least one logged session, between two dates inclusive, in order (for adherence;
    /// reads no feedback).
    func sessionDates(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [LocalDate]
    /// How many days between two dates inclusive have at least one logged session (adherence over a long window,
    /// counted by the database).
    func sessionDayCount(for user: UserID, from: LocalDate, to: LocalDate) async throws -> Int
    /// The most recent sessions, oldest first.
    func recentSessions(for user: UserID, limit: Int) async throws -> [SessionLog]
    /// Inserts or replaces the check-in for its date; returns true when it was new.
    /// With `keepingNewer`, a stored check-in written after this one (its `updatedAt` is later) stays, and
    /// `StorageError.newerExists` is thrown: a check-in kept offline for a while never overwrites a newer one.
    func upsertCheckin(_ checkin: Checkin, for user: UserID, keepingNewer: Bool) async throws -> Bool
    /// Check-ins between two dates inclusive, oldest first.
    func checkins(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [Checkin]
    /// Her pain between two dates inclusive as weekly averages (`PainWeek`, weeks from Monday), oldest first,
    /// worked out by the database: a year's chart reads 53 rows, not 365 check-ins.
    func painWeeks(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [PainWeek]
    /// The date of the first check-in ever, for the baseline.
    func firstCheckinDate(for user: UserID) async throws -> LocalDate?
    /// Check-ins that carry PSFS ratings between two dates inclusive, at most `limit` of them: the oldest, oldest
    /// first, or with `newestFirst` the newest, newest first. Its cost follows `limit`, not the length of her history.
    func psfsCheckins(for user: UserID, from: LocalDate, to: LocalDate, limit: Int, newestFirst: Bool) async throws -> [Checkin]
}

extension HealthRecordStore {
    /// Inserts or replaces, whatever is stored.
    public func upsertCheckin(_ checkin: Checkin, for user: UserID) async throws -> Bool {
        try await upsertCheckin(checkin, for: user, keepingNewer: false)
    }

    /// A change that logs no session.
    public func changeProgram<Result: Sendable>(
        for user: UserID, on date: LocalDate, _ change: @escaping @Sendable (ProgramSnapshot) throws -> ProgramChange<Result>
    ) async throws -> Result {
        try await changeProgram(for: user, on: date, sessionID: nil, change)
    }
}
