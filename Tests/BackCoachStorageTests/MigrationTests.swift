import BackCoachStorageFluent
import Foundation
import Logging
import Testing

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
            #expect(try await database.pendingMigrations().count == 8)
            try await database.migrate()
            #expect(try await database.pendingMigrations().isEmpty)
            try await database.revertLastBatch()
            #expect(try await database.pendingMigrations().count == 8)
            try await database.migrate()
            #expect(try await database.pendingMigrations().isEmpty)
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}
