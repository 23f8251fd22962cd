import BackCoachCore
import BackCoachStorage
import Foundation
import GRDB
import ServiceLifecycle

/// The embedded database: one SQLite file in write-ahead-log mode, opened through a GRDB `DatabasePool`.
///
/// Reads run on the calling thread on one of the pool's reader connections, with statements prepared once per
/// connection and reused; they never wait for a write. Writes go to the single writer connection through
/// `GroupCommit`, and every commit is on disk (`synchronous=FULL`) before its caller hears "saved".
public final class SQLiteDatabase: StoreDatabase, Service {
    public let location: DatabaseLocation
    let pool: DatabasePool
    let groupCommit: GroupCommit
    let decoded = DecodedRecords()

    /// Statements that read or wrote data, counted only when asked for (tests check how many a page costs).
    public let statements: StatementCounter?

    public init(path: String, countingStatements: Bool = false) throws {
        location = .sqlite(path: path)
        let counter = countingStatements ? StatementCounter() : nil
        statements = counter
        var configuration = Configuration()
        if let counter {
            configuration.prepareDatabase { db in
                db.trace(options: .statement) { event in
                    if case .statement(let statement) = event { counter.saw(statement.sql) }
                }
            }
        }
        // Another process (a backup, the CLI) may hold the write lock for a moment; wait rather than fail.
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = 8
        configuration.label = "BackCoach"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB switches a WAL pool to synchronous=NORMAL, which can lose the last commits on power loss; every
            // save here is acknowledged only once it is on disk, so the writer goes back to FULL.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw DatabaseLocationError("cannot open the SQLite database at \(path): \(error)")
        }
        groupCommit = GroupCommit(pool: pool)
    }

    public var store: any BackCoachStore { SQLiteStore(database: self) }

    // MARK: - Access

    /// Reads on the calling thread, in one read transaction of a reader connection (a consistent snapshot).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    /// Reads with one SELECT: SQLite runs a statement in a snapshot of its own, so the read transaction's BEGIN and
    /// COMMIT around it are skipped (they were a third of the token and Today reads' time). Never for a body that
    /// runs two statements which must agree: that needs `read`.
    func readOneStatement<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.unsafeRead(body)
    }

    /// A write of its own, committed together with the other writes that arrive while the disk syncs.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await groupCommit.submit(body)
    }

    // MARK: - Upkeep

    public func migrate(through last: String?) async throws {
        try await pool.write { db in try SQLiteMigrator.migrate(db, through: last) }
    }

    public func revertLastBatch() async throws {
        try await pool.write { db in try SQLiteMigrator.revertLastBatch(db) }
    }

    public func pendingMigrations() async throws -> [String] {
        try await pool.write { db in try SQLiteMigrator.pending(db) }
    }

    public func ping() async throws {
        _ = try read { try Int.fetchOne($0, sql: "SELECT 1") }
    }

    public func backup(to path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw DatabaseLocationError("\(path) already exists; choose a new file name")
        }
        // VACUUM INTO writes a consistent, compacted copy; it can't run inside a transaction.
        try await pool.writeWithoutTransaction { try $0.execute(sql: "VACUUM INTO ?", arguments: [path]) }
    }

    public func verifyBackup() async throws -> Int {
        try read { db in
            let integrity = try String.fetchOne(db, sql: "PRAGMA integrity_check")
            guard integrity == "ok" else {
                throw DatabaseLocationError("the file is damaged (integrity check: \(integrity ?? "no answer"))")
            }
            guard try SQLiteMigrator.hasLedger(db), try db.tableExists("users") else {
                throw DatabaseLocationError("the file is not a BackCoach database")
            }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users") ?? 0
        }
    }

    public func execute(_ statement: String) async throws {
        try await pool.writeWithoutTransaction { try $0.execute(sql: statement) }
    }

    public func shutdown() async {
        try? pool.close()
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }
}

/// Counts the statements that touch data (not BEGIN, COMMIT, savepoints or pragmas).
public final class StatementCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = 0

    func saw(_ sql: String) {
        let verb = sql.drop { $0 == " " || $0 == "\n" }.prefix(6).uppercased()
        guard ["SELECT", "INSERT", "UPDATE", "DELETE"].contains(verb) else { return }
        lock.withLock { seen += 1 }
    }

    public var count: Int { lock.withLock { seen } }
}
