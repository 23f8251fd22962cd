import BackCoachCore
import Testing

@Suite("Red-flag triage")
struct TriageTests {
    /// Clinical-reference section 2: the urgency of each flag on its own.
    static let singleFlags: [(RedFlagID, TriageLevel)] = [
        (.rf01, .emergency), (.rf02, .urgent), (.rf03, .emergency), (.rf04, .emergency), (.rf05, .emergency),
        (.rf06, .urgent), (.rf07, .urgent), (.rf08, .urgent), (.rf09, .urgent), (.rf10, .emergency),
        (.rf11, .urgent), (.rf12, .urgent), (.rf13, .urgent), (.rf14, .urgent), (.rf15, .urgent),
        (.rf16, .urgent), (.rf17, .nextAppointment), (.rf18, .nextAppointment), (.rf19, .nextAppointment),
    ]

    @Test("Each flag alone has the urgency of the reference table", arguments: singleFlags)
    func singleFlag(flag: RedFlagID, level: TriageLevel) throws {
        let result = try library().coach.triageEngine.triage(.fixture(redFlags: [flag]))
        #expect(result.level == level)
        #expect(result.programAllowed == (level == .nextAppointment))
        #expect(result.flags.first { $0.id == flag }?.level == level)
    }

    /// The escalations section 2 names: one flag makes another more urgent.
    static let escalations: [([RedFlagID], RedFlagID, TriageLevel)] = [
        ([.rf02, .rf01], .rf02, .emergency),  // leg clot signs with chest pain → emergency
        ([.rf06, .rf01], .rf06, .emergency),  // fever with severe breathlessness (sepsis)
        ([.rf06, .rf03], .rf06, .emergency),  // fever with collapse
        ([.rf08, .rf03], .rf08, .emergency),  // pre-eclampsia signs with a fit
        ([.rf09, .rf06], .rf09, .emergency),  // post-epidural headache with fever
        ([.rf09, .rf14], .rf09, .emergency),
        ([.rf11, .rf10], .rf11, .emergency),  // weakness with cauda-equina signs
        ([.rf12, .rf10], .rf12, .emergency),  // trauma with neuro signs
        ([.rf12, .rf11], .rf12, .emergency),
        ([.rf14, .rf10], .rf14, .emergency),  // spinal infection with neuro signs
        ([.rf14, .rf11], .rf14, .emergency),
        ([.rf02, .rf07], .rf02, .urgent),  // unrelated pair: no escalation
    ]

    @Test("Escalations raise a flag when its partner is present", arguments: escalations)
    func escalation(flags: [RedFlagID], subject: RedFlagID, level: TriageLevel) throws {
        let result = try library().coach.triageEngine.screen(Set(flags))
        #expect(result.flags.first { $0.id == subject }?.level == level)
        #expect(result.level >= level)
    }

    static let derived: [(String, IntakeAnswers, RedFlagID?, TriageLevel)] = [
        ("resting pain 7 raises RF-16", .fixture(painAtRest: 7), .rf16, .urgent),
        ("resting pain 10 raises RF-16", .fixture(painAtRest: 10), .rf16, .urgent),
        ("resting pain 6 raises nothing", .fixture(painAtRest: 6), nil, .none),
        ("worsening pain raises RF-16", .fixture(painWorsening: true), .rf16, .urgent),
        ("leaking raises RF-17", .fixture(pelvicFloor: [.leaking]), .rf17, .nextAppointment),
        ("a bulge raises RF-17", .fixture(pelvicFloor: [.bulge]), .rf17, .nextAppointment),
        ("a 2-finger gap raises RF-17", .fixture(diastasis: 2), .rf17, .nextAppointment),
        ("a 1-finger gap raises nothing", .fixture(diastasis: 1), nil, .none),
        ("pelvic pain after 2 weeks raises RF-19", .fixture(weeks: 2, painAreas: [.pelvicBack]), .rf19, .nextAppointment),
        ("a painful PGP test after 2 weeks raises RF-19", .fixture(weeks: 5, pgpTests: [.rollingInBed]), .rf19, .nextAppointment),
        ("pelvic pain in week 1 raises nothing yet", .fixture(weeks: 1, painAreas: [.pubic]), nil, .none),
    ]

    @Test("Other answers raise flags by themselves", arguments: derived)
    func derivedFlags(name: String, answers: IntakeAnswers, flag: RedFlagID?, level: TriageLevel) throws {
        let result = try library().coach.triageEngine.triage(answers)
        #expect(result.level == level, "\(name)")
        if let flag { #expect(result.flags.map(\.id).contains(flag), "\(name)") }
    }

    @Test("The most urgent flag decides, and flags are listed most urgent first")
    func ordering() throws {
        let result = try library().coach.triageEngine.triage(.fixture(redFlags: [.rf18, .rf07, .rf10, .rf17]))
        #expect(result.level == .emergency)
        #expect(result.flags.map(\.id) == [.rf10, .rf07, .rf17, .rf18])
        #expect(result.programAllowed == false)
    }

    @Test("Advice says who to contact and how soon")
    func adviceWording() throws {
        let engine = try library().coach.triageEngine
        let emergency = engine.screen([.rf10]).flags[0].advice
        #expect(emergency.contains("emergency number now"))
        let urgent = engine.screen([.rf07]).flags[0].advice
        #expect(urgent.contains("today"))
        let next = engine.screen([.rf17]).flags[0].advice
        #expect(next.contains("next planned appointment") || next.contains("physio"))
        #expect(engine.screen([.rf13]).flags[0].advice.contains("within the next few days"))
        // An escalated flag uses the emergency action, not its own slower timing.
        let escalated = engine.screen([.rf12, .rf10]).flags.first { $0.id == .rf12 }!
        #expect(escalated.advice.hasPrefix("Call your emergency number now"))
    }

    @Test("No flags: level none, program allowed, no action")
    func clear() throws {
        let result = try library().coach.triageEngine.triage(.fixture())
        #expect(result.level == .none && result.programAllowed && result.action == nil && result.flags.isEmpty)
    }

    @Test(
        "The before-session screen covers clots, bleeding, pre-eclampsia, headache, fever, wound, cauda equina, leg weakness, spinal infection and mood"
    )
    func rescreenSet() throws {
        let ids = Set(try library().rescreenFlags.map(\.id))
        #expect(ids.isSuperset(of: [.rf01, .rf02, .rf04, .rf05, .rf06, .rf07, .rf08, .rf09, .rf10, .rf11, .rf14]))
    }

    @Test("Emergency or urgent withholds the program; next-appointment lets it run with the advice shown")
    func coachWithholds() throws {
        let coach = try library().coach
        #expect(coach.assess(.fixture(redFlags: [.rf05]), startDate: .day0).program == nil)
        #expect(coach.assess(.fixture(painAtRest: 8), startDate: .day0).program == nil)
        let modified = coach.assess(.fixture(redFlags: [.rf18]), startDate: .day0)
        #expect(modified.program?.notes.contains { $0.id == .mentionFlags } == true)
    }
}

@Suite("Advice that agrees with itself (reference section 2)")
struct TriageAdviceTests {
    static let engine = TriageEngine(rules: try! library().redFlags)

    @Test("The headline timing is the most urgent flag's own timing, in its own words")
    func headline() {
        for (flag, words) in [(RedFlagID.rf13, "within the next few days"), (.rf12, "48 hours"), (.rf15, "48 hours"), (.rf16, "48 hours")] {
            let result = Self.engine.screen([flag])
            #expect(result.action?.contains(words) == true, "\(flag): \(result.action ?? "")")
            #expect(result.flags.first?.advice.hasPrefix(result.action ?? "-") == true)
        }
        #expect(Self.engine.screen([.rf02]).action?.contains("today") == true)
    }

    @Test("No reassurance while the plan is withheld: a milder flag says mention it too, never carry on")
    func noReassurance() {
        let result = Self.engine.screen([.rf06, .rf19, .rf17])
        #expect(!result.programAllowed)
        for flag in result.flags {
            #expect(
                !flag.advice.contains("carry on") && !flag.advice.contains("keep doing the exercise plan"), "\(flag.id): \(flag.advice)")
        }
        #expect(Self.engine.screen([.rf19]).flags.first?.advice.contains("carry on") == true, "alone it may reassure")
    }

    @Test("Low mood names the GP, health visitor or midwife, not a physio")
    func mood() {
        let result = Self.engine.screen([.rf18])
        #expect(result.action?.contains("GP, health visitor or midwife") == true)
        #expect(result.action?.contains("physio") == false)
    }
}
