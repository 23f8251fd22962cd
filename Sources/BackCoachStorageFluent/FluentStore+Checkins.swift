import BackCoachCore
import BackCoachStorage
import Foundation
import SQLKit

/// Check-ins: one per person per date, replaced whole.
extension FluentStore {
    public func upsertCheckin(_ checkin: Checkin, for user: UserID, keepingNewer: Bool) async throws -> Bool {
        let psfs = try checkin.psfs.map(JSONText.encode)
        // "Was it new?" is asked inside the write, so of two saves of one day exactly one hears "created": her account
        // row is locked first.
        let run: @Sendable (any SQLDatabase) async throws -> Bool = { sql in
            guard try await self.lockOwner(sql, user) else { throw StorageError.userNotFound }
            let existing = try await sql.select().column("updated_at").from("checkins").where("user_id", .equal, user.rawValue)
                .where("date", .equal, checkin.date.description).first()
            if keepingNewer, let existing,
                try existing.decode(column: "updated_at", as: Double.self) > checkin.updatedAt.timeIntervalSince1970
            {
                throw StorageError.newerExists
            }
            try await sql.insert(into: "checkins").columns("user_id", "date", "pain", "psfs", "note", "updated_at")
                .values(
                    SQLBind(user.rawValue), SQLBind(checkin.date.description), SQLBind(checkin.pain), SQLBind(psfs),
                    SQLBind(checkin.note), SQLBind(checkin.updatedAt.timeIntervalSince1970)
                )
                .onConflict(with: ["user_id", "date"]) { conflict in
                    conflict.set(excludedValueOf: "pain").set(excludedValueOf: "psfs").set(excludedValueOf: "note")
                        .set(excludedValueOf: "updated_at")
                }
                .run()
            return existing == nil
        }
        return try await transaction(run)
    }

    public func checkins(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [Checkin] {
        try await prepared(ProgressStatements.Checkins(user: user.rawValue, from: from.description, to: to.description))
    }

    public func psfsCheckins(for user: UserID, from: LocalDate, to: LocalDate, limit: Int, newestFirst: Bool) async throws -> [Checkin] {
        let (id, first, last, count) = (user.rawValue, from.description, to.description, max(0, limit))
        return newestFirst
            ? try await prepared(ProgressStatements.PSFSCheckinsNewestFirst(user: id, from: first, to: last, limit: count))
            : try await prepared(ProgressStatements.PSFSCheckinsOldestFirst(user: id, from: first, to: last, limit: count))
    }

    public func painWeeks(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [PainWeek] {
        try await prepared(ProgressStatements.PainWeeks(user: user.rawValue, from: from.description, to: to.description))
    }

    public func firstCheckinDate(for user: UserID) async throws -> LocalDate? {
        try await prepared(ProgressStatements.FirstCheckinDate(user: user.rawValue)).first
    }
}
