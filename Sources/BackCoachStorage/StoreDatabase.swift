import Foundation

/// An open database behind the store: its schema and its upkeep. One adapter per database implements it (GRDB for
/// the embedded SQLite file, FluentKit for PostgreSQL), so the server and the CLI never ask which one they hold.
public protocol StoreDatabase: AnyObject, Sendable {
    var location: DatabaseLocation { get }
    /// The store that reads and writes this database.
    var store: any BackCoachStore { get }
    /// Runs every pending migration; `through` stops after the one with that name, as an older release would.
    func migrate(through last: String?) async throws
    /// Undoes the last batch of migrations.
    func revertLastBatch() async throws
    /// Names of the migrations not yet applied, in order.
    func pendingMigrations() async throws -> [String]
    /// Is the database answering?
    func ping() async throws
    /// A consistent copy taken while the database is in use (SQLite only).
    func backup(to path: String) async throws
    /// Checks that this file is a sound BackCoach database and returns how many accounts it holds (SQLite only).
    func verifyBackup() async throws -> Int
    /// Runs one statement outside any transaction (administrative SQL such as CREATE DATABASE).
    func execute(_ statement: String) async throws
    /// Closes the connections; the server calls it after its last request.
    func shutdown() async
}

extension StoreDatabase {
    public func migrate() async throws {
        try await migrate(through: nil)
    }
}
