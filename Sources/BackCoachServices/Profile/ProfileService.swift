import BackCoachCore
import BackCoachStorage

/// Her own settings.
public struct ProfileService: Sendable {
    let context: ServiceContext

    /// The highest pain limit she may choose: the cautious default for her situation (reference 5.1); before her
    /// answers are in, the most cautious one.
    public func highestPainCeiling(for user: User) async throws -> Int {
        guard let answers = try await context.store.intake(for: user.id)?.answers else { return PainCeiling.cautious }
        return PainCeiling.defaultCeiling(for: ProgramContext(answers: answers))
    }

    /// Her own pain limit, or nil for the plan's default. She may lower it, never raise it above the default for
    /// her situation: a higher limit is a clinician's decision. Returns her updated account.
    public func setPainCeiling(_ ceiling: Int?, for user: User) async throws -> User {
        if let ceiling {
            let highest = try await highestPainCeiling(for: user)
            guard (0...highest).contains(ceiling) else {
                throw ServiceError.invalid(
                    "Please choose a pain limit from 0 to \(highest). A higher limit is for your physio or doctor to set.", field: "ceiling"
                )
            }
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
