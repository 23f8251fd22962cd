import BackCoachCore
import Foundation

/// A user's id. Typed so it can't be confused with other UUIDs.
public struct UserID: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: UUID

    public init(_ rawValue: UUID = UUID()) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue.uuidString.lowercased() }
}

public struct User: Equatable, Sendable {
    public let id: UserID
    /// Lower-cased and trimmed.
    public var email: String
    public var passwordHash: String
    public let createdAt: Date
    /// The secret in the private calendar feed URL.
    public var calendarSecret: String
    /// The person's own pain ceiling (0–10), or nil for the default.
    public var painCeiling: Int?
    /// Where she lives (ISO 3166-1 alpha-2), for the numbers she is shown; nil when she hasn't said.
    public var country: String?
    /// Her IANA time zone (e.g. "Europe/London"); nil when not known.
    public var timeZone: String?
    /// A mother's own account, or a clinician's.
    public let role: AccountRole
    /// A clinician's name and profession, as they gave them (BackCoach cannot check a registration).
    public let displayName: String?
    public let profession: String?

    public init(
        id: UserID, email: String, passwordHash: String, createdAt: Date, calendarSecret: String, painCeiling: Int? = nil,
        country: String? = nil, timeZone: String? = nil, role: AccountRole = .client, displayName: String? = nil,
        profession: String? = nil
    ) {
        self.role = role
        self.displayName = displayName
        self.profession = profession
        self.id = id
        self.email = email
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.calendarSecret = calendarSecret
        self.painCeiling = painCeiling
        self.country = country
        self.timeZone = timeZone
    }
}

public struct StoredIntake: Equatable, Sendable {
    public let answers: IntakeAnswers
    public let updatedAt: Date

    public init(answers: IntakeAnswers, updatedAt: Date) {
        self.answers = answers
        self.updatedAt = updatedAt
    }
}

/// Where a person's program stands: when it started, the ladders and phase, and whether a safety check paused it.
public struct ProgramRecord: Codable, Hashable, Sendable {
    public var startDate: LocalDate
    public var state: ProgramState
    /// True after an emergency or urgent safety check, until a later clear one.
    public var paused: Bool
    /// The weekdays she picked for her sessions (Monday 0 … Sunday 6); nil spreads them through the week.
    public var weekdays: [Int]?
    /// When her sessions are, "HH:mm" in her time zone (her calendar feed and reminders); nil is 09:00.
    public var sessionTime: String?

    public init(startDate: LocalDate, state: ProgramState, paused: Bool = false, weekdays: [Int]? = nil, sessionTime: String? = nil) {
        self.startDate = startDate
        self.state = state
        self.paused = paused
        self.weekdays = weekdays
        self.sessionTime = sessionTime
    }

    /// Her session days, with `sessionsPerWeek` from her intake.
    public func schedule(sessionsPerWeek: Int) -> SessionSchedule {
        SessionSchedule(startDate: startDate, sessionsPerWeek: sessionsPerWeek, weekdays: weekdays)
    }

    /// Her session days: her sessions a week from her answers, or the number her clinician set.
    public func schedule(answers: IntakeAnswers) -> SessionSchedule {
        schedule(sessionsPerWeek: state.adjustments.applied(to: answers).daysPerWeek)
    }
}

/// What one day holds for the Today page and API: whether a session was logged, and that day's safety checks.
public struct DayRecord: Equatable, Sendable {
    public let sessionLogged: Bool
    /// In the order they were made.
    public let screens: [ScreenRecord]
    /// That day's check-in pain, if she checked in (a high one stops the session, RF-16).
    public let checkinPain: Int?

    public init(sessionLogged: Bool, screens: [ScreenRecord], checkinPain: Int? = nil) {
        self.sessionLogged = sessionLogged
        self.screens = screens
        self.checkinPain = checkinPain
    }
}

/// Everything the Today page and the API's today read, in one round trip (`todayRecord(for:on:)`).
public struct TodayRecord: Equatable, Sendable {
    public let intake: StoredIntake
    public let program: ProgramRecord?
    public let day: DayRecord
    /// A session logged the day before (a missed session can be done the next day).
    public let sessionLoggedDayBefore: Bool
    /// Her most recent safety check (what a pause was for).
    public let latestScreen: ScreenRecord?

    public init(
        intake: StoredIntake, program: ProgramRecord?, day: DayRecord, sessionLoggedDayBefore: Bool, latestScreen: ScreenRecord?
    ) {
        self.intake = intake
        self.program = program
        self.day = day
        self.sessionLoggedDayBefore = sessionLoggedDayBefore
        self.latestScreen = latestScreen
    }
}

/// A before-session safety check.
public struct ScreenRecord: Codable, Equatable, Sendable {
    public let date: LocalDate
    public let redFlags: [RedFlagID]
    public let level: TriageLevel
    public let createdAt: Date

    public init(date: LocalDate, redFlags: [RedFlagID], level: TriageLevel, createdAt: Date) {
        self.date = date
        self.redFlags = redFlags
        self.level = level
        self.createdAt = createdAt
    }
}

/// One finished session: what she reported and what changed because of it.
public struct SessionLog: Codable, Equatable, Sendable {
    public let id: UUID
    public let date: LocalDate
    public let feedback: [ExerciseFeedback]
    public let decisions: [ProgressionDecision]
    public let createdAt: Date

    public init(id: UUID = UUID(), date: LocalDate, feedback: [ExerciseFeedback], decisions: [ProgressionDecision], createdAt: Date) {
        self.id = id
        self.date = date
        self.feedback = feedback
        self.decisions = decisions
        self.createdAt = createdAt
    }
}

/// A daily check-in: pain 0–10, optionally the weekly PSFS ratings and a note.
public struct Checkin: Codable, Equatable, Sendable {
    public let date: LocalDate
    public let pain: Int
    public let psfs: [PSFSRating]?
    public let note: String?
    public let updatedAt: Date

    public init(date: LocalDate, pain: Int, psfs: [PSFSRating]? = nil, note: String? = nil, updatedAt: Date) {
        self.date = date
        self.pain = pain
        self.psfs = psfs
        self.note = note
        self.updatedAt = updatedAt
    }
}

/// What `deleteUser` removed, so the person can be told.
public struct ErasureReport: Codable, Equatable, Sendable {
    public var accounts = 0
    public var tokens = 0
    public var intakes = 0
    public var programs = 0
    public var screens = 0
    public var sessions = 0
    public var checkins = 0
    public var webSessions = 0
    /// Shares with clinicians (hers, or a clinician's with every mother) and their log lines.
    public var shares = 0

    public init() {}
}

/// A signed-in browser. Only the hash of the cookie value is stored; the CSRF token guards its forms.
public struct WebSession: Equatable, Sendable {
    public let tokenHash: String
    public let userID: UserID
    public let csrfToken: String
    public let expiresAt: Date

    public init(tokenHash: String, userID: UserID, csrfToken: String, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

public enum StorageError: Error, Equatable, Sendable {
    case emailTaken
    case userNotFound
    /// A client-made id that another account already used.
    case idTaken
    /// A newer record is stored than the one offered (see `upsertCheckin(_:for:keepingNewer:)`).
    case newerExists
    /// The share a clinician acts under is no longer open.
    case shareEnded
}

/// What `changeProgram` hands over: her program record and that day's record, read inside the transaction.
public struct ProgramSnapshot: Sendable {
    public let program: ProgramRecord?
    public let day: DayRecord
    /// The session already stored under the id asked about, so a retry can be answered without a second log.
    public let storedSession: SessionLog?

    public init(program: ProgramRecord?, day: DayRecord, storedSession: SessionLog? = nil) {
        self.program = program
        self.day = day
        self.storedSession = storedSession
    }
}

/// What a `changeProgram` call stores, all in its one transaction, and what it answers its caller.
public struct ProgramChange<Result: Sendable>: Sendable {
    /// The new record; nil leaves it as it is.
    public var program: ProgramRecord?
    public var screen: ScreenRecord?
    public var session: SessionLog?
    /// A next-morning answer, kept on the stored sessions of its day (`SessionLog.answering`).
    public var morning: MorningAnswer?
    public var result: Result

    public init(
        program: ProgramRecord? = nil, screen: ScreenRecord? = nil, session: SessionLog? = nil, morning: MorningAnswer? = nil,
        result: Result
    ) {
        self.program = program
        self.screen = screen
        self.session = session
        self.morning = morning
        self.result = result
    }
}

/// How her pain was the morning after the sessions of `sessionDate` (rule 5.2-4).
public struct MorningAnswer: Equatable, Sendable {
    public let sessionDate: LocalDate
    public let answer: NextMorning

    public init(sessionDate: LocalDate, answer: NextMorning) {
        self.sessionDate = sessionDate
        self.answer = answer
    }
}

extension SessionLog {
    /// The log with `answer` on each exercise that has no next-morning answer yet (one given when the session was
    /// logged stays), so her exports and her physio see it beside the session; nil when nothing changes.
    public func answering(_ answer: NextMorning) -> SessionLog? {
        guard feedback.contains(where: { $0.nextMorning == nil }) else { return nil }
        let answered = feedback.map { item in
            var item = item
            if item.nextMorning == nil { item.nextMorning = answer }
            return item
        }
        return SessionLog(id: id, date: date, feedback: answered, decisions: decisions, createdAt: createdAt)
    }
}

/// The two ways back into an account.
public enum RecoveryKind: String, Sendable {
    /// One of the codes shown once at sign-up or in settings.
    case code
    /// A password-reset link sent by e-mail.
    case link
    /// A browser that has signed in before (its cookie's hash): the account-wide guess limit never locks it out.
    case device
}
