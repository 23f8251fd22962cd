import BackCoachCore
import BackCoachStorage
import Foundation
import Testing

/// The web wizard's draft: kept whole, changed atomically, ended by the intake it leads to and by erasure.
extension StoreContract {
    static func intakeDrafts(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        #expect(try await store.intakeDraft(for: user.id) == nil)
        let draft = IntakeDraft(
            values: ["rf.RF-01": ["no"], "q.painAreas": ["lowBack", "pelvis"]], raisedAt: ["rf.RF-03": now], step: 2, updatedAt: now)
        let first = try await store.changeIntakeDraft(for: user.id) { old in old == nil ? draft : IntakeDraft(updatedAt: now) }
        #expect(first == draft, "a first change starts from no draft")
        #expect(try await store.intakeDraft(for: user.id) == draft)
        let moved = try await store.changeIntakeDraft(for: user.id) { old in
            var next = old!
            next.step = 3
            return next
        }
        #expect(moved.step == 3 && moved.values == draft.values)
        #expect(try await store.intakeDraft(for: user.id) == moved)

        // Saving the intake ends the draft; so does deleting it, or the account.
        try await store.saveIntake(sampleAnswers, program: nil, for: user.id, now: now)
        #expect(try await store.intakeDraft(for: user.id) == nil)
        _ = try await store.changeIntakeDraft(for: user.id) { _ in draft }
        try await store.deleteIntakeDraft(for: user.id)
        #expect(try await store.intakeDraft(for: user.id) == nil)
        _ = try await store.changeIntakeDraft(for: user.id) { _ in draft }
        _ = try await store.deleteUser(user.id)
        #expect(try await store.intakeDraft(for: user.id) == nil)
        await #expect(throws: StorageError.userNotFound) { try await store.changeIntakeDraft(for: user.id) { _ in draft } }
    }

    /// Two tabs saving different steps at the same moment: both answers are in the draft afterwards.
    static func draftStepsBothLand(_ store: any BackCoachStore) async throws {
        for trial in 0..<raceTrials {
            let user = try await newUser(store)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for field in ["q.delivery", "q.painAtRest", "q.daysPerWeek"] {
                    group.addTask {
                        _ = try await store.changeIntakeDraft(for: user.id) { old in
                            var next = old ?? IntakeDraft(updatedAt: now)
                            next.values[field] = ["1"]
                            return next
                        }
                    }
                }
                try await group.waitForAll()
            }
            let values = try await store.intakeDraft(for: user.id)?.values ?? [:]
            #expect(values.keys.sorted() == ["q.daysPerWeek", "q.delivery", "q.painAtRest"], "trial \(trial): a step was lost")
        }
    }
}
