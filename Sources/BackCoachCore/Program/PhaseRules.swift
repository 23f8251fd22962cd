/// Which phase the intake allows (CTX-1, CTX-2, CTX-7). Time since birth sets the phase;
/// clearance, delivery, complications and pelvic-floor symptoms can only hold it back.
public enum PhaseRules {
    /// After a caesarean, high-effort work (the last phase, running) waits until about 4 months [S10].
    public static let caesareanHighEffortWeeks = 16

    /// `confirmed`: the gates her clinician has opened (the clinician side); each lifts only its own hold.
    public static func allowedPhase(for answers: IntakeAnswers, confirmed: Set<PhaseGate> = []) -> PhaseDecision {
        let weeks = answers.weeksSinceBirth
        var phase: Phase
        var reasons: [String]
        // CTX-1: 0–2, 2–6, 6–12 and 12+ weeks [S5, S11, S16].
        switch weeks {
        case ..<2:
            phase = .earlyRecovery
            reasons = ["It is less than 2 weeks since the birth, so we start with breathing, the pelvic floor and gentle movement."]
        case ..<6:
            phase = .gentleRebuilding
            reasons = ["It is 2 to 6 weeks since the birth, so we add gentle glute and all-fours work, with no hard effort."]
        case ..<12:
            phase = .buildingStrength
            reasons = ["It is 6 to 12 weeks since the birth, a good time to build strength step by step."]
        default:
            phase = .fullStrength
            reasons = ["It is more than 12 weeks since the birth, so the harder steps can come in as you are ready."]
        }
        // CTX-7: complications keep the program at phase 0 until a clinician says more is fine [S3].
        if !answers.complications.isEmpty && !answers.clinicianCleared && phase > .earlyRecovery {
            phase = .earlyRecovery
            reasons.append(
                "You had a complication, so we stay with the gentlest exercises until a doctor or midwife says you can do more.")
        }
        // CTX-1 / ACOG CO 804: strength work builds after the postnatal check [S3, S7].
        if !answers.clinicianCleared && phase > .gentleRebuilding {
            phase = .gentleRebuilding
            reasons.append(
                "No one has checked you since the birth yet, so we hold at phase 1. Once your postnatal check is done, update your answers."
            )
        }
        // CTX-2: after an assisted birth or a significant tear, a pelvic-health physio sees her before phase 1 is
        // passed; a clinician confirms that gate (the clinician side), so the plan holds at phase 1 [C, S16].
        if PhaseGate.pelvicHealthCheck.holds(answers), phase > .gentleRebuilding, !confirmed.contains(.pelvicHealthCheck) {
            phase = .gentleRebuilding
            reasons.append(
                "After a forceps or ventouse birth, or a bigger tear, a pelvic-health physio should check you before the harder phases.")
        }
        // CTX-3: a gap of 2 finger-widths or more gets a physio review before the hardest steps [S11, S32].
        if PhaseGate.tummyGapReview.holds(answers) && phase > .buildingStrength && !confirmed.contains(.tummyGapReview) {
            phase = .buildingStrength
            reasons.append("Because of the gap in your tummy muscles, the hardest steps wait until a pelvic-health physio has seen you.")
        }
        // CTX-2: after a caesarean, no high-effort work until about 3–4 months [S10].
        if answers.delivery == .caesarean && weeks < caesareanHighEffortWeeks && phase > .buildingStrength {
            phase = .buildingStrength
            reasons.append("After a caesarean, harder work waits until about 4 months, when the scar has healed well.")
        }
        // CTX-1 ≥12 weeks: the hardest steps only without pelvic-floor symptoms [S16].
        if PhaseGate.pelvicFloorReview.holds(answers) && phase > .buildingStrength && !confirmed.contains(.pelvicFloorReview) {
            phase = .buildingStrength
            reasons.append("Because of your pelvic-floor symptoms, the hardest steps wait until a pelvic-health physio has seen you.")
        }
        return PhaseDecision(phase: phase, reasons: reasons)
    }
}

extension PhaseGate {
    /// Whether her answers put this hold on her at all: only then is there anything for a clinician to confirm.
    public func holds(_ answers: IntakeAnswers) -> Bool {
        switch self {
        case .pelvicHealthCheck: answers.delivery == .assisted || answers.complications.contains(.significantTear)
        case .tummyGapReview: (answers.diastasisFingers ?? 0) >= 2
        case .pelvicFloorReview: !answers.pelvicFloor.isEmpty
        }
    }
}
