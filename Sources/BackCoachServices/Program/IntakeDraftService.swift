import BackCoachCore
import BackCoachStorage
import Foundation

/// The web wizard's answers so far, kept on the server step by step: Back, Forward, a reload or a detour to
/// another page never loses one. Saving the intake (`ProgramService.saveIntake`) ends the draft.
public struct IntakeDraftService: Sendable {
    let context: ServiceContext

    public func draft(for user: User) async throws -> IntakeDraft? {
        try await context.store.intakeDraft(for: user.id)
    }

    /// Stores one step's answers. Every name in `fields` takes what was sent (a name sent with no value, like a
    /// checkbox list left empty, is cleared); other answers stay as they were, so two tabs never undo each other.
    /// A safety answer named in `raised` keeps the time it was first given. `step` is where she goes next. A new
    /// draft starts from `startingFrom` (her saved answers, when she is changing them).
    @discardableResult
    public func save(
        _ values: [String: [String]], fields: Set<String>, raised: Set<String>, step: Int, startingFrom: [String: [String]] = [:],
        for user: User
    ) async throws -> IntakeDraft {
        let now = context.now()
        return try await change(for: user, startingFrom: startingFrom) { draft in
            for name in fields {
                let sent = (values[name] ?? []).filter { !$0.isEmpty }
                draft.values[name] = sent.isEmpty ? nil : sent
                if raised.contains(name) {
                    draft.raisedAt[name] = draft.raisedAt[name] ?? now
                } else {
                    draft.raisedAt[name] = nil
                }
            }
            draft.step = max(0, step)
            draft.updatedAt = now
        }
    }

    /// Moves where she resumes, keeping every answer.
    public func move(to step: Int, for user: User) async throws {
        let now = context.now()
        try await change(for: user) { draft in
            draft.step = max(0, step)
            draft.updatedAt = now
        }
    }

    @discardableResult
    private func change(
        for user: User, startingFrom: [String: [String]] = [:], _ edit: @escaping @Sendable (inout IntakeDraft) -> Void
    ) async throws -> IntakeDraft {
        do {
            return try await context.store.changeIntakeDraft(for: user.id) { old in
                var draft = old ?? IntakeDraft(values: startingFrom, updatedAt: .distantPast)
                edit(&draft)
                return draft
            }
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("This account no longer exists.")
        }
    }
}
