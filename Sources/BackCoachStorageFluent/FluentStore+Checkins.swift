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

    public func painWeeks(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [PainWeek] {
        // Dates are stored as text; date_trunc('week') gives the ISO week's Monday.
        let rows = try await sql.raw(
            """
            SELECT to_char(date_trunc('week', date::date), 'YYYY-MM-DD') AS week_of, SUM(pain)::bigint AS total, \
            COUNT(*) AS checkins FROM checkins WHERE user_id = \(bind: user.rawValue) \
            AND date >= \(bind: from.description) AND date <= \(bind: to.description) GROUP BY week_of ORDER BY week_of
            """
        ).all()
        return try rows.map { row in
            PainWeek(
                weekOf: try Self.date(row, "week_of"), total: try row.decode(column: "total", as: Int.self),
                checkins: try row.decode(column: "checkins", as: Int.self))
        }
    }

    public func firstCheckinDate(for user: UserID) async throws -> LocalDate? {
        let row = try await sql.select().column("date").from("checkins").where("user_id", .equal, user.rawValue)
            .orderBy("date").limit(1).first()
        return try row.flatMap { LocalDate(try $0.decode(column: "date", as: String.self)) }
    }
}
