import BackCoachCore
import BackCoachStorage
import Foundation

/// Her session days and time: the weekdays she picks (as many as her sessions a week) and when, for her calendar
/// feed. Stored with her program record, changed in the same transaction as every other change to it.
extension ProgramService {
    public struct Schedule: Equatable, Sendable {
        /// Monday 0 … Sunday 6, sorted; nil when sessions are spread through the week from her start date.
        public let weekdays: [Int]?
        /// "HH:mm" in her time zone.
        public let time: String
        /// How many days she must pick: her sessions a week, from her answers.
        public let sessionsPerWeek: Int

        public init(weekdays: [Int]?, time: String, sessionsPerWeek: Int) {
            self.weekdays = weekdays
            self.time = time
            self.sessionsPerWeek = sessionsPerWeek
        }
    }

    public static let defaultSessionTime = "09:00"
    public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    public func schedule(for user: User) async throws -> Schedule {
        guard let schedule = try await scheduleIfPlanned(for: user) else {
            throw ServiceError.notFound("There is no plan yet, so there are no session days to show.")
        }
        return schedule
    }

    /// Her schedule, or nil before she has a plan whose days she can choose (settings shows none then).
    public func scheduleIfPlanned(for user: User) async throws -> Schedule? {
        guard let current = try await currentIfAnswered(for: user), current.record != nil else { return nil }
        return Schedule(
            weekdays: current.schedule?.weekdays, time: current.record?.sessionTime ?? Self.defaultSessionTime,
            sessionsPerWeek: current.answers.daysPerWeek)
    }

    /// `weekdays`: nil keeps them, empty spreads the sessions through the week again, otherwise exactly as many days as
    /// her sessions a week. `time` nil keeps it. Nothing is stored unless both are valid.
    public func setSchedule(weekdays: [Int]?, time: String?, for user: User) async throws -> Schedule {
        let current = try await current(for: user)
        let perWeek = current.answers.daysPerWeek
        let days = weekdays.flatMap { $0.isEmpty ? nil : $0 }
        if let days {
            guard days.allSatisfy({ (0...6).contains($0) }), Set(days).count == days.count else {
                throw ServiceError.invalid("Choose each day once, from Monday to Sunday.", field: "weekdays")
            }
            guard days.count == perWeek else {
                let word = perWeek == 1 ? "day" : "days"
                throw ServiceError.invalid(
                    "You do \(perWeek) sessions a week, so choose \(perWeek) \(word) (you chose \(days.count)). To change how many, update your answers.",
                    field: "weekdays")
            }
        }
        if let time, Self.minutes(of: time) == nil {
            throw ServiceError.invalid("Give the time like 07:30 or 20:15.", field: "time")
        }
        guard current.record != nil else {
            throw ServiceError.conflict("There is no plan to schedule yet. When your answers allow a plan, you can choose your days.")
        }
        do {
            try await context.store.changeProgram(for: user.id, on: context.today(for: user)) { snapshot in
                guard var record = snapshot.program else { throw StorageError.userNotFound }
                if weekdays != nil { record.weekdays = days?.sorted() }
                if let time { record.sessionTime = time }
                return ProgramChange(program: record, result: ())
            }
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("This account no longer exists.")
        }
        return try await schedule(for: user)
    }

    /// Minutes after midnight for "HH:mm" (00:00 to 23:59), or nil.
    static func minutes(of time: String) -> Int? {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        // Two ASCII digits each side: Int("+1") would let "+1:00" through into the calendar feed.
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { ("0"..."9").contains($0) } }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }
}
