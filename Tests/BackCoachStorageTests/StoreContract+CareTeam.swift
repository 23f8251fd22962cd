import BackCoachCore
import BackCoachStorage
import Foundation
import Testing

/// Shares with clinicians: a code redeemed once, open until she revokes it, a log only while open, a clinician's
/// change atomic with the check that the share is open, and nothing left after erasure.
extension StoreContract {
    static func newClinician(_ store: any BackCoachStore) async throws -> User {
        let id = UserID()
        let user = User(
            id: id, email: "\(id)@clinic.test", passwordHash: "hash", createdAt: now, calendarSecret: "cal-\(id)", role: .clinician,
            displayName: "Dr Ada Lane", profession: "Pelvic-health physiotherapist")
        try await store.createUser(user)
        return user
    }

    static func invitation(_ store: any BackCoachStore, for client: UserID) async throws -> Share {
        let share = Share(client: client, codeHash: "code-\(UUID())", createdAt: now, expiresAt: now.addingTimeInterval(7 * 86_400))
        try await store.addShare(share)
        return share
    }

    /// A mother with a program record and an open share with a new clinician.
    static func openShareWithPlan(_ store: any BackCoachStore) async throws -> (mother: User, clinician: User, share: Share) {
        let mother = try await newUser(store)
        let clinician = try await newClinician(store)
        let share = try await invitation(store, for: mother.id)
        _ = try await store.acceptShare(codeHash: share.codeHash, clinician: clinician.id, now: now)
        let record = ProgramRecord(startDate: day, state: ProgramState(phase: .gentleRebuilding))
        try await store.saveIntake(sampleAnswers, program: record, for: mother.id, now: now)
        return (mother, clinician, share)
    }

    static func careTeam(_ store: any BackCoachStore) async throws {
        let mother = try await newUser(store)
        let clinician = try await newClinician(store)
        let other = try await newClinician(store)
        #expect(try await store.user(id: clinician.id) == clinician, "role, name and profession are kept")
        let share = try await invitation(store, for: mother.id)
        #expect(try await store.shares(client: mother.id) == [share])
        #expect(try await store.activeShare(client: mother.id, clinician: clinician.id) == nil, "a waiting code opens nothing")
        let expiredLater = now.addingTimeInterval(8 * 86_400)
        #expect(try await store.acceptShare(codeHash: share.codeHash, clinician: clinician.id, now: expiredLater) == nil, "expired")
        let accepted = try #require(try await store.acceptShare(codeHash: share.codeHash, clinician: clinician.id, now: now))
        #expect(accepted.clinician == clinician.id && accepted.acceptedAt == now)
        #expect(try await store.acceptShare(codeHash: share.codeHash, clinician: other.id, now: now) == nil, "a code is used once")
        #expect(try await store.activeShare(client: mother.id, clinician: clinician.id)?.id == share.id)
        #expect(try await store.activeShare(client: mother.id, clinician: other.id) == nil)
        #expect(try await store.shares(clinician: clinician.id).map(\.client) == [mother.id])
        #expect(try await store.shares(clinician: other.id).isEmpty)

        let viewed = CareEvent(shareID: share.id, client: mother.id, clinician: clinician.id, at: now, kind: .viewed, summary: "Looked.")
        #expect(try await store.logCareEvent(viewed))
        let log = try await store.careEvents(client: mother.id, limit: 10)
        #expect(log.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.linked, .viewed])
        #expect(try await store.careEvents(client: clinician.id, limit: 10).isEmpty)

        #expect(try await store.revokeShare(share.id, client: other.id, now: now) == false, "only hers to revoke")
        let later = now.addingTimeInterval(60)
        #expect(try await store.revokeShare(share.id, client: mother.id, now: later))
        #expect(try await store.revokeShare(share.id, client: mother.id, now: later) == false)
        #expect(try await store.activeShare(client: mother.id, clinician: clinician.id) == nil, "revoked at once")
        #expect(try await store.shares(clinician: clinician.id).isEmpty)
        #expect(try await store.logCareEvent(viewed) == false, "nothing is logged under a revoked share")
        #expect(try await store.careEvents(client: mother.id, limit: 10).first?.kind == .revoked)
        await #expect(throws: StorageError.shareEnded) {
            try await store.adjustProgram(client: mother.id, clinician: clinician.id) {
                _ -> (record: ProgramRecord, event: CareEvent, result: Int) in
                Issue.record("a revoked share must not reach the change")
                throw StorageError.shareEnded
            }
        }
    }

    static func careTeamAdjustment(_ store: any BackCoachStore) async throws {
        let (mother, clinician, share) = try await openShareWithPlan(store)
        let result = try await store.adjustProgram(client: mother.id, clinician: clinician.id) { stored in
            var changed = try #require(stored)
            changed.state.adjustments.painCeiling = 5
            changed.state.adjustments.excluded = ["clams"]
            let event = CareEvent(
                shareID: share.id, client: mother.id, clinician: clinician.id, at: now, kind: .adjusted,
                summary: "Set your pain limit to 5 out of 10.", reason: "Seen in clinic today.")
            return (changed, event, "done")
        }
        #expect(result == "done")
        #expect(try await store.program(for: mother.id)?.state.adjustments == ClinicianAdjustments(painCeiling: 5, excluded: ["clams"]))
        #expect(try await store.careEvents(client: mother.id, limit: 1).first?.reason == "Seen in clinic today.")

        // Erasure takes every share and log line, hers or the clinician's.
        let report = try await store.deleteUser(mother.id)
        #expect(report.shares == 1)
        #expect(try await store.shares(clinician: clinician.id).isEmpty)
        let second = try await newUser(store)
        let again = try await invitation(store, for: second.id)
        _ = try await store.acceptShare(codeHash: again.codeHash, clinician: clinician.id, now: now)
        _ = try await store.deleteUser(clinician.id)
        #expect(try await store.shares(client: second.id).isEmpty)
        #expect(try await store.careEvents(client: second.id, limit: 10).isEmpty)
    }

    /// Two clinicians redeem one code at the same moment: exactly one gets it.
    static func shareCodeRedeemedOnce(_ store: any BackCoachStore) async throws {
        for trial in 0..<raceTrials {
            let mother = try await newUser(store)
            let share = try await invitation(store, for: mother.id)
            let a = try await newClinician(store)
            let b = try await newClinician(store)
            let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
                for clinician in [a, b] {
                    group.addTask { try await store.acceptShare(codeHash: share.codeHash, clinician: clinician.id, now: now) != nil }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(winners == 1, "trial \(trial)")
        }
    }

    /// A revocation and a clinician's change at the same moment: either the change landed before the revocation
    /// (and is in her log), or it was refused; never a change after she revoked.
    static func revokeAgainstAdjustment(_ store: any BackCoachStore) async throws {
        for trial in 0..<raceTrials {
            let (mother, clinician, share) = try await openShareWithPlan(store)
            async let revoked = store.revokeShare(share.id, client: mother.id, now: now.addingTimeInterval(1))
            async let adjusted: Bool = {
                do {
                    try await store.adjustProgram(client: mother.id, clinician: clinician.id) { stored in
                        var changed = stored!
                        changed.state.adjustments.note = "Rest today."
                        let event = CareEvent(
                            shareID: share.id, client: mother.id, clinician: clinician.id, at: now, kind: .adjusted, summary: "Note.")
                        return (changed, event, ())
                    }
                    return true
                } catch StorageError.shareEnded {
                    return false
                }
            }()
            #expect(try await revoked, "trial \(trial)")
            let changed = try await adjusted
            let note = try await store.program(for: mother.id)?.state.adjustments.note
            #expect((note != nil) == changed, "trial \(trial): the change and its outcome agree")
            let kinds = try await store.careEvents(client: mother.id, limit: 10).map(\.kind)
            #expect(kinds.contains(.adjusted) == changed, "trial \(trial): a landed change is in her log")
        }
    }
}
