import BackCoachCore
import BackCoachStorage
import Foundation
import Testing

/// The races an outside probe won before `changeProgram`: every change to her program record made at the same
/// moment as another must survive, on every store, trial after trial.
extension StoreContract {
    static let raceTrials = 20

    /// A pause and a session's state change sent together: both land, whichever runs first.
    static func pauseAgainstSession(_ store: any BackCoachStore) async throws {
        for trial in 0..<raceTrials {
            let user = try await newUser(store)
            let start = ProgramRecord(startDate: day, state: ProgramState(phase: .earlyRecovery))
            try await store.saveIntake(sampleAnswers, program: start, for: user.id, now: now)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await store.changeProgram(for: user.id, on: day) { snapshot in
                        var record = snapshot.program!
                        record.paused = true
                        let screen = ScreenRecord(date: day, redFlags: [.rf01], level: .emergency, createdAt: now)
                        return ProgramChange(program: record, screen: screen, result: ())
                    }
                }
                group.addTask {
                    try await store.changeProgram(for: user.id, on: day, sessionID: UUID()) { snapshot in
                        var record = snapshot.program!
                        record.state.phase = .gentleRebuilding
                        let log = SessionLog(date: day, feedback: [], decisions: [], createdAt: now)
                        return ProgramChange(program: record, session: log, result: ())
                    }
                }
                try await group.waitForAll()
            }
            let record = try await store.program(for: user.id)
            #expect(record?.paused == true, "trial \(trial): the pause was lost")
            #expect(record?.state.phase == .gentleRebuilding, "trial \(trial): the session's change was lost")
        }
    }

    /// Ten changes at once that each build on what they read: all ten count.
    static func concurrentChangesAllCount(_ store: any BackCoachStore) async throws {
        for trial in 0..<raceTrials {
            let user = try await newUser(store)
            try await store.saveIntake(
                sampleAnswers, program: ProgramRecord(startDate: day, state: ProgramState(phase: .earlyRecovery)), for: user.id, now: now)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        try await store.changeProgram(for: user.id, on: day) { snapshot in
                            var record = snapshot.program!
                            record.startDate = record.startDate.adding(days: 1)
                            return ProgramChange(program: record, result: ())
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.program(for: user.id)?.startDate == day.adding(days: 10), "trial \(trial): a change was lost")
        }
    }

    /// The same session id sent six times at once is stored once; every sender sees it.
    static func sessionIDStoredOnce(_ store: any BackCoachStore) async throws {
        for trial in 0..<raceTrials {
            let user = try await newUser(store)
            let id = UUID()
            let repeats = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await store.changeProgram(for: user.id, on: day, sessionID: id) { snapshot in
                            if snapshot.storedSession != nil { return ProgramChange(result: true) }
                            let log = SessionLog(id: id, date: day, feedback: [], decisions: [], createdAt: now)
                            return ProgramChange(session: log, result: false)
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(repeats.filter { !$0 }.count == 1, "trial \(trial): \(repeats)")
            #expect(try await store.sessions(for: user.id, from: day, to: day).count == 1, "trial \(trial)")
        }
        // Another account can't claim an id already used, and an erased account can't be changed.
        let owner = try await newUser(store)
        let id = UUID()
        try await store.addSession(SessionLog(id: id, date: day, feedback: [], decisions: [], createdAt: now), program: nil, for: owner.id)
        let other = try await newUser(store)
        await #expect(throws: StorageError.idTaken) {
            try await store.changeProgram(for: other.id, on: day, sessionID: id) { _ in ProgramChange(result: ()) }
        }
        _ = try await store.deleteUser(other.id)
        await #expect(throws: StorageError.userNotFound) {
            try await store.changeProgram(for: other.id, on: day) { _ in ProgramChange(result: ()) }
        }
    }

    /// Sixty attempts for one key at once: the k-th stored sees at least k, so no more than five see five or fewer.
    static func attemptsCountedUnderConcurrency(_ store: any BackCoachStore) async throws {
        let key = "account:\(UUID())"
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<60 {
                group.addTask { try await store.recordAttempt(UUID(), key: key, now: now, window: 900).count }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts.filter { $0 <= 5 }.count <= 5, "\(counts.sorted())")
        #expect(try await store.failures(key: key, now: now, window: 900).count == 60)
    }

    /// Sixteen saves of one day's check-in at once: exactly one is told it created the row; a save for an erased
    /// account says so instead of failing on a foreign key.
    static func oneCheckinCreatedOnce(_ store: any BackCoachStore) async throws {
        for trial in 0..<raceTrials {
            let user = try await newUser(store)
            let created = try await withThrowingTaskGroup(of: Bool.self) { group in
                for pain in 0..<16 {
                    group.addTask { try await store.upsertCheckin(Checkin(date: day, pain: pain % 11, updatedAt: now), for: user.id) }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(created.filter { $0 }.count == 1, "trial \(trial): \(created.filter { $0 }.count) told created")
        }
        let erased = try await newUser(store)
        _ = try await store.deleteUser(erased.id)
        await #expect(throws: StorageError.userNotFound) {
            _ = try await store.upsertCheckin(Checkin(date: day, pain: 1, updatedAt: now), for: erased.id)
        }
    }

    static let sampleAnswers = IntakeAnswers(weeksSinceBirth: 8, delivery: .vaginal, painAtRest: 2, minutesPerDay: 10, daysPerWeek: 3)
}
