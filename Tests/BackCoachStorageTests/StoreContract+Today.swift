import BackCoachCore
import BackCoachStorage
import Foundation
import Testing

extension StoreContract {
    /// Today's one read, on a day with two checks, a session the day before and a
    /// check-in, on a quiet day, and before any intake.
    static func todayRecord(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        #expect(try await store.todayRecord(for: user.id, on: day) == nil, "nothing before the first intake")
        let record = ProgramRecord(startDate: day.adding(days: -5), state: ProgramState(phase: .gentleRebuilding))
        try await store.saveIntake(
            IntakeAnswers(weeksSinceBirth: 9, delivery: .vaginal, painAtRest: 2, minutesPerDay: 10, daysPerWeek: 3), program: record,
            for: user.id, now: now)
        let quiet = try #require(try await store.todayRecord(for: user.id, on: day))
        #expect(quiet.day == DayRecord(sessionLogged: false, screens: []))
        #expect(quiet.program == record && quiet.latestScreen == nil && !quiet.sessionLoggedDayBefore)
        #expect(quiet.intake == (try await store.intake(for: user.id)))

        try await store.addSession(
            SessionLog(date: day.adding(days: -1), feedback: [], decisions: [], createdAt: now), program: record, for: user.id)
        try await store.addScreen(ScreenRecord(date: day, redFlags: [], level: .none, createdAt: now), program: nil, for: user.id)
        try await store.addScreen(
            ScreenRecord(date: day, redFlags: [.rf07], level: .urgent, createdAt: now.addingTimeInterval(5)), program: nil, for: user.id)
        _ = try await store.upsertCheckin(Checkin(date: day, pain: 4, updatedAt: now), for: user.id)
        let busy = try #require(try await store.todayRecord(for: user.id, on: day))
        #expect(!busy.day.sessionLogged)
        #expect(busy.day.screens.map(\.level) == [.none, .urgent])
        #expect(busy.day.checkinPain == 4)
        #expect(busy.sessionLoggedDayBefore)
        #expect(busy.latestScreen == busy.day.screens.last, "her latest check is the later one today")
        let tomorrow = try #require(try await store.todayRecord(for: user.id, on: day.adding(days: 1)))
        #expect(tomorrow.day == DayRecord(sessionLogged: false, screens: []) && !tomorrow.sessionLoggedDayBefore)
        #expect(tomorrow.latestScreen?.level == .urgent, "her latest check, whichever day")
    }
}
