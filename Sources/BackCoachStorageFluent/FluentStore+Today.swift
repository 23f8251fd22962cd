import BackCoachCore
import BackCoachStorage
import Foundation

/// Today in one round trip: the page and the API ask for it on every open.
extension FluentStore {
    public func todayRecord(for user: UserID, on date: LocalDate) async throws -> TodayRecord? {
        let rows = try await prepared(
            HotPathStatements.TodayRecordRows(
                user: user.rawValue, day: date.description, dayBefore: date.adding(days: -1).description))
        guard let first = rows.first else { return nil }
        let intake = try database.decoded.intake(first.answers, updatedAt: first.intakeUpdatedAt)
        let program = try first.program.map(database.decoded.program)
        return TodayRecord(
            intake: intake, program: program,
            day: DayRecord(
                sessionLogged: first.sessionLogged,
                screens: try rows.compactMap { try HotPathStatements.TodayRecordRows.screen($0.screen) },
                checkinPain: first.checkinPain),
            sessionLoggedDayBefore: first.loggedBefore, latestScreen: try HotPathStatements.TodayRecordRows.screen(first.latest))
    }
}
