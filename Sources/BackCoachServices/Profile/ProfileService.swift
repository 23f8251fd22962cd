import BackCoachStorage

/// Her own settings.
public struct ProfileService: Sendable {
    let context: ServiceContext

    /// Her own pain limit (0–10), or nil for the plan's default. Returns her updated account.
    public func setPainCeiling(_ ceiling: Int?, for user: User) async throws -> User {
        if let ceiling, !(0...10).contains(ceiling) {
            throw ServiceError.invalid("Please choose a pain limit from 0 to 10.", field: "ceiling")
        }
        do {
            try await context.store.setPainCeiling(ceiling, for: user.id)
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("This account no longer exists.")
        }
        var updated = user
        updated.painCeiling = ceiling
        return updated
    }
}
