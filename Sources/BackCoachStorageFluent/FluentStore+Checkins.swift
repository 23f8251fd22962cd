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
        try await sql.select().columns("*").from("checkins").where("user_id", .equal, user.rawValue)
            .where("date", .greaterThanOrEqual, from.description).where("date", .lessThanOrEqual, to.description)
            .orderBy("date").all().map(Self.checkin(from:))
    }

    public func psfsCheckins(for user: UserID, from: LocalDate, to: LocalDate, limit: Int, newestFirst: Bool) async throws -> [Checkin] {
        try await sql.select().columns("*").from("checkins").where("user_id", .equal, user.rawValue)
            .where("date", .greaterThanOrEqual, from.description).where("date", .lessThanOrEqual, to.description)
            .where(SQLColumn("psfs"), .isNot, SQLLiteral.null)
            .orderBy("date", newestFirst ? .descending : .ascending).limit(max(0, limit)).all().map(Self.checkin(from:))
    }

    public func firstCheckinDate(for user: UserID) async throws -> LocalDate? {
        let row = try await sql.select().column("date").from("checkins").where("user_id", .equal, user.rawValue)
            .orderBy("date").limit(1).first()
        return try row.flatMap { LocalDate(try $0.decode(column: "date", as: String.self)) }
    }
}
