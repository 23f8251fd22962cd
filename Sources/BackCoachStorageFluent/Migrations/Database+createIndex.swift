import FluentKit
import SQLKit

extension Database {
    /// FluentKit's schema builder has no indexes; this SQL is the same on SQLite and PostgreSQL.
    /// Indexes are dropped with their table, so reverts need nothing extra.
    func createIndex(_ name: String, on table: String, columns: [String]) async throws {
        let builder = (self as! any SQLDatabase).create(index: name).on(table)
        try await columns.reduce(builder) { $0.column($1) }.run()
    }
}
