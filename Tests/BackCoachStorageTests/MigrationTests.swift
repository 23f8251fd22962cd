import BackCoachCore
import BackCoachStorage
import Foundation
import Logging
import SQLKit
import Testing

@testable import BackCoachStorageFluent

@Suite("Migrations")
struct MigrationTests {
    @Test("Two servers migrating one PostgreSQL at the same moment both succeed", .enabled(if: StoreFactory.postgresURL != nil))
    func concurrentPostgres() async throws {
        // A brand-new database, so both really have tables to create (the race only exists then).
        let baseURL = try #require(StoreFactory.postgresURL)
        let name = "backcoach_race_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try FluentDatabase(location: .postgres(url: baseURL), logger: Logger(label: "test"))
        try await admin.execute("CREATE DATABASE \(name)")
        let url = baseURL.replacingOccurrences(of: #"/[^/]+$"#, with: "/" + name, options: .regularExpression)
        let first = try FluentDatabase(location: .postgres(url: url), logger: Logger(label: "test"))
        let second = try FluentDatabase(location: .postgres(url: url), logger: Logger(label: "test"))
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
        let database = try FluentDatabase(location: .sqlite(path: path), logger: Logger(label: "test"))
        do {
            #expect(try await database.pendingMigrations().count == BackCoachMigrations.all.count)
            try await database.migrate()
            #expect(try await database.pendingMigrations().isEmpty)
            try await database.revertLastBatch()
            #expect(try await database.pendingMigrations().count == BackCoachMigrations.all.count)
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
        let database = try FluentDatabase(location: .sqlite(path: path), logger: Logger(label: "test"))
        do {
            try await Self.upgradeKeepsData(database, location: .sqlite(path: path))
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
        let admin = try FluentDatabase(location: .postgres(url: baseURL), logger: Logger(label: "test"))
        try await admin.execute("CREATE DATABASE \(name)")
        let url = baseURL.replacingOccurrences(of: #"/[^/]+$"#, with: "/" + name, options: .regularExpression)
        let database = try FluentDatabase(location: .postgres(url: url), logger: Logger(label: "test"))
        var failure: (any Error)?
        do { try await Self.upgradeKeepsData(database, location: .postgres(url: url)) } catch { failure = error }
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

    /// An older release (through 0009) with a user and her records, written as it wrote them; then 0010 to 0013
    /// arrive, are reverted, and arrive again (her account reads as a mother's own: the role column's default).
    static func upgradeKeepsData(_ database: FluentDatabase, location: DatabaseLocation) async throws {
        try await database.migrate(through: "0009_create_account_recovery")
        let later = ["0010_add_place_to_users", "0011_create_intake_drafts", "0012_add_roles_to_users", "0013_create_shares"]
        #expect(try await database.pendingMigrations() == later)
        let store = FluentStore(database: database)
        // Her account as the older release wrote it: no country or time-zone columns yet.
        let user = User(
            id: UserID(), email: "old-\(UUID())@example.test", passwordHash: "hash", createdAt: StoreContract.now,
            calendarSecret: "cal-\(UUID())")
        try await database.sql.insert(into: "users").columns("id", "email", "password_hash", "calendar_secret", "created_at")
            .values(
                SQLBind(user.id.rawValue), SQLBind(user.email), SQLBind(user.passwordHash), SQLBind(user.calendarSecret),
                SQLBind(user.createdAt.timeIntervalSince1970)
            ).run()
        let day = StoreContract.day
        let answers = IntakeAnswers(weeksSinceBirth: 8, delivery: .vaginal, painAtRest: 3, minutesPerDay: 10, daysPerWeek: 3)
        let record = ProgramRecord(startDate: day, state: ProgramState(phase: .gentleRebuilding))
        try await Self.step("old release: save intake") {
            try await database.sql.insert(into: "intakes").columns("user_id", "answers", "updated_at")
                .values(SQLBind(user.id.rawValue), SQLBind(try JSONText.encode(answers)), SQLBind(StoreContract.now.timeIntervalSince1970))
                .run()
            try await database.sql.insert(into: "programs").columns("user_id", "record")
                .values(SQLBind(user.id.rawValue), SQLBind(try JSONText.encode(record))).run()
        }
        for offset in 0..<30 {
            _ = try await store.upsertCheckin(
                Checkin(date: day.adding(days: -offset), pain: offset % 11, note: "day \(offset)", updatedAt: StoreContract.now),
                for: user.id)
        }
        try await store.addToken(hash: "upgrade-\(UUID())", for: user.id, now: StoreContract.now)
        let before = try await store.checkins(for: user.id, from: day.adding(days: -29), to: day)

        try await Self.step("upgrade") { try await database.migrate() }
        try await Self.step("revert") { try await database.revertLastBatch() }
        #expect(try await database.pendingMigrations() == later)
        try await Self.step("upgrade again") { try await database.migrate() }
        #expect(try await database.pendingMigrations().isEmpty)

        // The new release reads with connections of its own, as a restarted server does: connections that were open
        // across the schema change can keep the table's old shape (seen once in CI on SQLite: no "country" column).
        let restarted = try FluentDatabase(location: location, logger: Logger(label: "test"))
        do {
            let reader = FluentStore(database: restarted)
            #expect(try await Self.step("read her account") { try await reader.user(id: user.id) } == user)
            #expect(try await reader.intakeAndProgram(for: user.id)?.program == record)
            #expect(try await reader.checkins(for: user.id, from: day.adding(days: -29), to: day) == before)
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
}
