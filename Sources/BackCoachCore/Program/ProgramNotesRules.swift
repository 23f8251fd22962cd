/// Which plain-language notes a program carries. The texts themselves are content.
public enum ProgramNotesRules {
    public static func notes(
        for answers: IntakeAnswers, context: ProgramContext, triage: TriageResult, ceiling: Int
    ) -> [ProgramNoteID] {
        // Section 1.3: always say what the app is, when to stop, the pain rule and the physio advice.
        var notes: [ProgramNoteID] = [.disclaimer, .stopSigns, .painCeiling, .physioForEveryone]
        if triage.level == .nextAppointment { notes.append(.mentionFlags) }
        if !answers.clinicianCleared { notes.append(.postnatalCheck) }  // Section 1.3 [S7, S4]
        if !answers.complications.isEmpty { notes.append(.complications) }  // CTX-7
        if answers.delivery == .caesarean && answers.weeksSinceBirth < 16 { notes.append(.caesarean) }  // CTX-2
        if answers.delivery == .assisted || answers.complications.contains(.significantTear) {
            notes.append(.assistedOrTear)  // CTX-2
        }
        if context.conditions.contains(.diastasis) { notes.append(.diastasis) }  // CTX-3
        if context.conditions.contains(.pelvicFloorSymptoms) { notes.append(.pelvicFloor) }  // CTX-4
        if context.hasPelvicGirdlePain { notes.append(.pelvicGirdlePain) }  // CTX-5
        if answers.breastfeeding { notes.append(.breastfeeding) }  // CTX-6
        if !answers.glutes.isEmpty { notes.append(.postureHabits) }  // A2, coaching cue [C]
        // CTX-8: a slower recovery is more likely; an earlier physio visit, without alarm [S19, S20, S21, S22].
        let backAndPelvis = context.hasPelvicGirdlePain && answers.painAreas.contains(.lowBack)
        let lowMood = triage.flags.contains { $0.id == .rf18 }
        if !answers.recoveryFactors.isEmpty || backAndPelvis || lowMood { notes.append(.earlyPhysio) }
        return notes
    }
}
