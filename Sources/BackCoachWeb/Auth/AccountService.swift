import BackCoachStorage
import Foundation

/// Sign-up and sign-in rules shared by the API and the web pages.
public struct AccountService {
    let dependencies: WebDependencies

    public static let minimumPasswordLength = 10

    /// Checks and normalises an e-mail and password; the messages name the field.
    public static func validate(email rawEmail: String?, password: String?, checkStrength: Bool) throws -> (email: String, password: String)
    {
        guard let email = rawEmail?.trimmingCharacters(in: .whitespaces).lowercased(), !email.isEmpty else {
            throw Problem.badRequest("email is required.")
        }
        guard email.count <= 254, email.wholeMatch(of: /[^@\s]+@[^@\s]+\.[^@\s]+/) != nil else {
            throw Problem.badRequest("email must look like name@example.com.")
        }
        guard let password, !password.isEmpty else { throw Problem.badRequest("password is required.") }
        guard password.count <= 200 else { throw Problem.badRequest("password must be at most 200 characters.") }
        if checkStrength && password.count < minimumPasswordLength {
            throw Problem.badRequest("password must be at least \(minimumPasswordLength) characters.")
        }
        return (email, password)
    }

    func signUp(email: String, password: String) async throws -> User {
        let user = User(
            id: UserID(), email: email, passwordHash: try await dependencies.passwords.hash(password), createdAt: dependencies.now(),
            calendarSecret: Secrets.random())
        do {
            try await dependencies.store.createUser(user)
        } catch StorageError.emailTaken {
            throw Problem(.conflict, "An account with this e-mail already exists. Sign in instead.")
        }
        return user
    }

    /// Throttled per account and per address; an unknown e-mail and a wrong password get the same answer.
    func signIn(email: String, password: String, address: String) async throws -> User {
        let now = dependencies.now()
        try await dependencies.throttle.check(email: email, address: address, now: now)
        let user = try await dependencies.store.user(email: email)
        let valid: Bool
        if let user {
            valid = try await dependencies.passwords.verify(password, hash: user.passwordHash)
        } else {
            try await dependencies.passwords.burnTime(password)
            valid = false
        }
        guard valid, let user else {
            try await dependencies.throttle.recordFailure(email: email, address: address, now: now)
            throw Problem(.unauthorized, "That e-mail and password don't match an account.")
        }
        try await dependencies.throttle.recordSuccess(email: email)
        return user
    }

    func issueToken(for user: UserID) async throws -> String {
        let token = Secrets.random()
        try await dependencies.store.addToken(hash: Secrets.hash(token), for: user, now: dependencies.now())
        return token
    }

    /// How long a browser stays signed in without signing in again.
    static let webSessionLifetime: TimeInterval = 30 * 24 * 3600

    /// Starts a browser session; returns the cookie value (only its hash is stored).
    func startWebSession(for user: UserID) async throws -> String {
        let token = Secrets.random()
        try await dependencies.store.addWebSession(
            WebSession(
                tokenHash: Secrets.hash(token), userID: user, csrfToken: Secrets.random(),
                expiresAt: dependencies.now().addingTimeInterval(Self.webSessionLifetime)))
        return token
    }
}
