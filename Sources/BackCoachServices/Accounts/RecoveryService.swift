import BackCoachStorage
import Foundation
import Logging

/// A way back into a forgotten account: recovery codes (shown once, each good once), and, where a mail server is
/// configured, a reset link by e-mail (good once, for an hour). Either ends every other session and token.
public struct RecoveryService: Sendable {
    let context: ServiceContext
    let accounts: AccountService
    let mailer: (any Mailer)?

    public static let codesPerSet = 8
    public static let linkLifetime: TimeInterval = 3600
    /// Lower case letters and digits that can't be misread for each other (no 0/o, 1/l/i).
    static let codeAlphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    /// Whether reset links can be sent at all (else the page offers recovery codes only).
    public var canSendLinks: Bool { mailer != nil }

    /// A new set of codes, replacing any earlier set; the only time they are seen.
    public func newCodes(for user: User) async throws -> [String] {
        var generator = SystemRandomNumberGenerator()
        let codes = (0..<Self.codesPerSet).map { _ in
            (0..<3).map { _ in String((0..<4).map { _ in Self.codeAlphabet.randomElement(using: &generator)! }) }.joined(separator: "-")
        }
        try await context.store.replaceRecoveryCodes(codes.map { Secrets.hash(Self.normalized($0)) }, for: user.id)
        return codes
    }

    public func codesLeft(for user: User) async throws -> Int {
        try await context.store.recoveryCodesLeft(for: user.id)
    }

    /// Spaces, dashes and capitals don't matter when she types a code back.
    static func normalized(_ code: String) -> String {
        code.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// Sets a new password with one of her codes. Counted by the sign-in throttle like a password guess.
    public func recover(email: String?, code: String?, newPassword: String?, address: String) async throws -> User {
        let checked = try AccountService.validate(email: email, password: newPassword, checkStrength: true)
        let attempt = try await accounts.throttle.begin(email: checked.email, address: address, now: context.now())
        let refused = ServiceError(.unauthorized, "That e-mail and recovery code don't match. Check the code and try again.")
        guard let user = try await context.store.user(email: checked.email), let code, !Self.normalized(code).isEmpty,
            try await context.store.redeemRecovery(
                hash: Secrets.hash(Self.normalized(code)), kind: .code, user: user.id, now: context.now()) != nil
        else { throw refused }
        try await attempt.succeeded()
        return try await setPassword(checked.password, for: user)
    }

    /// E-mails a reset link when the address has an account. The answer is the same either way, so nobody learns
    /// who uses BackCoach; a failed delivery is logged, never shown.
    public func sendResetLink(email: String?, address: String, publicBaseURL: String, logger: Logger) async throws {
        guard let mailer else {
            throw ServiceError(.conflict, "This BackCoach can't send e-mail. Use one of your recovery codes instead.")
        }
        guard let email = email?.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping.lowercased(),
            !email.isEmpty
        else { throw ServiceError.invalid("Please enter your e-mail address.", field: "email") }
        try await accounts.throttle.countSignUp(address: "reset:\(address)", now: context.now())
        guard let user = try await context.store.user(email: email) else { return }
        let token = Secrets.random()
        try await context.store.addResetLink(
            hash: Secrets.hash(token), for: user.id, expiresAt: context.now().addingTimeInterval(Self.linkLifetime))
        let body = """
            Someone asked to reset the password of your BackCoach account.

            To choose a new password, open this link within an hour:
            \(publicBaseURL)/reset?token=\(token)

            If it wasn't you, you can ignore this e-mail: your password stays as it is.
            """
        do {
            try await mailer.send(to: user.email, subject: "Reset your BackCoach password", body: body)
        } catch {
            logger.error("Password reset mail not sent", metadata: ["error": "\(error)"])
        }
    }

    /// Sets a new password with a reset link's token.
    public func reset(token: String?, newPassword: String?) async throws -> User {
        let refused = ServiceError(.invalid, "This reset link has expired or was already used. Ask for a new one.", field: "token")
        guard let token, !token.isEmpty,
            let id = try await context.store.redeemRecovery(hash: Secrets.hash(token), kind: .link, user: nil, now: context.now()),
            let user = try await context.store.user(id: id)
        else { throw refused }
        let checked = try AccountService.validate(email: user.email, password: newPassword, checkStrength: true)
        return try await setPassword(checked.password, for: user)
    }

    func setPassword(_ password: String, for user: User) async throws -> User {
        try await context.store.setPasswordHash(try await accounts.passwords.hash(password), for: user.id)
        try await context.store.endSessions(for: user.id)
        return user
    }
}
