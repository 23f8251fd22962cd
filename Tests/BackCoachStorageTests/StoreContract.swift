import BackCoachCore
import BackCoachStorage
import Foundation
import Testing

/// The behaviour every storage adapter must have. Each check uses its own users, so checks can share a database.
enum StoreContract {
    typealias Check = @Sendable (any BackCoachStore) async throws -> Void

    static let checks: [String: Check] = [
        "users": users, "tokens": tokens, "intake and program": intakeAndProgram, "screens": screens,
        "sessions": sessions, "check-ins": checkins, "isolation between users": isolation, "erasure": erasure,
        "throttle": throttle, "settings": settings, "web sessions": webSessions,
        "concurrent writes": concurrentWrites, "race: pause against session": pauseAgainstSession,
        "race: concurrent changes all count": concurrentChangesAllCount, "race: a session id is stored once": sessionIDStoredOnce,
        "race: attempts counted under concurrency": attemptsCountedUnderConcurrency,
        "race: one check-in created once": oneCheckinCreatedOnce, "recovery codes and reset links": recovery,
        "intake drafts": intakeDrafts, "race: draft steps saved at once both land": draftStepsBothLand,
        "care team shares": careTeam, "care team adjustment": careTeamAdjustment,
        "race: a share code redeemed once": shareCodeRedeemedOnce, "race: revoke against a clinician's change": revokeAgainstAdjustment,
        "today in one read": todayRecord, "PSFS rounds, oldest or newest": psfsRounds,
        "weekly pain from Monday": painWeeks, "reminders claimed once": reminders, "push subscriptions": pushSubscriptions,
        "race: a server key stored once": serverKeyStoredOnce, "next-morning answer kept on the day's sessions": morningAnswer,
    ]

    static let names = checks.keys.sorted()

    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let day = LocalDate("2026-11-25")!

    static func newUser(_ store: any BackCoachStore) async throws -> User {
        let id = UserID()
        let user = User(id: id, email: "\(id)@example.test", passwordHash: "hash", createdAt: now, calendarSecret: "cal-\(id)")
        try await store.createUser(user)
        return user
    }

    static func users(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        #expect(try await store.user(email: user.email) == user)
        #expect(try await store.user(id: user.id) == user)
        #expect(try await store.user(calendarSecret: user.calendarSecret) == user)
        #expect(try await store.user(email: "nobody-\(UUID())@example.test") == nil)
        let twin = User(id: UserID(), email: user.email, passwordHash: "x", createdAt: now, calendarSecret: "other-\(UUID())")
        await #expect(throws: StorageError.emailTaken) { try await store.createUser(twin) }
        #expect(try await store.user(id: twin.id) == nil)
    }

    static func tokens(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        let hash = "token-\(UUID())"
        try await store.addToken(hash: hash, for: user.id, now: now)
        // The whole account comes back, optional columns included (PostgreSQL reads it with its own statement).
        try await store.setPainCeiling(6, for: user.id)
        let stored = try #require(try await store.user(id: user.id))
        #expect(stored.painCeiling == 6)
        #expect(try await store.user(tokenHash: hash) == stored)
        #expect(try await store.revokeToken(hash: hash) == true)
        #expect(try await store.revokeToken(hash: hash) == false)
        #expect(try await store.user(tokenHash: hash) == nil)
    }

    static func intakeAndProgram(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        #expect(try await store.intake(for: user.id) == nil)
        let answers = IntakeAnswers(
            weeksSinceBirth: 6, delivery: .caesarean, painAtRest: 3, redFlags: [.rf17], minutesPerDay: 10, daysPerWeek: 3)
        let record = ProgramRecord(startDate: day, state: ProgramState(phase: .gentleRebuilding))
        try await store.saveIntake(answers, program: record, for: user.id, now: now)
        #expect(try await store.intake(for: user.id) == StoredIntake(answers: answers, updatedAt: now))
        #expect(try await store.program(for: user.id) == record)
        let both = try await store.intakeAndProgram(for: user.id)
        #expect(both?.intake == StoredIntake(answers: answers, updatedAt: now))
        #expect(both?.program == record)
        var changed = answers
        changed.painAtRest = 8
        try await store.saveIntake(changed, program: nil, for: user.id, now: now.addingTimeInterval(60))
        #expect(try await store.intake(for: user.id)?.answers.painAtRest == 8)
        #expect(try await store.program(for: user.id) == nil, "a withheld program replaces the old one")
        #expect(try await store.intakeAndProgram(for: user.id)?.program == nil)
        #expect(try await store.intakeAndProgram(for: newUser(store).id) == nil)
    }

    static func screens(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        let record = ProgramRecord(startDate: day, state: ProgramState(phase: .earlyRecovery))
        try await store.saveIntake(
            IntakeAnswers(weeksSinceBirth: 1, delivery: .vaginal, painAtRest: 1, minutesPerDay: 5, daysPerWeek: 1), program: record,
            for: user.id, now: now)
        try await store.addScreen(ScreenRecord(date: day, redFlags: [.rf07], level: .urgent, createdAt: now), program: nil, for: user.id)
        var paused = record
        paused.paused = true
        try await store.addScreen(
            ScreenRecord(date: day, redFlags: [.rf01, .rf02], level: .emergency, createdAt: now.addingTimeInterval(1)), program: paused,
            for: user.id)
        #expect(try await store.todayRecord(for: user.id, on: day)?.latestScreen?.redFlags == [.rf01, .rf02])
        #expect(try await store.screens(for: user.id, on: day).map(\.level) == [.urgent, .emergency])
        #expect(try await store.screens(for: user.id, on: day.adding(days: 1)).isEmpty)
        try await store.addScreen(
            ScreenRecord(date: day.adding(days: -3), redFlags: [], level: .none, createdAt: now.addingTimeInterval(-3)), program: nil,
            for: user.id)
        #expect(try await store.screens(for: user.id, from: day.adding(days: -3), to: day).map(\.level) == [.none, .urgent, .emergency])
        #expect(try await store.screens(for: user.id, from: day.adding(days: -2), to: day).count == 2)
        #expect(try await store.program(for: user.id)?.paused == true)
        // The Today page's one round trip: the day's screens and whether a session was logged.
        #expect(
            try await store.todayRecord(for: user.id, on: day)?.day
                == DayRecord(sessionLogged: false, screens: try await store.screens(for: user.id, on: day)))
        let log = SessionLog(date: day.adding(days: 1), feedback: [], decisions: [], createdAt: now)
        try await store.addSession(log, program: record, for: user.id)
        #expect(try await store.todayRecord(for: user.id, on: day.adding(days: 1))?.day == DayRecord(sessionLogged: true, screens: []))
        #expect(try await store.todayRecord(for: user.id, on: day.adding(days: 2))?.day == DayRecord(sessionLogged: false, screens: []))
        let stranger = try await newUser(store)
        try await store.saveIntake(
            IntakeAnswers(weeksSinceBirth: 1, delivery: .vaginal, painAtRest: 1, minutesPerDay: 5, daysPerWeek: 1), program: record,
            for: stranger.id, now: now)
        #expect(try await store.todayRecord(for: stranger.id, on: day)?.day == DayRecord(sessionLogged: false, screens: []))
        // The same round trip carries that day's check-in pain (a high one stops the session).
        _ = try await store.upsertCheckin(Checkin(date: day.adding(days: 1), pain: 8, updatedAt: now), for: user.id)
        #expect(try await store.todayRecord(for: user.id, on: day.adding(days: 1))?.day.checkinPain == 8)
        #expect(try await store.todayRecord(for: user.id, on: day)?.day.checkinPain == nil)
    }

    static func sessions(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        let feedback = [ExerciseFeedback(exerciseID: "clams", completed: true, difficulty: .right, painDuring: 2, symptoms: [.doming])]
        for offset in [2, 0, 1] {
            let log = SessionLog(
                date: day.adding(days: offset), feedback: feedback, decisions: [], createdAt: now.addingTimeInterval(Double(offset)))
            try await store.addSession(log, program: ProgramRecord(startDate: day, state: ProgramState(phase: .fullStrength)), for: user.id)
        }
        let all = try await store.sessions(for: user.id, from: day, to: day.adding(days: 2))
        #expect(all.map(\.date) == [day, day.adding(days: 1), day.adding(days: 2)])
        #expect(all[0].feedback == feedback)
        #expect(try await store.sessions(for: user.id, from: day.adding(days: 1), to: day.adding(days: 1)).count == 1)
        let extra = SessionLog(date: day, feedback: [], decisions: [], createdAt: now.addingTimeInterval(9))
        try await store.addSession(extra, program: ProgramRecord(startDate: day, state: ProgramState(phase: .fullStrength)), for: user.id)
        #expect(try await store.sessionDates(for: user.id, from: day, to: day.adding(days: 1)) == [day, day.adding(days: 1)])
        // Two sessions on one day count as one day done.
        #expect(try await store.sessionDayCount(for: user.id, from: day, to: day.adding(days: 1)) == 2)
        #expect(try await store.sessionDayCount(for: user.id, from: day, to: day.adding(days: 30)) == 3)
        #expect(try await store.sessionDayCount(for: user.id, from: day.adding(days: 3), to: day.adding(days: 30)) == 0)
        #expect(try await store.recentSessions(for: user.id, limit: 2).map(\.date) == [day.adding(days: 1), day.adding(days: 2)])
        #expect(try await store.recentSessions(for: user.id, limit: 10).count == 4)
        #expect(try await store.program(for: user.id)?.state.phase == .fullStrength)
    }

    /// The answer lands on every exercise of that day's sessions that has none; an answer given with the session, and
    /// other days' sessions, stay as they were; it is written with the program record, in one change.
    static func morningAnswer(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        let record = ProgramRecord(startDate: day, state: ProgramState(phase: .gentleRebuilding))
        let unanswered = ExerciseFeedback(exerciseID: "clams", completed: true, difficulty: .right, painDuring: 2)
        let answeredAlready = ExerciseFeedback(exerciseID: "glute-bridge", completed: true, nextMorning: .notSettled)
        for (index, (offset, feedback)) in [(0, [unanswered, answeredAlready]), (0, [unanswered]), (1, [unanswered])].enumerated() {
            let log = SessionLog(
                date: day.adding(days: offset), feedback: feedback, decisions: [], createdAt: now.addingTimeInterval(Double(index)))
            try await store.addSession(log, program: record, for: user.id)
        }
        let next = ProgramRecord(startDate: day, state: ProgramState(phase: .buildingStrength))
        try await store.changeProgram(for: user.id, on: day.adding(days: 1)) { _ in
            ProgramChange(program: next, morning: MorningAnswer(sessionDate: day, answer: .settled), result: ())
        }
        let sessions = try await store.sessions(for: user.id, from: day, to: day.adding(days: 1))
        #expect(sessions.count == 3)
        #expect(sessions.filter { $0.date == day }.flatMap(\.feedback).map(\.nextMorning) == [.settled, .notSettled, .settled])
        #expect(sessions.first { $0.date == day.adding(days: 1) }?.feedback.map(\.nextMorning) == [nil])
        #expect(try await store.program(for: user.id) == next)
    }

    static func checkins(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        #expect(try await store.firstCheckinDate(for: user.id) == nil)
        let first = Checkin(date: day, pain: 6, psfs: [PSFSRating(activity: "Lifting baby", score: 4)], note: "sore", updatedAt: now)
        #expect(try await store.upsertCheckin(first, for: user.id) == true)
        let replaced = Checkin(date: day, pain: 5, updatedAt: now.addingTimeInterval(5))
        #expect(try await store.upsertCheckin(replaced, for: user.id) == false)
        #expect(try await store.upsertCheckin(Checkin(date: day.adding(days: -3), pain: 7, updatedAt: now), for: user.id) == true)
        let range = try await store.checkins(for: user.id, from: day.adding(days: -3), to: day)
        #expect(range.map(\.pain) == [7, 5])
        #expect(range[1] == replaced)
        #expect(try await store.firstCheckinDate(for: user.id) == day.adding(days: -3))
        // Written before the stored one (kept offline): refused, and the newer one stays; written after: replaces it.
        let stale = Checkin(date: day, pain: 2, updatedAt: now.addingTimeInterval(1))
        await #expect(throws: StorageError.newerExists) { try await store.upsertCheckin(stale, for: user.id, keepingNewer: true) }
        #expect(try await store.checkins(for: user.id, from: day, to: day) == [replaced])
        let later = Checkin(date: day, pain: 3, updatedAt: now.addingTimeInterval(9))
        #expect(try await store.upsertCheckin(later, for: user.id, keepingNewer: true) == false)
        #expect(try await store.checkins(for: user.id, from: day, to: day) == [later])
    }

    /// Her PSFS rounds between two dates, a limited number from either end; days without ratings are passed over.
    static func psfsRounds(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        let other = try await newUser(store)
        for offset in 0..<30 {
            let rated = offset % 7 == 0 ? [PSFSRating(activity: "Lifting baby", score: offset / 7)] : nil
            _ = try await store.upsertCheckin(Checkin(date: day.adding(days: offset), pain: 3, psfs: rated, updatedAt: now), for: user.id)
        }
        _ = try await store.upsertCheckin(
            Checkin(date: day, pain: 1, psfs: [PSFSRating(activity: "Walking", score: 9)], updatedAt: now), for: other.id)
        let end = day.adding(days: 29)
        let oldest = try await store.psfsCheckins(for: user.id, from: day, to: end, limit: 2, newestFirst: false)
        #expect(oldest.map(\.date) == [day, day.adding(days: 7)])
        #expect(oldest.first?.psfs == [PSFSRating(activity: "Lifting baby", score: 0)])
        let newest = try await store.psfsCheckins(for: user.id, from: day, to: end, limit: 2, newestFirst: true)
        #expect(newest.map(\.date) == [day.adding(days: 28), day.adding(days: 21)])
        let bounded = try await store.psfsCheckins(
            for: user.id, from: day.adding(days: 1), to: day.adding(days: 20), limit: 9, newestFirst: false)
        #expect(bounded.map(\.date) == [day.adding(days: 7), day.adding(days: 14)])
        #expect(try await store.psfsCheckins(for: user.id, from: day, to: end, limit: 0, newestFirst: true).isEmpty)
        #expect(try await store.psfsCheckins(for: other.id, from: day, to: end, limit: 9, newestFirst: true).map(\.pain) == [1])
    }

    /// The database's weekly sums say what `PainWeek.weeks` says of the same check-ins. `day` is a Wednesday.
    static func painWeeks(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        let other = try await newUser(store)
        for offset in 0..<40 where offset % 3 != 1 {
            _ = try await store.upsertCheckin(Checkin(date: day.adding(days: offset), pain: offset % 11, updatedAt: now), for: user.id)
        }
        _ = try await store.upsertCheckin(Checkin(date: day, pain: 10, updatedAt: now), for: other.id)
        let monday = day.adding(days: -2)
        for (from, to) in [
            (day, day.adding(days: 39)), (day.adding(days: 6), day.adding(days: 20)), (day.adding(days: 50), day.adding(days: 60)),
        ] {
            let read = try await store.checkins(for: user.id, from: from, to: to).map { PainCheckin(date: $0.date, pain: $0.pain) }
            #expect(try await store.painWeeks(for: user.id, from: from, to: to) == PainWeek.weeks(of: read))
        }
        // Wednesday 0, Thursday (skipped), Friday 2, Saturday 3, Sunday (skipped): one week, from Monday.
        let first = try await store.painWeeks(for: user.id, from: day, to: day.adding(days: 4))
        #expect(first == [PainWeek(weekOf: monday, total: 5, checkins: 3)])
        #expect(
            try await store.painWeeks(for: other.id, from: day, to: day.adding(days: 39)) == [
                PainWeek(weekOf: monday, total: 10, checkins: 1)
            ])
    }

    /// Many saves at once, as a busy server makes them: none may fail (SQLite used to answer "database is locked"),
    /// and two saves of the same day leave exactly one row.
    static func concurrentWrites(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for offset in 0..<40 {
                group.addTask {
                    _ = try await store.upsertCheckin(
                        Checkin(date: day.adding(days: -(offset % 20)), pain: offset % 11, updatedAt: now), for: user.id)
                }
                group.addTask {
                    try await store.addWebSession(WebSession(tokenHash: "c-\(UUID())", userID: user.id, csrfToken: "x", expiresAt: now))
                }
                group.addTask {
                    // A transaction that reads, then writes: the shape that met SQLITE_BUSY_SNAPSHOT.
                    let record = ProgramRecord(startDate: day, state: ProgramState(phase: .earlyRecovery))
                    try await store.addSession(
                        SessionLog(date: day, feedback: [], decisions: [], createdAt: now), program: record, for: user.id)
                    _ = try await store.program(for: user.id)
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.checkins(for: user.id, from: day.adding(days: -19), to: day).count == 20)
        #expect(try await store.sessions(for: user.id, from: day, to: day).count == 40)

        // A save that fails (the same e-mail twice) fails alone; saves committed beside it still land.
        let email = "twin-\(UUID())@example.test"
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<10 {
                group.addTask {
                    let twin = User(id: UserID(), email: email, passwordHash: "h", createdAt: now, calendarSecret: "cal-\(UUID())")
                    do {
                        try await store.createUser(twin)
                        return true
                    } catch StorageError.emailTaken {
                        return false
                    }
                }
                group.addTask {
                    _ = try await store.upsertCheckin(Checkin(date: day.adding(days: -20 - index), pain: 1, updatedAt: now), for: user.id)
                    return false
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try await store.checkins(for: user.id, from: day.adding(days: -29), to: day.adding(days: -20)).count == 10)
    }

    static func isolation(_ store: any BackCoachStore) async throws {
        let owner = try await newUser(store)
        let other = try await newUser(store)
        _ = try await store.upsertCheckin(Checkin(date: day, pain: 4, note: "private", updatedAt: now), for: owner.id)
        try await store.saveIntake(
            IntakeAnswers(weeksSinceBirth: 3, delivery: .vaginal, painAtRest: 2, minutesPerDay: 5, daysPerWeek: 2), program: nil,
            for: owner.id, now: now)
        #expect(try await store.checkins(for: other.id, from: day, to: day).isEmpty)
        #expect(try await store.intake(for: other.id) == nil)
        #expect(try await store.firstCheckinDate(for: other.id) == nil)
    }

    static func erasure(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        let bystander = try await newUser(store)
        try await store.addToken(hash: "t1-\(UUID())", for: user.id, now: now)
        try await store.addToken(hash: "t2-\(UUID())", for: user.id, now: now)
        try await store.addWebSession(
            WebSession(tokenHash: "w-\(UUID())", userID: user.id, csrfToken: "c", expiresAt: now.addingTimeInterval(60)))
        try await store.saveIntake(
            IntakeAnswers(weeksSinceBirth: 3, delivery: .vaginal, painAtRest: 2, minutesPerDay: 5, daysPerWeek: 2),
            program: ProgramRecord(startDate: day, state: ProgramState(phase: .gentleRebuilding)), for: user.id, now: now)
        try await store.addScreen(ScreenRecord(date: day, redFlags: [], level: .none, createdAt: now), program: nil, for: user.id)
        try await store.addSession(
            SessionLog(date: day, feedback: [], decisions: [], createdAt: now),
            program: ProgramRecord(startDate: day, state: ProgramState(phase: .gentleRebuilding)), for: user.id)
        for offset in 0..<3 {
            _ = try await store.upsertCheckin(Checkin(date: day.adding(days: offset), pain: 3, updatedAt: now), for: user.id)
        }
        _ = try await store.upsertCheckin(Checkin(date: day, pain: 1, updatedAt: now), for: bystander.id)

        let report = try await store.deleteUser(user.id)
        var expected = ErasureReport()
        (expected.accounts, expected.tokens, expected.intakes, expected.programs) = (1, 2, 1, 1)
        (expected.screens, expected.sessions, expected.checkins, expected.webSessions) = (1, 1, 3, 1)
        #expect(report == expected)
        #expect(try await store.user(id: user.id) == nil)
        #expect(try await store.checkins(for: user.id, from: day, to: day.adding(days: 5)).isEmpty)
        #expect(try await store.sessions(for: user.id, from: day, to: day).isEmpty)
        #expect(try await store.checkins(for: bystander.id, from: day, to: day).count == 1, "other users are untouched")
    }

    static func throttle(_ store: any BackCoachStore) async throws {
        let key = "account:\(UUID())"
        #expect(try await store.recordAttempt(UUID(), key: key, now: now, window: 60).count == 1)
        let right = UUID()
        #expect(try await store.recordAttempt(right, key: key, now: now.addingTimeInterval(30), window: 60).count == 2)
        #expect(try await store.recordAttempt(UUID(), key: key, now: now.addingTimeInterval(30), window: 60).count == 3)
        try await store.forgetAttempts([right])
        #expect(
            try await store.failures(key: key, now: now.addingTimeInterval(30), window: 60).count == 2,
            "a forgotten attempt no longer counts")
        let later = try await store.failures(key: key, now: now.addingTimeInterval(70), window: 60)
        #expect(later == [now.addingTimeInterval(30)], "failures older than the window no longer count")
        try await store.clearFailures(key: key)
        #expect(try await store.failures(key: key, now: now.addingTimeInterval(31), window: 60).isEmpty)
    }

    static func settings(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        try await store.setPainCeiling(3, for: user.id)
        let secret = "rotated-\(UUID())"
        try await store.setCalendarSecret(secret, for: user.id)
        #expect(try await store.user(id: user.id)?.painCeiling == 3)
        #expect(try await store.user(calendarSecret: secret)?.id == user.id)
        #expect(try await store.user(calendarSecret: user.calendarSecret) == nil, "the old calendar secret stops working")
        try await store.setPainCeiling(nil, for: user.id)
        #expect(try await store.user(id: user.id)?.painCeiling == nil)
        #expect(try await store.user(id: user.id)?.country == nil, "a new account has no country until she says")
        try await store.setPlace(country: "IE", timeZone: "Europe/Dublin", for: user.id)
        let placed = try await store.user(id: user.id)
        #expect(placed?.country == "IE" && placed?.timeZone == "Europe/Dublin")
        #expect(try await store.user(email: user.email)?.country == "IE", "every way of reading her account sees it")
        try await store.setPlace(country: "NZ", timeZone: nil, for: user.id)
        #expect(try await store.user(id: user.id)?.country == "NZ")
        #expect(try await store.user(id: user.id)?.timeZone == nil)
        await #expect(throws: StorageError.userNotFound) {
            try await store.setPlace(country: "GB", timeZone: nil, for: UserID(UUID()))
        }
    }
}

extension StoreContract {
    static func webSessions(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        let session = WebSession(tokenHash: "web-\(UUID())", userID: user.id, csrfToken: "csrf-1", expiresAt: now.addingTimeInterval(3600))
        try await store.addWebSession(session)
        let found = try await store.webSession(hash: session.tokenHash, now: now)
        #expect(found?.0 == session && found?.1 == user)
        #expect(
            try await store.webSession(hash: session.tokenHash, now: now.addingTimeInterval(3601)) == nil, "expired sessions don't count")
        // Renewed, it reads with its new end and outlives the old one.
        try await store.renewWebSession(hash: session.tokenHash, expiresAt: now.addingTimeInterval(7200))
        let renewed = try await store.webSession(hash: session.tokenHash, now: now.addingTimeInterval(3601))
        #expect(renewed?.0.expiresAt == now.addingTimeInterval(7200) && renewed?.0.csrfToken == "csrf-1")
        try await store.renewWebSession(hash: "web-unknown-\(UUID())", expiresAt: now)
        try await store.deleteWebSession(hash: session.tokenHash)
        #expect(try await store.webSession(hash: session.tokenHash, now: now) == nil)
    }
}
