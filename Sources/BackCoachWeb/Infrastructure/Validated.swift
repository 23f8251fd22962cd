import BackCoachCore

/// Runs validation that throws `InputError` and turns its message into a 400 problem.
func validated<T>(_ body: () throws(InputError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw Problem.badRequest(error.message)
    }
}

// The two parsers every interface shares, with their refusal as a 400 problem. Called from async handlers, so they
// are never inlined into them: Swift 6.3.1's optimised build crashes (signal 11 in LLVM's coroutine splitting of
// `saveIntake` and `logSession`) when a typed-throws call is inlined into an async function.

/// Her intake answers, by Core's intake rules.
@inline(never)
func parsedIntake(_ json: JSONValue) throws -> IntakeAnswers {
    try validated { () throws(InputError) in try IntakeParser.parse(json) }
}

/// A session's feedback, by Core's feedback rules.
@inline(never)
func parsedFeedback(_ json: JSONValue?, catalogue: ExerciseCatalogue) throws -> [ExerciseFeedback] {
    try validated { () throws(InputError) in try FeedbackParser.parse(json, catalogue: catalogue) }
}
