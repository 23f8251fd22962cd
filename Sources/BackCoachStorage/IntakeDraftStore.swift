import BackCoachCore
import Foundation

/// An intake the web wizard has not finished: what she has answered so far, kept on the server so Back, a reload
/// or a detour to another page never loses an answer.
public struct IntakeDraft: Codable, Equatable, Sendable {
    /// Her answers as the wizard's form fields name them (`q.delivery`, `rf.RF-03`, `fu.RF-06-sepsis`).
    public var values: [String: [String]]
    /// When each safety answer now raised ("yes" or "not sure") was first given, by field name.
    public var raisedAt: [String: Date]
    /// The step she was last sent to, so a return resumes there.
    public var step: Int
    public var updatedAt: Date

    public init(values: [String: [String]] = [:], raisedAt: [String: Date] = [:], step: Int = 0, updatedAt: Date) {
        self.values = values
        self.raisedAt = raisedAt
        self.step = step
        self.updatedAt = updatedAt
    }
}

/// One draft per person. Saving her intake removes it in the same transaction.
public protocol IntakeDraftStore: Sendable {
    func intakeDraft(for user: UserID) async throws -> IntakeDraft?
    /// Reads her draft (nil when there is none), hands it to `change` and stores what it returns, in one transaction:
    /// two tabs saving steps at the same moment both land. Throws `StorageError.userNotFound` when the account is gone.
    func changeIntakeDraft(
        for user: UserID, _ change: @escaping @Sendable (IntakeDraft?) throws -> IntakeDraft
    ) async throws -> IntakeDraft
    func deleteIntakeDraft(for user: UserID) async throws
}
