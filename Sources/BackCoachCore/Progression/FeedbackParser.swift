/// Parses the per-exercise feedback list of a finished session, with one-line errors naming the field.
public enum FeedbackParser {
    public static let maxExercises = 20

    public static func parse(_ value: JSONValue?, catalogue: ExerciseCatalogue) throws(InputError) -> [ExerciseFeedback] {
        guard case .array(let items) = value else { throw InputError("exercises is required: a list of the exercises you did") }
        guard (1...maxExercises).contains(items.count) else {
            throw InputError("exercises must list 1 to \(maxExercises) exercises (got \(items.count))")
        }
        var seen = Set<String>()
        var result: [ExerciseFeedback] = []
        for (index, item) in items.enumerated() {
            let name = "exercises[\(index)]"
            guard case .object(let fields) = item else { throw InputError("\(name) must be an object") }
            let reader = FieldReader(fields: fields)
            do throws(InputError) {
                try reader.rejectUnknownKeys(allowed: ["id", "completed", "difficulty", "painDuring", "nextMorning", "symptoms"])
                guard let id = try reader.string("id", maxLength: 80) else { throw InputError("id is required") }
                guard catalogue[id] != nil else { throw InputError("id \"\(id)\" is not an exercise in the catalogue") }
                guard seen.insert(id).inserted else { throw InputError("id \"\(id)\" is listed twice") }
                guard let completed = try reader.bool("completed") else { throw InputError("completed is required: true or false") }
                result.append(
                    ExerciseFeedback(
                        exerciseID: id, completed: completed, difficulty: try reader.option("difficulty"),
                        painDuring: try reader.int("painDuring", in: 0...10), nextMorning: try reader.option("nextMorning"),
                        symptoms: try reader.optionSet("symptoms")))
            } catch {
                throw InputError("\(name).\(error.message)")
            }
        }
        return result
    }
}
