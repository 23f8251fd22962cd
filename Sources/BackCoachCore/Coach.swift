/// The front door of the core: triage first, then a program only when triage allows one.
public struct Coach: Sendable {
    public let triageEngine: TriageEngine
    public let generator: ProgramGenerator

    public init(triageEngine: TriageEngine, generator: ProgramGenerator) {
        self.triageEngine = triageEngine
        self.generator = generator
    }

    public func assess(
        _ answers: IntakeAnswers, startDate: LocalDate, state: ProgramState? = nil, painCeilingOverride: Int? = nil
    ) -> Assessment {
        let triage = triageEngine.triage(answers)
        guard triage.programAllowed else { return Assessment(triage: triage, program: nil) }
        let program = generator.generate(
            answers: answers, triage: triage, startDate: startDate, state: state, painCeilingOverride: painCeilingOverride)
        return Assessment(triage: triage, program: program)
    }
}

/// Triage plus the program; `program` is nil when an emergency or urgent flag withholds it.
public struct Assessment: Codable, Equatable, Sendable {
    public let triage: TriageResult
    public let program: Program?

    public init(triage: TriageResult, program: Program?) {
        self.triage = triage
        self.program = program
    }
}
