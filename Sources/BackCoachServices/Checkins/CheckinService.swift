import BackCoachCore
import BackCoachStorage
import Foundation

/// Daily check-ins: pain 0–10, the weekly Patient-Specific Functional Scale, and a note.
public struct CheckinService: Sendable {
    let context: ServiceContext

    public static let maxNoteLength = 1000
    public static let maxActivityLength = 100
    public static let activities = 1...5
    /// The longest range one request may read: three years.
    public static let maxDays = 1095

    /// What she sends, before the rules have looked at it.
    public struct Input: Sendable {
        public var date: LocalDate
        public var pain: Int?
        public var psfs: [PSFSRating]?
        public var note: String?
        /// When she wrote it, for one kept on her phone offline and sent later: it never replaces a newer one.
        public var writtenAt: Date?

        public init(date: LocalDate, pain: Int?, psfs: [PSFSRating]? = nil, note: String? = nil, writtenAt: Date? = nil) {
            self.date = date
            self.pain = pain
            self.psfs = psfs
            self.note = note
            self.writtenAt = writtenAt
        }
    }

    /// Saves the check-in for its date, replacing one saved earlier; `created` is false when it replaced one.
    public func save(_ input: Input, for user: User) async throws -> (checkin: Checkin, created: Bool) {
        var checkin = try validated(input, for: user)
        // Written earlier (offline): stored with that time, and only if nothing newer is there. Never in the future.
        if let writtenAt = input.writtenAt {
            checkin = Checkin(
                date: checkin.date, pain: checkin.pain, psfs: checkin.psfs, note: checkin.note, updatedAt: min(writtenAt, context.now()))
        }
        do {
            return (checkin, try await context.store.upsertCheckin(checkin, for: user.id, keepingNewer: input.writtenAt != nil))
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("This account no longer exists.")
        } catch StorageError.newerExists {
            throw ServiceError.conflict(
                "A newer check-in for \(checkin.date.spelledOut) was saved on another device, so this one, written earlier, was not saved.")
        }
    }

    func validated(_ input: Input, for user: User) throws(ServiceError) -> Checkin {
        try DateRules.check(input.date, field: "date", today: context.today(for: user), allowed: .upTo(context.latestDay(for: user)))
        guard let pain = input.pain, (0...10).contains(pain) else {
            throw .invalid("Please choose your pain from 0 to 10.", field: "pain")
        }
        let note = input.note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard note.count <= Self.maxNoteLength else {
            throw .invalid("Your note can be at most \(Self.maxNoteLength) characters (it has \(note.count)).", field: "note")
        }
        var ratings: [PSFSRating]?
        if let psfs = input.psfs {
            guard Self.activities.contains(psfs.count) else {
                throw .invalid("Rate 1 to 5 activities (got \(psfs.count)).", field: "psfs")
            }
            ratings = try psfs.map { rating throws(ServiceError) in
                let activity = rating.activity.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !activity.isEmpty else {
                    throw .invalid("Name each activity you rate, e.g. \"lifting baby from the cot\".", field: "psfs")
                }
                guard activity.count <= Self.maxActivityLength else {
                    throw .invalid("An activity's name can be at most \(Self.maxActivityLength) characters.", field: "psfs")
                }
                guard (0...10).contains(rating.score) else {
                    throw .invalid("Score each activity from 0 (can't do it) to 10 (as before).", field: "psfs")
                }
                return PSFSRating(activity: activity, score: rating.score)
            }
        }
        return Checkin(date: input.date, pain: pain, psfs: ratings, note: note.isEmpty ? nil : note, updatedAt: context.now())
    }

    /// Check-ins between two dates inclusive, oldest first (at most `maxDays`).
    public func checkins(from: LocalDate, to: LocalDate, for user: User) async throws -> [Checkin] {
        guard from <= to else { throw ServiceError.invalid("from must be on or before to.", field: "from") }
        guard from.days(until: to) < Self.maxDays else {
            throw ServiceError.invalid("Ask for at most \(Self.maxDays) days at a time.", field: "from")
        }
        return try await context.store.checkins(for: user.id, from: from, to: to)
    }

    /// The last 90 days, for the check-in form (what she saved, and the activities she rated before).
    public func recent(for user: User) async throws -> [Checkin] {
        let today = context.today(for: user)
        return try await context.store.checkins(for: user.id, from: today.adding(days: -90), to: today)
    }
}
