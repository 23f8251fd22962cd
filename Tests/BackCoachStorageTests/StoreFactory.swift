import BackCoachStorage
import BackCoachStorageFluent
import BackCoachStorageSQLite
import Foundation
import Logging

/// Builds each kind of store the contract runs against.
enum StoreFactory {
    static let postgresURL = ProcessInfo.processInfo.environment["BACKCOACH_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    static func inMemory() -> any BackCoachStore { InMemoryStore() }

    /// Runs `body` on a fresh, migrated SQLite file, then closes the pools and removes the file.
    static func withSQLite(_ body: (any BackCoachStore) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("backcoach-test-\(UUID().uuidString).sqlite").path
        let database = try SQLiteDatabase(path: path)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            try await database.migrate()
            try await body(database.store)
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

    /// One migrated PostgreSQL database shared by the run (kept open until the process ends);
    /// tests keep apart by using their own users.
    static func postgres() async throws -> any BackCoachStore {
        try await SharedPostgres.shared.store()
    }
}

actor SharedPostgres {
    static let shared = SharedPostgres()
    /// One setup task: concurrent tests await the same pool instead of each opening (and leaking) one.
    private var setup: Task<FluentStore, any Error>?

    func store() async throws -> FluentStore {
        if setup == nil {
            setup = Task {
                guard let url = StoreFactory.postgresURL else { throw CancellationError() }
                let database = try FluentDatabase(postgresURL: url, logger: Logger(label: "test"), connectionWait: .seconds(60))
                do {
                    try await database.migrate()
                } catch {
                    await database.shutdown()
                    throw error
                }
                return FluentStore(database: database)
            }
        }
        return try await setup!.value
    }
}
