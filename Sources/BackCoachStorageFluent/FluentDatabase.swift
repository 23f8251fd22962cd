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
    public func migrate() async throws {
        if isSQLite {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        let migrator = makeMigrator()
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Reverts the last batch of migrations.
    public func revertLastBatch() async throws {
        let migrator = makeMigrator()
        try await migrator.setupIfNeeded().get()
        try await migrator.revertLastBatch().get()
    }

    /// Names of the migrations not yet applied.
    public func pendingMigrations() async throws -> [String] {
        let migrator = makeMigrator()
        try await migrator.setupIfNeeded().get()
        return try await migrator.previewPrepareBatch().get().map { $0.0.name }
    }

    /// `SELECT 1`: is the database answering?
    public func ping() async throws {
        _ = try await sql.raw("SELECT 1 AS one").first()
    }

    /// A consistent copy of an SQLite database taken while it is in use (`VACUUM INTO`).
    public func backup(to path: String) async throws {
        guard isSQLite else { throw DatabaseLocationError("backup works on SQLite; for PostgreSQL use pg_dump") }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw DatabaseLocationError("\(path) already exists; choose a new file name")
        }
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }

    private func makeMigrator() -> Migrator {
        let migrations = Migrations()
        migrations.add(BackCoachMigrations.all)
        return Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
    }
}
