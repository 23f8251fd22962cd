import BackCoachStorage
import Foundation
import GRDB

/// Applies `SQLiteMigrations` in batches (one batch per `migrate`), and takes the last batch back, inside the
/// caller's transaction: a step that fails leaves the schema as it was.
enum SQLiteMigrator {
    static let ledger = "schema_migrations"

    static func migrate(_ db: Database, through last: String?) throws {
        try prepareLedger(db)
        var list = SQLiteMigrations.all
        if let last, let index = list.firstIndex(where: { $0.name == last }) { list = Array(list[...index]) }
        let applied = try appliedNames(db)
        let batch = (try Int.fetchOne(db, sql: "SELECT MAX(batch) FROM \(ledger)") ?? 0) + 1
        for migration in list where !applied.contains(migration.name) {
            for step in migration.up { try step.run(db) }
            try db.execute(
                sql: "INSERT INTO \(ledger) (name, batch, applied_at) VALUES (?, ?, ?)",
                arguments: [migration.name, batch, Date().timeIntervalSince1970])
        }
    }

    static func revertLastBatch(_ db: Database) throws {
        try prepareLedger(db)
        guard let batch = try Int.fetchOne(db, sql: "SELECT MAX(batch) FROM \(ledger)") else { return }
        let names = Set(try String.fetchAll(db, sql: "SELECT name FROM \(ledger) WHERE batch = ?", arguments: [batch]))
        for migration in SQLiteMigrations.all.reversed() where names.contains(migration.name) {
            for step in migration.down { try step.run(db) }
            try db.execute(sql: "DELETE FROM \(ledger) WHERE name = ?", arguments: [migration.name])
        }
    }

    static func pending(_ db: Database) throws -> [String] {
        try prepareLedger(db)
        let applied = try appliedNames(db)
        return SQLiteMigrations.all.map(\.name).filter { !applied.contains($0) }
    }

    static func hasLedger(_ db: Database) throws -> Bool {
        try db.tableExists(ledger) || db.tableExists("_fluent_migrations")
    }

    private static func appliedNames(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT name FROM \(ledger)"))
    }

    /// Creates the ledger; a file made by the earlier FluentKit adapter brings its own, whose names and batches are the
    /// same, so they move over (once) and the tables it made are used as they are.
    private static func prepareLedger(_ db: Database) throws {
        guard try !db.tableExists(ledger) else { return }
        try db.execute(sql: "CREATE TABLE \(ledger) (name TEXT PRIMARY KEY, batch INTEGER NOT NULL, applied_at REAL NOT NULL)")
        guard try db.tableExists("_fluent_migrations") else { return }
        try db.execute(
            sql: "INSERT INTO \(ledger) (name, batch, applied_at) SELECT name, batch, ? FROM _fluent_migrations",
            arguments: [Date().timeIntervalSince1970])
        try db.execute(sql: "DROP TABLE _fluent_migrations")
    }
}
