import BackCoachCore

/// Runs validation that throws `InputError` and turns its message into a 400 problem.
func validated<T>(_ body: () throws(InputError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw Problem.badRequest(error.message)
    }
}
