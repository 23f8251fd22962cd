import BackCoachStorage
import Foundation

/// Sign-up, sign-in, API tokens, browser sessions and erasing an account: the same rules on every interface.
public struct AccountService: Sendable {
    let context: ServiceContext
    let passwords: PasswordHasher
    let throttle: SignInThrottle

    public static let minimumPasswordLength = 10
    public static let maximumPasswordLength = 200
    /// Measured in bytes too: a long passphrase in a script with wide characters is still one bcrypt input (pre-hashed).
    public static let maximumPasswordBytes = 1024
    /// How long a browser stays signed in without signing in again.
    public static let webSessionLifetime: TimeInterval = 30 * 24 * 3600

    /// Checks and normalises an e-mail and password; each message names the field it is about.
    public static func validate(email rawEmail: String?, password: String?, checkStrength: Bool) throws(ServiceError)
        -> (email: String, password: String)
    {
        // One spelling per address: composed (NFC) and lower-cased, so look-alike encodings are one account.
        guard let email = rawEmail?.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping.lowercased(),
            !email.isEmpty
        else {
            throw .invalid("Please enter your e-mail address.", field: "email")
        }
        guard email.count <= 254, !email.unicodeScalars.contains(where: Self.isControl),
            email.wholeMatch(of: /[^@\s]+@[^@\s]+\.[^@\s]+/) != nil
        else { throw .invalid("Your e-mail must look like name@example.com.", field: "email") }
        guard let password, !password.isEmpty else { throw .invalid("Please enter a password.", field: "password") }
        guard password.count <= maximumPasswordLength else {
            throw .invalid("Your password must be at most \(maximumPasswordLength) characters.", field: "password")
        }
        guard !password.unicodeScalars.contains(where: Self.isControl) else {
            throw .invalid("Your password can't contain control characters such as tabs or line breaks.", field: "password")
        }
        guard password.utf8.count <= maximumPasswordBytes else {
            throw .invalid("Your password is too long: keep it under \(maximumPasswordBytes) bytes.", field: "password")
        }
        if checkStrength && password.count < minimumPasswordLength {
            throw .invalid("Your password must be at least \(minimumPasswordLength) characters.", field: "password")
        }
        return (email, password)
    }

    /// A clinician's name or profession: 2 to 100 characters of plain text.
    public static func checkedLabel(_ raw: String?, field: String, what: String) throws(ServiceError) -> String {
        let text = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .invalid("Please enter \(what).", field: field) }
        guard (2...100).contains(text.count), !text.unicodeScalars.contains(where: Self.isControl) else {
            throw .invalid("Please keep \(what) to 2 to 100 characters of plain text.", field: field)
        }
        return text
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
    }

    /// Creates an account with the sign-up rules. `address` (the caller's network address; nil for an operator at
    /// the command line) is throttled, so nobody can make accounts, or probe which e-mails have one, in bulk.
    /// `country` and `timeZone` are optional; a bad one is refused before anything is stored. `clinician` makes a
    /// clinician's account, with the name and profession they give (nobody can check a registration here).
    public func signUp(
        email: String?, password: String?, country: String? = nil, timeZone: String? = nil, address: String? = nil,
        clinician: (name: String?, profession: String?)? = nil
    ) async throws -> User {
        let checked = try Self.validate(email: email, password: password, checkStrength: true)
        let name = try clinician.map { try Self.checkedLabel($0.name, field: "name", what: "your name") }
        let profession = try clinician.map { try Self.checkedLabel($0.profession, field: "profession", what: "your profession") }
        let country = try ProfileService.checkedCountry(country)
        let timeZone = try ProfileService.checkedTimeZone(timeZone)
        if let address { try await throttle.countSignUp(address: address, now: context.now()) }
        let user = User(
            id: UserID(), email: checked.email, passwordHash: try await passwords.hash(checked.password), createdAt: context.now(),
            calendarSecret: Secrets.random(), country: country, timeZone: timeZone, role: clinician == nil ? .client : .clinician,
            displayName: name, profession: profession)
        do {
            try await context.store.createUser(user)
        } catch StorageError.emailTaken {
            throw ServiceError.conflict("An account with this e-mail already exists. Sign in instead.")
        }
        return user
    }

    /// Throttled per account and per address; an unknown e-mail and a wrong password get the same answer.
    /// `device` is the secret of the browser's device cookie, if it has one (see `rememberDevice`).
    public func signIn(email: String?, password: String?, address: String, device: String? = nil) async throws -> User {
        let checked = try Self.validate(email: email, password: password, checkStrength: false)
        let user = try await context.store.user(email: checked.email)
        var known = false
        if let device, let user { known = try await context.store.isKnownDevice(hash: Secrets.hash(device), for: user.id) }
        let attempt = try await throttle.begin(email: checked.email, address: address, knownDevice: known, now: context.now())
        let valid: Bool
        if let user {
            valid = try await passwords.verify(checked.password, hash: user.passwordHash)
        } else {
            try await passwords.burnTime(checked.password)
            valid = false
        }
        guard valid, let user else { throw ServiceError(.unauthorized, "That e-mail and password don't match an account.") }
        try await attempt.succeeded()
        if PasswordHasher.needsUpgrade(user.passwordHash) {
            try await context.store.setPasswordHash(try await passwords.hash(checked.password), for: user.id)
        }
        return user
    }

    /// Changes her password after checking the current one; every other browser session and API token ends.
    /// Returns a new API token for the caller (the one it used is gone with the rest).
    public func changePassword(current: String?, new: String?, for user: User) async throws {
        guard let current, try await passwords.verify(current, hash: user.passwordHash) else {
            throw ServiceError(.invalid, "Your current password is not right.", field: "current")
        }
        let checked = try Self.validate(email: user.email, password: new, checkStrength: true)
        try await context.store.setPasswordHash(try await passwords.hash(checked.password), for: user.id)
        try await context.store.endSessions(for: user.id)
    }

    /// Remembers this browser for the account and returns the secret for its cookie; an already known one is kept.
    public func rememberDevice(_ device: String?, for user: UserID) async throws -> String {
        if let device, try await context.store.isKnownDevice(hash: Secrets.hash(device), for: user) { return device }
        let secret = Secrets.random()
        try await context.store.rememberDevice(hash: Secrets.hash(secret), for: user)
        return secret
    }

    /// Changes her e-mail after checking her password. Returns her updated account.
    public func changeEmail(to newEmail: String?, password: String?, for user: User) async throws -> User {
        guard let password, try await passwords.verify(password, hash: user.passwordHash) else {
            throw ServiceError(.invalid, "Your password is not right.", field: "password")
        }
        let checked = try Self.validate(email: newEmail, password: password, checkStrength: false)
        do {
            try await context.store.setEmail(checked.email, for: user.id)
        } catch StorageError.emailTaken {
            throw ServiceError.conflict("Another account already uses this e-mail.")
        }
        return User(
            id: user.id, email: checked.email, passwordHash: user.passwordHash, createdAt: user.createdAt,
            calendarSecret: user.calendarSecret, painCeiling: user.painCeiling)
    }

    /// A new API token; only its hash is stored, so this is the one time it is seen.
    public func issueToken(for user: UserID) async throws -> String {
        let token = Secrets.random()
        try await context.store.addToken(hash: Secrets.hash(token), for: user, now: context.now())
        return token
    }

    public func user(forToken token: String) async throws -> User? {
        try await context.store.user(tokenHash: Secrets.hash(token))
    }

    public func revokeToken(_ token: String) async throws {
        _ = try await context.store.revokeToken(hash: Secrets.hash(token))
    }

    /// Starts a browser session; returns the cookie value (only its hash is stored).
    public func startWebSession(for user: UserID) async throws -> String {
        let token = Secrets.random()
        try await context.store.addWebSession(
            WebSession(
                tokenHash: Secrets.hash(token), userID: user, csrfToken: Secrets.random(),
                expiresAt: context.now().addingTimeInterval(Self.webSessionLifetime)))
        return token
    }

    /// The browser session behind a cookie, if it is still valid. A session used in the second half of its life is
    /// renewed for a whole one (`renewed`, so the cookie is sent again): a mother who opens the app every day is never
    /// signed out by the calendar; one who stays away 30 days is. At most one write per session in 15 days.
    public func webSession(cookie: String) async throws -> (session: WebSession, user: User, renewed: Bool)? {
        let hash = Secrets.hash(cookie)
        let now = context.now()
        guard let (session, user) = try await context.store.webSession(hash: hash, now: now) else { return nil }
        guard session.expiresAt.timeIntervalSince(now) < Self.webSessionLifetime / 2 else { return (session, user, false) }
        let renewed = WebSession(
            tokenHash: hash, userID: user.id, csrfToken: session.csrfToken, expiresAt: now.addingTimeInterval(Self.webSessionLifetime))
        try await context.store.renewWebSession(hash: hash, expiresAt: renewed.expiresAt)
        return (renewed, user, true)
    }

    /// Ends the session on the server, not just in the browser.
    public func endWebSession(cookie: String) async throws {
        try await context.store.deleteWebSession(hash: Secrets.hash(cookie))
    }

    /// Erases the account and everything in it.
    public func deleteAccount(_ user: UserID) async throws -> ErasureReport {
        try await context.store.deleteUser(user)
    }
}
