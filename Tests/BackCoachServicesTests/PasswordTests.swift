import BackCoachContent
import BackCoachServices
import BackCoachStorage
import Foundation
import HummingbirdBcrypt
import Testing

@Suite("Passwords")
struct PasswordTests {
    static func services(_ store: InMemoryStore) throws -> Services {
        Services(store: store, content: try ContentLibrary.bundled(), passwords: PasswordHasher(cost: 4))
    }

    @Test("A long passphrase counts to its last byte: one that differs only after 72 bytes does not sign in")
    func longPassphrase() async throws {
        let store = InMemoryStore()
        let services = try Self.services(store)
        let base = String(repeating: "long passphrase ", count: 6)  // 96 bytes
        #expect(base.utf8.count > 72)
        _ = try await services.accounts.signUp(email: "long@example.test", password: base + "A")
        _ = try await services.accounts.signIn(email: "long@example.test", password: base + "A", address: "a")
        await #expect(throws: ServiceError.self) {
            _ = try await services.accounts.signIn(email: "long@example.test", password: base + "B", address: "a")
        }
    }

    @Test("Control characters are refused, so a NUL can't cut a password short")
    func controls() async throws {
        let services = try Self.services(InMemoryStore())
        for password in ["\u{0}anything at all", "ten chars\u{0}and more", "tab\tinside here"] {
            await #expect(throws: ServiceError.self) {
                _ = try await services.accounts.signUp(email: "nul-\(UUID())@example.test", password: password)
            }
        }
    }

    @Test("An older plain-bcrypt hash still signs in, and is replaced by the pre-hashed form on the way")
    func legacyUpgrade() async throws {
        let store = InMemoryStore()
        let services = try Self.services(store)
        let legacy = Bcrypt.hash("an older password", cost: 4)
        let user = User(id: UserID(), email: "old@example.test", passwordHash: legacy, createdAt: Date(), calendarSecret: "cal")
        try await store.createUser(user)
        #expect(PasswordHasher.needsUpgrade(legacy))
        _ = try await services.accounts.signIn(email: "old@example.test", password: "an older password", address: "a")
        let upgraded = try #require(await store.user(id: user.id)?.passwordHash)
        #expect(!PasswordHasher.needsUpgrade(upgraded))
        _ = try await services.accounts.signIn(email: "old@example.test", password: "an older password", address: "a")
    }
}

@Suite("Lock-out")
struct LockOutTests {
    @Test("Guesses from elsewhere reach the account-wide limit, but a browser that signed in before still gets to try")
    func knownDevice() async throws {
        let store = InMemoryStore()
        let throttle = SignInThrottle(store: store, maxPerAccount: 5, maxPerAddress: 100, maxPerAccountEverywhere: 3)
        let services = Services(store: store, content: try ContentLibrary.bundled(), passwords: PasswordHasher(cost: 4), throttle: throttle)
        let user = try await services.accounts.signUp(email: "owner@example.test", password: "the owner's passphrase")
        let device = try await services.accounts.rememberDevice(nil, for: user.id)
        for address in ["a", "b", "c"] {
            await #expect(throws: ServiceError.self) {
                _ = try await services.accounts.signIn(email: "owner@example.test", password: "a stranger's guess", address: address)
            }
        }
        do {
            _ = try await services.accounts.signIn(email: "owner@example.test", password: "a stranger's guess", address: "d")
            Issue.record("a fourth address should be refused")
        } catch let error as ServiceError {
            #expect(error.kind == .tooManyRequests)
        }
        let owner = try await services.accounts.signIn(
            email: "owner@example.test", password: "the owner's passphrase", address: "home", device: device)
        #expect(owner.id == user.id)
        #expect(try await services.accounts.rememberDevice(device, for: user.id) == device, "a known browser keeps its cookie")
    }
}
