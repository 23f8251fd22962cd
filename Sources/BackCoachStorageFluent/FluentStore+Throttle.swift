import BackCoachStorage
import Foundation
import SQLKit

/// Sign-in attempts, shared by every app server on the database.
extension FluentStore {
    public func recordAttempt(_ id: UUID, key: String, now: Date, window: TimeInterval) async throws -> [Date] {
        try await write { sql in
            try await sql.insert(into: "login_failures").columns("id", "key", "at")
                .values(SQLBind(id), SQLBind(key), SQLBind(now.timeIntervalSince1970)).run()
        }
        return try await failures(key: key, now: now, window: window)
    }

    public func forgetAttempts(_ ids: [UUID]) async throws {
        guard !ids.isEmpty else { return }
        try await write { try await $0.delete(from: "login_failures").where("id", .in, ids).run() }
    }

    public func failures(key: String, now: Date, window: TimeInterval) async throws -> [Date] {
        let start = now.addingTimeInterval(-window).timeIntervalSince1970
        // Old failures are useless; prune them so the table stays small.
        try await write { try await $0.delete(from: "login_failures").where("key", .equal, key).where("at", .lessThanOrEqual, start).run() }
        return try await sql.select().column("at").from("login_failures").where("key", .equal, key)
            .where("at", .greaterThan, start).where("at", .lessThanOrEqual, now.timeIntervalSince1970).orderBy("at").all()
            .map { Date(timeIntervalSince1970: try $0.decode(column: "at", as: Double.self)) }
    }

    public func clearFailures(key: String) async throws {
        try await write { try await $0.delete(from: "login_failures").where("key", .equal, key).run() }
    }
}
