import BackCoachCore
import BackCoachStorage
import Foundation
import GRDB

/// The embedded store: every port on one SQLite file. Reads answer on the calling thread from prepared, cached
/// statements; writes are transactions on the single writer, committed in groups (see `GroupCommit`).
public struct SQLiteStore: BackCoachStore {
    let database: SQLiteDatabase

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    /// See `SQLiteDatabase.readOneStatement`: for a body that runs exactly one SELECT. Every read of the store is one
    /// statement (a read that needs two to agree would take `SQLiteDatabase.read`, a transaction).
    func readOneStatement<T>(_ body: (Database) throws -> T) throws -> T {
        try database.readOneStatement(body)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await database.write(body)
    }

    /// A write that needs her account row: says `StorageError.userNotFound` when it is gone (checked in the same
    /// transaction, so an erasure can't slip in between), instead of a foreign-key failure.
    func writeOwned<T: Sendable>(_ user: UserID, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await write { db in
            guard try Self.ownerExists(db, user) else { throw StorageError.userNotFound }
            return try body(db)
        }
    }

    static func ownerExists(_ db: Database, _ user: UserID) throws -> Bool {
        try db.row("SELECT id FROM users WHERE id = ?", [user.text]) != nil
    }
}

/// Statements are prepared once per connection and kept: the same few queries run on every request.
extension Database {
    func rows(_ sql: String, _ arguments: StatementArguments = []) throws -> [Row] {
        try Row.fetchAll(cachedStatement(sql: sql), arguments: arguments)
    }

    /// Each row handed to `body` as the statement steps, with no copy of the row (so `body` reads what it needs
    /// before returning; best by position).
    func each(_ sql: String, _ arguments: StatementArguments, _ body: (Row) throws -> Void) throws {
        let cursor = try Row.fetchCursor(cachedStatement(sql: sql), arguments: arguments)
        while let row = try cursor.next() { try body(row) }
    }

    /// Each row made into a value as the statement steps.
    func map<T>(_ sql: String, _ arguments: StatementArguments, _ make: (Row) throws -> T) throws -> [T] {
        var values: [T] = []
        try each(sql, arguments) { values.append(try make($0)) }
        return values
    }

    /// The first row made into a value, if there is one; the statement steps no further.
    func first<T>(_ sql: String, _ arguments: StatementArguments, _ make: (Row) throws -> T) throws -> T? {
        // The cursor lives until `make` has read the row: ending it resets the statement the row reads from.
        let cursor = try Row.fetchCursor(cachedStatement(sql: sql), arguments: arguments)
        return try withExtendedLifetime(cursor) { try cursor.next().map(make) }
    }

    func row(_ sql: String, _ arguments: StatementArguments = []) throws -> Row? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }

    func run(_ sql: String, _ arguments: StatementArguments = []) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try Int.fetchOne(cachedStatement(sql: sql), arguments: arguments) ?? 0
    }
}

/// Ids are stored as upper-case text, as the earlier FluentKit adapter wrote them, so files it made keep matching.
extension UUID {
    var text: String { uuidString }
}

extension UserID {
    var text: String { rawValue.uuidString }
}
