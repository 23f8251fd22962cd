import BackCoachCore
import BackCoachStorage
import Foundation
import SQLKit

/// The wizard's draft: one JSON row per person, changed only inside a transaction that holds her account row.
extension FluentStore {
    public func intakeDraft(for user: UserID) async throws -> IntakeDraft? {
        try await Self.intakeDraft(sql, user)
    }

    public func changeIntakeDraft(
        for user: UserID, _ change: @escaping @Sendable (IntakeDraft?) throws -> IntakeDraft
    ) async throws -> IntakeDraft {
        try await transaction { sql in
            guard try await self.lockOwner(sql, user) else { throw StorageError.userNotFound }
            let draft = try change(try await Self.intakeDraft(sql, user))
            try await sql.insert(into: "intake_drafts").columns("user_id", "draft", "updated_at")
                .values(SQLBind(user.rawValue), SQLBind(try JSONText.encode(draft)), SQLBind(draft.updatedAt.timeIntervalSince1970))
                .onConflict(with: ["user_id"]) { $0.set(excludedValueOf: "draft").set(excludedValueOf: "updated_at") }.run()
            return draft
        }
    }

    public func deleteIntakeDraft(for user: UserID) async throws {
        try await write { try await $0.delete(from: "intake_drafts").where("user_id", .equal, user.rawValue).run() }
    }

    static func intakeDraft(_ sql: any SQLDatabase, _ user: UserID) async throws -> IntakeDraft? {
        try await sql.select().column("draft").from("intake_drafts").where("user_id", .equal, user.rawValue).first()
            .map { try JSONText.decode(IntakeDraft.self, $0.decode(column: "draft", as: String.self)) }
    }
}
