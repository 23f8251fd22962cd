/// The facts from the intake that shape exercise choice, as condition keys the catalogue refers to.
public struct ProgramContext: Equatable, Sendable {
    public let conditions: Set<ConditionKey>
    public let equipment: Set<Equipment>

    public init(answers: IntakeAnswers) {
        var keys = Set<ConditionKey>()
        let pelvicPain = !answers.painAreas.isDisjoint(with: [.pelvicBack, .pubic])
        // CTX-5: pain over the back of the pelvis or the pubic bone, or pain on the PGP tests [S18, S11]; a symphysis
        // separation is pelvic girdle pain too, cleared or not (the joint at the front of the pelvis) [S48].
        if pelvicPain || !answers.pgpTests.isEmpty || answers.complications.contains(.symphysisSeparation) {
            keys.insert(.pelvicGirdlePain)
        }
        if answers.painAreas.contains(.pubic) || answers.complications.contains(.symphysisSeparation) {
            keys.insert(.pubicPain)
        }
        if !answers.pelvicFloor.isEmpty { keys.insert(.pelvicFloorSymptoms) }
        if !answers.pelvicFloor.isDisjoint(with: [.heaviness, .bulge]) { keys.insert(.heavinessOrBulge) }
        if (answers.diastasisFingers ?? 0) >= 2 { keys.insert(.diastasis) }
        if answers.delivery == .caesarean && answers.weeksSinceBirth < 6 { keys.insert(.caesareanUnder6Weeks) }
        if answers.delivery == .caesarean && answers.weeksSinceBirth < 12 { keys.insert(.caesareanUnder12Weeks) }
        if answers.breastfeeding { keys.insert(.breastfeeding) }
        if answers.weeksSinceBirth < 6 { keys.insert(.under6Weeks) }
        self.conditions = keys
        self.equipment = answers.equipment
    }

    public var hasPelvicGirdlePain: Bool { conditions.contains(.pelvicGirdlePain) }
}
