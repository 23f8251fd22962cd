import BackCoachCore
import BackCoachStorage
import Foundation

/// Check-ins: one per person per date, replaced whole.
extension FluentStore {
    public func upsertCheckin(_ checkin: Checkin, for user: UserID, keepingNewer: Bool) async throws -> Bool {
        let statement = HotPathStatements.UpsertCheckin(
            user: user.rawValue, checkin: checkin, psfs: try checkin.psfs.map(JSONText.encode), keepingNewer: keepingNewer)
        // Her account gone (erased meanwhile) fails the foreign key; ownerMustExist says so in the store's words.
        let saved = try await ownerMustExist(user) { try await prepared(statement) }
        guard let created = saved.first else { throw StorageError.newerExists }
        return created
    }

    public func checkins(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [Checkin] {
        try await prepared(ProgressStatements.Checkins(user: user.rawValue, from: from.description, to: to.description))
    }

    public func psfsCheckins(for user: UserID, from: LocalDate, to: LocalDate, limit: Int, newestFirst: Bool) async throws -> [Checkin] {
        let (id, first, last, count) = (user.rawValue, from.description, to.description, max(0, limit))
        return newestFirst
            ? try await prepared(
                ProgressStatements.PSFSCheckins<ProgressStatements.NewestFirst>(user: id, from: first, to: last, limit: count))
            : try await prepared(
                ProgressStatements.PSFSCheckins<ProgressStatements.OldestFirst>(user: id, from: first, to: last, limit: count))
    }

    public func painWeeks(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [PainWeek] {
        try await prepared(ProgressStatements.PainWeeks(user: user.rawValue, from: from.description, to: to.description))
    }

    public func firstCheckinDate(for user: UserID) async throws -> LocalDate? {
        try await prepared(ProgressStatements.FirstCheckinDate(user: user.rawValue)).first
    }
}
