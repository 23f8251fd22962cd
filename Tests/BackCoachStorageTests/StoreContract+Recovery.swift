import BackCoachCore
import BackCoachStorage
import Foundation
import Testing

extension StoreContract {
    static func recovery(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        let other = try await newUser(store)
        try await store.replaceRecoveryCodes(["c1-\(user.id)", "c2-\(user.id)"], for: user.id)
        #expect(try await store.recoveryCodesLeft(for: user.id) == 2)
        #expect(try await store.redeemRecovery(hash: "c1-\(user.id)", kind: .code, user: other.id, now: now) == nil, "not hers")
        #expect(try await store.redeemRecovery(hash: "c1-\(user.id)", kind: .link, user: user.id, now: now) == nil, "not a link")
        #expect(try await store.redeemRecovery(hash: "c1-\(user.id)", kind: .code, user: user.id, now: now) == user.id)
        #expect(try await store.redeemRecovery(hash: "c1-\(user.id)", kind: .code, user: user.id, now: now) == nil, "used once")
        #expect(try await store.recoveryCodesLeft(for: user.id) == 1)
        try await store.replaceRecoveryCodes(["c3-\(user.id)"], for: user.id)
        #expect(try await store.redeemRecovery(hash: "c2-\(user.id)", kind: .code, user: user.id, now: now) == nil, "replaced")

        try await store.addResetLink(hash: "l1-\(user.id)", for: user.id, expiresAt: now.addingTimeInterval(3600))
        #expect(try await store.redeemRecovery(hash: "l1-\(user.id)", kind: .link, user: nil, now: now.addingTimeInterval(3601)) == nil)
        try await store.addResetLink(hash: "l2-\(user.id)", for: user.id, expiresAt: now.addingTimeInterval(3600))
        let winners = try await withThrowingTaskGroup(of: UserID?.self) { group in
            for _ in 0..<8 {
                group.addTask { try await store.redeemRecovery(hash: "l2-\(user.id)", kind: .link, user: nil, now: now) }
            }
            return try await group.reduce(into: [UserID?]()) { $0.append($1) }
        }
        #expect(winners.compactMap { $0 }.count == 1, "a link is used once, even by eight at once")
        try await store.rememberDevice(hash: "d1-\(user.id)", for: user.id)
        #expect(try await store.isKnownDevice(hash: "d1-\(user.id)", for: user.id))
        #expect(try await !store.isKnownDevice(hash: "d1-\(user.id)", for: other.id), "known to her account only")
        #expect(try await store.redeemRecovery(hash: "d1-\(user.id)", kind: .code, user: user.id, now: now) == nil, "not a code")
        _ = try await store.deleteUser(user.id)
        #expect(try await store.recoveryCodesLeft(for: user.id) == 0)
        #expect(try await !store.isKnownDevice(hash: "d1-\(user.id)", for: user.id))
    }
}
