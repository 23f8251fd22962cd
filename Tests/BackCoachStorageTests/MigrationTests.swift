import BackCoachCore
import BackCoachStorage
import Foundation
import GRDB
import Logging
import Testing

@testable import BackCoachStorageFluent
@testable import BackCoachStorageSQLite

@Suite("Migrations")
struct MigrationTests {
    @Test("Two servers migrating one PostgreSQL at the same moment both succeed", .enabled(if: StoreFactory.postgresURL != nil))
    func concurrentPostgres() async throws {
        // A brand-new database, so both really have tables to create (the race only exists then).
        let baseURL = try #require(StoreFactory.postgresURL)
        let name = "backcoach_race_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try FluentDatabase(postgresURL: baseURL, logger: Logger(label: "test"))
        try await admin.execute("CREATE DATABASE \(name)")
        let url = baseURL.replacingOccurrences(of: #"/[^/]+$"#, with: "/" + name, options: .regularExpression)
        let first = try FluentDatabase(postgresURL: url, logger: Logger(label: "test"))
        let second = try FluentDatabase(postgresURL: url, logger: Logger(label: "test"))
        // Both start together, as two servers booting at once would.
        let results = await withTaskGroup(of: Bool.self) { group in
            for database in [first, second] {
                group.addTask { (try? await database.migrate()) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        await first.shutdown()
        await second.shutdown()
        try await admin.execute("DROP DATABASE \(name)")
        await admin.shutdown()
        #expect(results == [true, true])
    }

    @Test("SQLite: up, down and up again; nothing pending afterwards")
    func upDownUp() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-\(UUID().uuidString).sqlite").path
        let database = try SQLiteDatabase(path: path)
        do {
            #expect(try await database.pendingMigrations().count == SQLiteMigrations.all.count)
            try await database.migrate()
            #expect(try await database.pendingMigrations().isEmpty)
            try await database.revertLastBatch()
            #expect(try await database.pendingMigrations().count == SQLiteMigrations.all.count)
            try await database.migrate()
            #expect(try await database.pendingMigrations().isEmpty)
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

    @Test("SQLite: an upgrade, its revert and the upgrade again keep the data already there")
    func upgradeKeepsDataSQLite() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("upgrade-\(UUID().uuidString).sqlite").path
        let database = try SQLiteDatabase(path: path)
        do {
            try await Self.upgradeKeepsData(database) { try SQLiteDatabase(path: path) }
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

    @Test(
        "PostgreSQL: an upgrade, its revert and the upgrade again keep the data already there",
        .enabled(if: StoreFactory.postgresURL != nil))
    func upgradeKeepsDataPostgres() async throws {
        let baseURL = try #require(StoreFactory.postgresURL)
        let name = "backcoach_upgrade_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try FluentDatabase(postgresURL: baseURL, logger: Logger(label: "test"))
        try await admin.execute("CREATE DATABASE \(name)")
        let url = baseURL.replacingOccurrences(of: #"/[^/]+$"#, with: "/" + name, options: .regularExpression)
        let database = try FluentDatabase(postgresURL: url, logger: Logger(label: "test"))
        var failure: (any Error)?
        do {
            try await Self.upgradeKeepsData(database) { try FluentDatabase(postgresURL: url, logger: Logger(label: "test")) }
        } catch { failure = error }
        await database.shutdown()
        try await admin.execute("DROP DATABASE \(name)")
        await admin.shutdown()
        if let failure { throw failure }
    }

    /// Runs one step, naming it in any error, so a failure says where it happened.
    static func step<T>(_ name: String, _ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch {
            throw StepFailure(description: "\(name): \(error)")
        }
    }

    struct StepFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// An older release (through 0009) with a user and her records, written as it wrote them; then the later steps
    /// arrive, are reverted, and arrive again (her account reads as a mother's own: the role column's default).
    static func upgradeKeepsData(_ database: any StoreDatabase, reopen: () throws -> any StoreDatabase) async throws {
        try await database.migrate(through: "0009_create_account_recovery")
        let later = [
            "0010_add_place_to_users", "0011_create_intake_drafts", "0012_add_roles_to_users", "0013_create_shares",
            "0014_index_psfs_checkins", "0015_compress_session_logs", "0016_create_reminders", "0017_key_checkins_by_day",
        ]
        #expect(try await database.pendingMigrations() == later)
        let store = database.store
        // Her account as the older release wrote it: no country or time-zone columns yet.
        let user = User(
            id: UserID(), email: "old-\(UUID())@example.test", passwordHash: "hash", createdAt: StoreContract.now,
            calendarSecret: "cal-\(UUID())")
        try await database.execute(
            """
            INSERT INTO users (id, email, password_hash, calendar_secret, created_at) VALUES ('\(user.id.rawValue.uuidString)', \
            '\(user.email)', '\(user.passwordHash)', '\(user.calendarSecret)', \(user.createdAt.timeIntervalSince1970))
            """)
        let day = StoreContract.day
        let answers = IntakeAnswers(weeksSinceBirth: 8, delivery: .vaginal, painAtRest: 3, minutesPerDay: 10, daysPerWeek: 3)
        let record = ProgramRecord(startDate: day, state: ProgramState(phase: .gentleRebuilding))
        try await Self.step("old release: save intake") {
            let id = user.id.rawValue.uuidString
            try await database.execute(
                "INSERT INTO intakes (user_id, answers, updated_at) VALUES ('\(id)', \(try Self.quoted(answers)), \(StoreContract.now.timeIntervalSince1970))"
            )
            try await database.execute("INSERT INTO programs (user_id, record) VALUES ('\(id)', \(try Self.quoted(record)))")
        }
        for offset in 0..<30 {
            _ = try await store.upsertCheckin(
                Checkin(date: day.adding(days: -offset), pain: offset % 11, note: "day \(offset)", updatedAt: StoreContract.now),
                for: user.id)
        }
        try await store.addToken(hash: "upgrade-\(UUID())", for: user.id, now: StoreContract.now)
        let before = try await store.checkins(for: user.id, from: day.adding(days: -29), to: day)
        // A session log as the older releases wrote it: two JSON text columns.
        let session = SessionLog(
            date: day, feedback: try JSONText.decode([ExerciseFeedback].self, Self.oldFeedback),
            decisions: try JSONText.decode([ProgressionDecision].self, Self.oldDecisions), createdAt: StoreContract.now)
        try await Self.step("old release: log a session") {
            try await database.execute(
                """
                INSERT INTO session_logs (id, user_id, date, feedback, decisions, created_at) VALUES ('\(session.id.uuidString)', \
                '\(user.id.rawValue.uuidString)', '\(day)', '\(Self.oldFeedback)', '\(Self.oldDecisions)', \(StoreContract.now.timeIntervalSince1970))
                """)
        }

        try await Self.step("upgrade") { try await database.migrate() }
        try await Self.step("revert") { try await database.revertLastBatch() }
        #expect(try await database.pendingMigrations() == later)
        try await Self.step("upgrade again") { try await database.migrate() }
        #expect(try await database.pendingMigrations().isEmpty)

        // The new release reads with connections of its own, as a restarted server does: connections that were open
        // across the schema change can keep the table's old shape (seen once in CI on SQLite: no "country" column).
        let restarted = try reopen()
        do {
            let reader = restarted.store
            #expect(try await Self.step("read her account") { try await reader.user(id: user.id) } == user)
            #expect(try await reader.intakeAndProgram(for: user.id)?.program == record)
            #expect(try await reader.checkins(for: user.id, from: day.adding(days: -29), to: day) == before)
            // The old log reads the same from its compressed form, after an upgrade, a revert and the upgrade again.
            #expect(try await reader.sessions(for: user.id, from: day, to: day) == [session])
            // The columns that came back work.
            try await reader.setPlace(country: "IE", timeZone: "Europe/Dublin", for: user.id)
            #expect(try await reader.user(id: user.id)?.country == "IE")
            _ = try await reader.changeIntakeDraft(for: user.id) { _ in IntakeDraft(step: 1, updatedAt: StoreContract.now) }
            #expect(try await reader.intakeDraft(for: user.id)?.step == 1)
            #expect(try await reader.user(id: user.id)?.role == .client)
            try await reader.addShare(
                Share(client: user.id, codeHash: "upgrade-\(UUID())", createdAt: StoreContract.now, expiresAt: StoreContract.now))
            #expect(try await reader.shares(client: user.id).count == 1)
        } catch {
            await restarted.shutdown()
            throw error
        }
        await restarted.shutdown()
    }

    static let oldFeedback =
        #"[{"completed":true,"difficulty":"right","exerciseID":"clams","nextMorning":"settled","painDuring":6,"symptoms":["leaking"]}]"#
    static let oldDecisions =
        #"[{"action":"regress","exerciseID":"clams","nextDose":{"holdSeconds":2,"perSide":true,"reps":5,"restSeconds":30,"secondsPerRep":3,"sets":1},"#
        + #""nextExerciseID":"clams","reason":"Clams brought on leaking, so next time Clams is easier: 1 × 5 each side.","rule":"5.2-3"}]"#

    /// A JSON document as an SQL string literal.
    static func quoted(_ value: some Encodable) throws -> String {
        "'" + (try JSONText.encode(value)).replacingOccurrences(of: "'", with: "''") + "'"
    }

    @Test("A file made by the earlier FluentKit adapter opens unchanged: its ledger moves over and every record reads")
    func fluentMadeFileOpens() async throws {
        let fixture = try #require(Bundle.module.url(forResource: "fluent-0013", withExtension: "sqlite", subdirectory: "Fixtures"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fluent-\(UUID().uuidString).sqlite").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try SQLiteDatabase(path: path)
        do {
            // Written by `backcoach seed --users 2 --days 20` of the release before this adapter.
            #expect(try await database.verifyBackup() == 2)
            // Everything it made is adopted; only the steps that came after it wait.
            #expect(
                try await database.pendingMigrations() == [
                    "0014_index_psfs_checkins", "0015_compress_session_logs", "0016_create_reminders", "0017_key_checkins_by_day",
                ])
            try await database.migrate()
            let store = database.store
            let from = LocalDate("2026-01-01")!
            let to = LocalDate("2027-01-01")!
            var pains: [Int] = []
            var sessions = 0
            for index in 0..<2 {
                let user = try #require(try await store.user(email: "fixture-\(index)@example.test"))
                #expect(user.role == .client)
                let checkins = try await store.checkins(for: user.id, from: from, to: to)
                #expect(checkins.count == 20)
                pains.append(checkins.map(\.pain).reduce(0, +))
                sessions += try await store.sessions(for: user.id, from: from, to: to).count
                #expect(try await store.intakeAndProgram(for: user.id)?.program != nil)
                #expect(try await store.screens(for: user.id, from: from, to: to).count > 0)
                // And it takes new writes.
                #expect(try await store.upsertCheckin(Checkin(date: to, pain: 1, updatedAt: StoreContract.now), for: user.id))
                #expect(try await store.checkins(for: user.id, from: to, to: to).first?.pain == 1)
            }
            #expect(pains == [76, 83])
            #expect(sessions == 20)
            try await database.revertLastBatch()
            #expect(
                try await database.pendingMigrations() == [
                    "0014_index_psfs_checkins", "0015_compress_session_logs", "0016_create_reminders", "0017_key_checkins_by_day",
                ])
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

    @Test("The embedded database commits with synchronous=FULL in write-ahead-log mode")
    func durableSettings() async throws {
        try await StoreFactory.withSQLite { store in
            let database = try #require((store as? SQLiteStore)?.database)
            let settings = try await database.pool.write { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
            }
            #expect(settings.0 == "wal")
            #expect(settings.1 == 2)  // FULL
        }
    }
}
