import Foundation

/// Accounts, API tokens and calendar secrets.
public protocol AccountStore: Sendable {
    /// Creates a user; throws `StorageError.emailTaken` if the e-mail is in use.
    func createUser(_ user: User) async throws
    func user(email: String) async throws -> User?
    func user(id: UserID) async throws -> User?
    func user(calendarSecret: String) async throws -> User?
    func setCalendarSecret(_ secret: String, for user: UserID) async throws
    func setPainCeiling(_ ceiling: Int?, for user: UserID) async throws
    /// Her country and time zone, both at once (nil clears one).
    func setPlace(country: String?, timeZone: String?, for user: UserID) async throws
    func setPasswordHash(_ hash: String, for user: UserID) async throws
    /// Throws `StorageError.emailTaken` if another account has it.
    func setEmail(_ email: String, for user: UserID) async throws
    /// Stores only the token's hash; the token itself is shown once and never stored.
    func addToken(hash: String, for user: UserID, now: Date) async throws
    func user(tokenHash: String) async throws -> User?
    /// Returns false when no such token existed.
    func revokeToken(hash: String) async throws -> Bool
    func addWebSession(_ session: WebSession) async throws
    /// The session and its user, if it exists and has not expired by `now`.
    func webSession(hash: String, now: Date) async throws -> (WebSession, User)?
    /// Moves a browser session's end to `expiresAt` (a mother who opens the app keeps it open); nothing when it is gone.
    func renewWebSession(hash: String, expiresAt: Date) async throws
    func deleteWebSession(hash: String) async throws
    /// Ends every browser session and API token of the account (after a password change).
    func endSessions(for user: UserID) async throws
    /// Replaces her recovery codes (their hashes) with a new set.
    func replaceRecoveryCodes(_ hashes: [String], for user: UserID) async throws
    /// Unused recovery codes she has left.
    func recoveryCodesLeft(for user: UserID) async throws -> Int
    /// Remembers a browser that signed in with the right password (its secret's hash).
    func rememberDevice(hash: String, for user: UserID) async throws
    func isKnownDevice(hash: String, for user: UserID) async throws -> Bool
    /// A password-reset link (its hash), good once until `expiresAt`.
    func addResetLink(hash: String, for user: UserID, expiresAt: Date) async throws
    /// Uses a recovery secret once: marks it used if it is unused and unexpired (and hers, when `user` is given) and
    /// returns whose it was; nil when there is no such secret. Two redemptions of one secret: exactly one succeeds.
    func redeemRecovery(hash: String, kind: RecoveryKind, user: UserID?, now: Date) async throws -> UserID?
    /// Erases the user and every row that belongs to them, in one transaction.
    func deleteUser(_ user: UserID) async throws -> ErasureReport
}
