import BackCoachCore
import Foundation

/// Storage in process memory: for tests and a quick look around. Not shared between processes.
public actor InMemoryStore: BackCoachStore {
    var users: [UserID: User] = [:]
    private var tokens: [String: UserID] = [:]
    private var intakes: [UserID: StoredIntake] = [:]
    private var drafts: [UserID: IntakeDraft] = [:]
    var programs: [UserID: ProgramRecord] = [:]
    private var screenLog: [UserID: [ScreenRecord]] = [:]
    private var sessionLog: [UserID: [SessionLog]] = [:]
    private var checkinLog: [UserID: [LocalDate: Checkin]] = [:]
    private var throttle: [String: [(id: UUID, at: Date)]] = [:]
    private var webSessions: [String: WebSession] = [:]
    private var recovery: [String: (user: UserID, kind: RecoveryKind, expiresAt: Date?, used: Bool)] = [:]
    /// Shares with clinicians and her care-team log (`InMemoryStore+CareTeam.swift`).
    var careShares: [UUID: Share] = [:]
    var careLog: [CareEvent] = []
    /// Reminders, push subscriptions (by endpoint) and server keys (`InMemoryStore+Reminders.swift`).
    var reminders: [UserID: ReminderRecord] = [:]
    var subscriptions: [String: (user: UserID, subscription: PushSubscription)] = [:]
    var serverKeys: [String: String] = [:]

    public init() {}

    // MARK: - Accounts

    public func createUser(_ user: User) throws {
        guard !users.values.contains(where: { $0.email == user.email }) else { throw StorageError.emailTaken }
        users[user.id] = user
    }

    public func user(email: String) -> User? { users.values.first { $0.email == email } }
    public func user(id: UserID) -> User? { users[id] }
    public func user(calendarSecret: String) -> User? { users.values.first { $0.calendarSecret == calendarSecret } }

    public func setCalendarSecret(_ secret: String, for user: UserID) throws {
        guard users[user] != nil else { throw StorageError.userNotFound }
        users[user]?.calendarSecret = secret
    }

    public func setPainCeiling(_ ceiling: Int?, for user: UserID) throws {
        guard users[user] != nil else { throw StorageError.userNotFound }
        users[user]?.painCeiling = ceiling
    }

    public func setPlace(country: String?, timeZone: String?, for user: UserID) throws {
        guard users[user] != nil else { throw StorageError.userNotFound }
        users[user]?.country = country
        users[user]?.timeZone = timeZone
    }

    public func setEmail(_ email: String, for user: UserID) throws {
        guard users[user] != nil else { throw StorageError.userNotFound }
        guard !users.values.contains(where: { $0.email == email && $0.id != user }) else { throw StorageError.emailTaken }
        users[user]?.email = email
    }

    public func setPasswordHash(_ hash: String, for user: UserID) throws {
        guard users[user] != nil else { throw StorageError.userNotFound }
        users[user]?.passwordHash = hash
    }

    public func addToken(hash: String, for user: UserID, now: Date) throws {
        guard users[user] != nil else { throw StorageError.userNotFound }
        tokens[hash] = user
    }

    public func user(tokenHash: String) -> User? { tokens[tokenHash].flatMap { users[$0] } }

    public func revokeToken(hash: String) -> Bool { tokens.removeValue(forKey: hash) != nil }

    public func addWebSession(_ session: WebSession) throws {
        guard users[session.userID] != nil else { throw StorageError.userNotFound }
        webSessions[session.tokenHash] = session
    }

    public func webSession(hash: String, now: Date) -> (WebSession, User)? {
        guard let session = webSessions[hash], session.expiresAt > now, let user = users[session.userID] else { return nil }
        return (session, user)
    }

    public func deleteWebSession(hash: String) { webSessions[hash] = nil }

    public func renewWebSession(hash: String, expiresAt: Date) {
        guard let session = webSessions[hash] else { return }
        webSessions[hash] = WebSession(tokenHash: hash, userID: session.userID, csrfToken: session.csrfToken, expiresAt: expiresAt)
    }

    public func endSessions(for user: UserID) {
        webSessions = webSessions.filter { $0.value.userID != user }
        tokens = tokens.filter { $0.value != user }
    }

    public func replaceRecoveryCodes(_ hashes: [String], for user: UserID) throws {
        guard users[user] != nil else { throw StorageError.userNotFound }
        recovery = recovery.filter { !($0.value.user == user && $0.value.kind == .code) }
        for hash in hashes { recovery[hash] = (user, .code, nil, false) }
    }

    public func recoveryCodesLeft(for user: UserID) -> Int {
        recovery.values.filter { $0.user == user && $0.kind == .code && !$0.used }.count
    }

    public func rememberDevice(hash: String, for user: UserID) throws {
        guard users[user] != nil else { throw StorageError.userNotFound }
        recovery[hash] = (user, .device, nil, false)
    }

    public func isKnownDevice(hash: String, for user: UserID) -> Bool {
        recovery[hash].map { $0.user == user && $0.kind == .device } ?? false
    }

    public func addResetLink(hash: String, for user: UserID, expiresAt: Date) throws {
        guard users[user] != nil else { throw StorageError.userNotFound }
        recovery[hash] = (user, .link, expiresAt, false)
    }

    public func redeemRecovery(hash: String, kind: RecoveryKind, user: UserID?, now: Date) -> UserID? {
        guard let entry = recovery[hash], entry.kind == kind, !entry.used, (entry.expiresAt.map { $0 > now } ?? true),
            user == nil || user == entry.user
        else { return nil }
        recovery[hash]?.used = true
        return entry.user
    }

    public func deleteUser(_ user: UserID) -> ErasureReport {
        recovery = recovery.filter { $0.value.user != user }
        var report = ErasureReport()
        let signedIn = webSessions.filter { $0.value.userID == user }.keys
        signedIn.forEach { webSessions.removeValue(forKey: $0) }
        report.webSessions = signedIn.count
        report.accounts = users.removeValue(forKey: user) == nil ? 0 : 1
        let owned = tokens.filter { $0.value == user }.keys
        owned.forEach { tokens.removeValue(forKey: $0) }
        report.tokens = owned.count
        drafts.removeValue(forKey: user)
        report.intakes = intakes.removeValue(forKey: user) == nil ? 0 : 1
        report.programs = programs.removeValue(forKey: user) == nil ? 0 : 1
        report.screens = screenLog.removeValue(forKey: user)?.count ?? 0
        report.sessions = sessionLog.removeValue(forKey: user)?.count ?? 0
        report.checkins = checkinLog.removeValue(forKey: user)?.count ?? 0
        let shares = careShares.values.filter { $0.client == user || $0.clinician == user }.map(\.id)
        shares.forEach { careShares.removeValue(forKey: $0) }
        careLog.removeAll { $0.client == user || $0.clinician == user }
        report.shares = shares.count
        reminders.removeValue(forKey: user)
        subscriptions = subscriptions.filter { $0.value.user != user }
        return report
    }

    // MARK: - Health record

    public func saveIntake(_ answers: IntakeAnswers, program: ProgramRecord?, for user: UserID, now: Date) throws {
        guard users[user] != nil else { throw StorageError.userNotFound }
        intakes[user] = StoredIntake(answers: answers, updatedAt: now)
        programs[user] = program
        drafts.removeValue(forKey: user)
    }

    public func intakeDraft(for user: UserID) -> IntakeDraft? { drafts[user] }

    public func changeIntakeDraft(for user: UserID, _ change: @escaping @Sendable (IntakeDraft?) throws -> IntakeDraft) throws
        -> IntakeDraft
    {
        guard users[user] != nil else { throw StorageError.userNotFound }
        let draft = try change(drafts[user])
        drafts[user] = draft
        return draft
    }

    public func deleteIntakeDraft(for user: UserID) { drafts.removeValue(forKey: user) }

    public func intake(for user: UserID) -> StoredIntake? { intakes[user] }
    public func program(for user: UserID) -> ProgramRecord? { programs[user] }

    public func intakeAndProgram(for user: UserID) -> (intake: StoredIntake, program: ProgramRecord?)? {
        intakes[user].map { ($0, programs[user]) }
    }

    // An actor runs one call at a time, and this one never suspends: the read and the writes are one step.
    public func changeProgram<Result: Sendable>(
        for user: UserID, on date: LocalDate, sessionID: UUID?,
        _ change: @escaping @Sendable (ProgramSnapshot) throws -> ProgramChange<Result>
    ) throws -> Result {
        guard users[user] != nil else { throw StorageError.userNotFound }
        var stored: SessionLog?
        if let sessionID {
            for (owner, logs) in sessionLog {
                guard let log = logs.first(where: { $0.id == sessionID }) else { continue }
                guard owner == user else { throw StorageError.idTaken }
                stored = log
            }
        }
        let update = try change(ProgramSnapshot(program: programs[user], day: day(for: user, on: date), storedSession: stored))
        if let screen = update.screen { screenLog[user, default: []].append(screen) }
        if let session = update.session { sessionLog[user, default: []].append(session) }
        if let morning = update.morning {
            sessionLog[user] = sessionLog[user]?.map { log in
                log.date == morning.sessionDate ? log.answering(morning.answer) ?? log : log
            }
        }
        if let program = update.program { programs[user] = program }
        return update.result
    }

    func latestScreen(for user: UserID) -> ScreenRecord? { screenLog[user]?.last }

    public func screens(for user: UserID, on date: LocalDate) -> [ScreenRecord] {
        (screenLog[user] ?? []).filter { $0.date == date }
    }

    public func screens(for user: UserID, from: LocalDate, to: LocalDate) -> [ScreenRecord] {
        (screenLog[user] ?? []).filter { $0.date >= from && $0.date <= to }.sorted { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }
    }

    func day(for user: UserID, on date: LocalDate) -> DayRecord {
        DayRecord(
            sessionLogged: (sessionLog[user] ?? []).contains { $0.date == date }, screens: screens(for: user, on: date),
            checkinPain: checkinLog[user]?[date]?.pain)
    }

    public func todayRecord(for user: UserID, on date: LocalDate) -> TodayRecord? {
        guard let (intake, program) = intakeAndProgram(for: user) else { return nil }
        return TodayRecord(
            intake: intake, program: program, day: day(for: user, on: date),
            sessionLoggedDayBefore: day(for: user, on: date.adding(days: -1)).sessionLogged, latestScreen: latestScreen(for: user))
    }

    public func sessions(for user: UserID, from: LocalDate, to: LocalDate) -> [SessionLog] {
        (sessionLog[user] ?? []).filter { $0.date >= from && $0.date <= to }.sorted { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }
    }

    public func sessionDates(for user: UserID, from: LocalDate, to: LocalDate) -> [LocalDate] {
        Array(Set(sessions(for: user, from: from, to: to).map(\.date))).sorted()
    }

    public func sessionDayCount(for user: UserID, from: LocalDate, to: LocalDate) -> Int {
        sessionDates(for: user, from: from, to: to).count
    }

    public func recentSessions(for user: UserID, limit: Int) -> [SessionLog] {
        Array((sessionLog[user] ?? []).sorted { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }.suffix(limit))
    }

    public func upsertCheckin(_ checkin: Checkin, for user: UserID, keepingNewer: Bool) throws -> Bool {
        guard users[user] != nil else { throw StorageError.userNotFound }
        let stored = checkinLog[user]?[checkin.date]
        if keepingNewer, let stored, stored.updatedAt > checkin.updatedAt { throw StorageError.newerExists }
        let isNew = stored == nil
        checkinLog[user, default: [:]][checkin.date] = checkin
        return isNew
    }

    public func checkins(for user: UserID, from: LocalDate, to: LocalDate) -> [Checkin] {
        (checkinLog[user] ?? [:]).values.filter { $0.date >= from && $0.date <= to }.sorted { $0.date < $1.date }
    }

    public func firstCheckinDate(for user: UserID) -> LocalDate? { checkinLog[user]?.keys.min() }

    public func painWeeks(for user: UserID, from: LocalDate, to: LocalDate) -> [PainWeek] {
        PainWeek.weeks(of: checkins(for: user, from: from, to: to).map { PainCheckin(date: $0.date, pain: $0.pain) })
    }

    public func psfsCheckins(for user: UserID, from: LocalDate, to: LocalDate, limit: Int, newestFirst: Bool) -> [Checkin] {
        let rated = checkins(for: user, from: from, to: to).filter { $0.psfs != nil }
        return Array((newestFirst ? rated.reversed() : rated).prefix(max(0, limit)))
    }

    // MARK: - Throttle

    public func recordAttempt(_ id: UUID, key: String, now: Date, window: TimeInterval) -> [Date] {
        throttle[key, default: []].append((id, now))
        return failures(key: key, now: now, window: window)
    }

    public func forgetAttempts(_ ids: [UUID]) {
        let forgotten = Set(ids)
        for key in throttle.keys { throttle[key]?.removeAll { forgotten.contains($0.id) } }
    }

    public func failures(key: String, now: Date, window: TimeInterval) -> [Date] {
        let recent = (throttle[key] ?? []).filter { $0.at > now.addingTimeInterval(-window) }
        throttle[key] = recent
        return recent.map(\.at).filter { $0 <= now }.sorted()
    }

    public func clearFailures(key: String) { throttle[key] = nil }
}
