import BackCoachCore
import BackCoachStorage
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import ServiceLifecycle

/// Owns the FluentKit connection pools and the migrations. As a lifecycle `Service` it closes the pools
/// on graceful shutdown, after the HTTP server has stopped taking requests.
public final class FluentDatabase: Service, Sendable {
    public let location: DatabaseLocation
    let databases: Databases
    let logger: Logger
    /// Queues this process's writes on SQLite (see `WriteGate`), and commits single-statement saves in groups.
    let writeGate: WriteGate
    let groupCommit: GroupCommit
    /// Decoded JSON columns by their text: the program record and the answers are read on almost every
    /// request, and decoding them cost more than the queries.
    let decodedPrograms = BoundedCache<String, ProgramRecord>(capacity: 4096)
    let decodedIntakes = BoundedCache<String, IntakeAnswers>(capacity: 4096)

    public init(location: DatabaseLocation, logger: Logger) throws {
        self.location = location
        self.logger = logger
        let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        switch location {
        case .sqlite(let path):
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            do {
                databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: .psql)
            } catch {
                throw DatabaseLocationError("the PostgreSQL URL is not valid: \(location)")
            }
        }
        self.databases = databases
        let gate = WriteGate()
        self.writeGate = gate
        self.groupCommit = GroupCommit(gate: gate) { databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())! }
    }

    /// A database handle for one unit of work.
    var database: any Database {
        databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    var sql: any SQLDatabase { database as! any SQLDatabase }

    var isSQLite: Bool {
        if case .sqlite = location { return true }
        return false
    }

    /// Runs every pending migration. SQLite also switches to write-ahead logging, which lets readers
    /// work while a write commits; with the default synchronous=FULL each commit is on disk before it is acknowledged.
    /// `through` stops after the migration with that name, as an older release would (for upgrade tests).
    public func migrate(through last: String? = nil) async throws {
        if isSQLite {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        var list = BackCoachMigrations.all
        if let last, let index = list.firstIndex(where: { $0.name == last }) { list = Array(list[...index]) }
        try await withMigrationLock(list) { migrator in
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
        }
    }

    /// Reverts the last batch of migrations.
    public func revertLastBatch() async throws {
        try await withMigrationLock { migrator in
            try await migrator.setupIfNeeded().get()
            try await migrator.revertLastBatch().get()
        }
    }

    /// Names of the migrations not yet applied.
    public func pendingMigrations() async throws -> [String] {
        try await withMigrationLock { migrator in
            try await migrator.setupIfNeeded().get()
            return try await migrator.previewPrepareBatch().get().map { $0.0.name }
        }
    }

    /// Several servers may start at once against one PostgreSQL; an advisory lock lets one migrate while
    /// the others wait, then find nothing left to do. Lock, migrations and unlock share one connection,
    /// because PostgreSQL advisory locks belong to a connection.
    private func withMigrationLock<T: Sendable>(
        _ list: [any Migration] = BackCoachMigrations.all, _ work: @escaping @Sendable (Migrator) async throws -> T
    ) async throws -> T {
        let postgres = !isSQLite
        return try await database.withConnection { connection in
            let sql = connection as! any SQLDatabase
            if postgres { try await sql.raw("SELECT pg_advisory_lock(\(literal: Self.migrationLockKey))").run() }
            let migrations = Migrations()
            migrations.add(list)
            let migrator = Migrator(databaseFactory: { _ in connection }, migrations: migrations, on: connection.eventLoop)
            do {
                let result = try await work(migrator)
                if postgres { try await sql.raw("SELECT pg_advisory_unlock(\(literal: Self.migrationLockKey))").run() }
                return result
            } catch {
                if postgres { try? await sql.raw("SELECT pg_advisory_unlock(\(literal: Self.migrationLockKey))").run() }
                throw error
            }
        }
    }

    /// An arbitrary constant that names BackCoach's migration lock.
    static let migrationLockKey = 7_104_202_611

    /// `SELECT 1`: is the database answering?
    public func ping() async throws {
        _ = try await sql.raw("SELECT 1 AS one").first()
    }

    /// Runs one statement outside any transaction (for administrative SQL such as CREATE DATABASE).
    public func execute(_ statement: String) async throws {
        try await sql.raw(SQLQueryString(statement)).run()
    }

    /// A consistent copy of an SQLite database taken while it is in use (`VACUUM INTO`).
    public func backup(to path: String) async throws {
        guard isSQLite else { throw DatabaseLocationError("backup works on SQLite; for PostgreSQL use pg_dump") }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw DatabaseLocationError("\(path) already exists; choose a new file name")
        }
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }

    /// Checks that this SQLite file is a sound BackCoach database (what `restore` asks of a backup) and
    /// returns how many accounts it holds.
    public func verifyBackup() async throws -> Int {
        guard isSQLite else { throw DatabaseLocationError("restore works on SQLite; for PostgreSQL use pg_restore") }
        let integrity = try await sql.raw("PRAGMA integrity_check").first()?.decode(column: "integrity_check", as: String.self)
        guard integrity == "ok" else { throw DatabaseLocationError("the file is damaged (integrity check: \(integrity ?? "no answer"))") }
        do {
            _ = try await sql.raw("SELECT COUNT(*) AS n FROM _fluent_migrations").first()
            return try await sql.raw("SELECT COUNT(*) AS n FROM users").first()?.decode(column: "n", as: Int.self) ?? 0
        } catch {
            throw DatabaseLocationError("the file is not a BackCoach database")
        }
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }
}
