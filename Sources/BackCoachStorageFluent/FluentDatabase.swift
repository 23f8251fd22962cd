import BackCoachCore
import BackCoachStorage
import FluentKit
import FluentPostgresDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import ServiceLifecycle

/// Owns the FluentKit connection pools to PostgreSQL and the migrations. As a lifecycle `Service` it closes the pools
/// on graceful shutdown, after the HTTP server has stopped taking requests.
public final class FluentDatabase: StoreDatabase, Service, Sendable {
    public let location: DatabaseLocation
    let databases: Databases
    let logger: Logger
    let decoded = DecodedRecords()

    /// `connectionWait`: how long a query waits for a free connection before it fails. A request that waited 10 s
    /// has already failed the person waiting; the test suite, which saturates both cores with parallel tests, waits
    /// longer so it measures its own assertions, not the machine.
    public init(postgresURL url: String, logger: Logger, connectionWait: Duration = .seconds(10)) throws {
        self.location = .postgres(url: url)
        self.logger = logger
        let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        let wait = TimeAmount.milliseconds(
            connectionWait.components.seconds * 1000 + connectionWait.components.attoseconds / 1_000_000_000_000_000)
        do {
            databases.use(
                try .postgres(url: url, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: wait, sqlLogLevel: .trace), as: .psql)
        } catch {
            throw DatabaseLocationError("the PostgreSQL URL is not valid: \(location)")
        }
        self.databases = databases
        // FluentKit builds a handle per call (a lock, a lookup, a driver wrapper: 4% of a Today load on the two-server
        // bench); a handle only names the pool and an event loop, so one per loop is made here and reused.
        var handles: [ObjectIdentifier: any Database] = [:]
        for loop in MultiThreadedEventLoopGroup.singleton.makeIterator() {
            handles[ObjectIdentifier(loop)] = databases.database(.psql, logger: logger, on: loop)
        }
        self.handles = handles
    }

    private let handles: [ObjectIdentifier: any Database]

    public var store: any BackCoachStore { FluentStore(database: self) }

    /// A database handle for one unit of work.
    var database: any Database {
        handles[ObjectIdentifier(MultiThreadedEventLoopGroup.singleton.any())]!
    }

    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Runs every pending migration. `through` stops after the migration with that name, as an older release would
    /// (for upgrade tests).
    public func migrate(through last: String?) async throws {
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
        try await database.withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("SELECT pg_advisory_lock(\(literal: Self.migrationLockKey))").run()
            let migrations = Migrations()
            migrations.add(list)
            let migrator = Migrator(databaseFactory: { _ in connection }, migrations: migrations, on: connection.eventLoop)
            do {
                let result = try await work(migrator)
                try await sql.raw("SELECT pg_advisory_unlock(\(literal: Self.migrationLockKey))").run()
                return result
            } catch {
                try? await sql.raw("SELECT pg_advisory_unlock(\(literal: Self.migrationLockKey))").run()
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

    public func backup(to path: String) async throws {
        throw DatabaseLocationError("backup works on SQLite; for PostgreSQL use pg_dump")
    }

    public func verifyBackup() async throws -> Int {
        throw DatabaseLocationError("restore works on SQLite; for PostgreSQL use pg_restore")
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }
}
