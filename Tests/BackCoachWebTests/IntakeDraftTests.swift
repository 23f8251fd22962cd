import Foundation
import Testing

/// The intake wizard keeps every answer on the server, step by step: Back, Forward, a detour to another page and a
/// reload all find them; a withholding safety answer is advised on at once, with its time.
@Suite("The intake survives leaving the page")
struct IntakeDraftTests {
    /// Step 0's safety answers: "no" to each, except the ones named (e.g. "RF-02") answered `raised`.
    static func firstStep(_ page: String, raising flags: Set<String> = [], as raised: String = "yes") -> [(String, String)] {
        Browser.noToSafety(on: page).map { name, no in flags.contains(String(name.dropFirst(3))) ? (name, raised) : (name, no) }
    }

    @Test("Each step is saved and redirected; Back and Forward show every answer, and a jump ahead is refused")
    func backAndForward() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            let first = try await browser.signUp()
            #expect(try await browser.get("/start?step=4").headers[.location] == "/start?step=0", "no skipping unanswered steps")
            let saved = try await browser.post("/start", [("step", "0"), ("nav", "next")] + Self.firstStep(first))
            #expect(saved.status == .seeOther && saved.headers[.location] == "/start?step=1", "post/redirect/get")
            let second = try await browser.get("/start?step=1").text
            let secondAnswers = Browser.noToSafety(on: second)
            #expect(secondAnswers.count > 7)
            // Back from step 1 keeps what she had ticked there, unsent "Next" or not.
            let back = try await browser.post("/start", [("step", "1"), ("nav", "back")] + secondAnswers.prefix(3))
            #expect(back.headers[.location] == "/start?step=0")
            let again = try await browser.get("/start?step=0").text
            #expect(again.contains(#"id="rf.RF-01-no" name="rf.RF-01" value="no" checked"#))
            let forward = try await browser.get("/start?step=1").text
            #expect(forward.contains(#"name="\#(secondAnswers[0].0)" value="no" checked"#))
            #expect(!forward.contains(#"name="\#(secondAnswers[5].0)" value="no" checked"#), "only what she ticked")
            #expect(!forward.contains(#"type="hidden" name="rf."#), "answers live on the server, not in hidden fields")
        }
    }

    @Test("A detour to Learn and back resumes where she left off, with every answer; finishing ends the draft")
    func detour() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            let first = try await browser.signUp()
            let second = try await browser.submit("/start", [("step", "0"), ("nav", "next")] + Self.firstStep(first)).text
            let birth = try await browser.submit("/start", [("step", "1"), ("nav", "next")] + Browser.noToSafety(on: second)).text
            #expect(birth.contains(#"name="q.birthDate""#))
            let birthStep = [("q.weeksSinceBirth", "7"), ("q.delivery", "caesarean"), ("q.clinicianCleared", "yes")]
            #expect(try await browser.post("/start", [("step", "2"), ("nav", "next")] + birthStep).status == .seeOther)
            try await browser.get("/learn")
            let resumed = try await browser.get("/start").text
            #expect(resumed.contains("Step 4 of 8"), "back where she left off")
            let birthAgain = try await browser.get("/start?step=2").text
            #expect(birthAgain.contains(#"name="q.weeksSinceBirth" type="number""#) && birthAgain.contains(#"value="7""#))
            #expect(birthAgain.contains(#"value="caesarean" checked"#))
            // The rest, then the plan: the draft is gone, and the wizard starts again at the safety questions.
            let rest: [(String, [(String, String)])] = [
                ("3", [("q.painAtRest", "3"), ("q.painWorsening", "no"), ("q.painAreas", "lowBack")]),
                ("4", []), ("5", []), ("6", [("q.breastfeeding", "no")]), ("7", [("q.minutesPerDay", "10"), ("q.daysPerWeek", "3")]),
            ]
            var last = try await browser.get("/start")
            for (step, fields) in rest {
                last = try await browser.post("/start", [("step", step), ("nav", "next")] + fields)
            }
            #expect(last.headers[.location] == "/plan", "\(last.status) \(last.text.prefix(400))")
            let restart = try await browser.get("/start").text
            #expect(restart.contains("Step 1 of 8") && !restart.contains(#"value="no" checked"#), "safety asked afresh")
            #expect(try await browser.get("/start?step=2").headers[.location] == "/start?step=0")
        }
    }

    @Test("An urgent answer is advised on at once, with its time, the other safety questions and a way to undo a wrong tap")
    func urgentAtOnce() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            let first = try await browser.signUp()
            let flagged = try await browser.post("/start", [("step", "0"), ("nav", "next")] + Self.firstStep(first, raising: ["RF-02"]))
            #expect(flagged.headers[.location] == "/start/advice", "not after eight more questions")
            let advice = try await browser.get("/start/advice").text
            #expect(advice.contains("blood clot") && advice.contains("You told us this at"))
            #expect(advice.components(separatedBy: "You told us this at").count == 2, "once, in the advice, not under each number")
            #expect(advice.contains(#"href="/start?step=1""#) && advice.contains("Answer the other safety questions"))
            #expect(advice.contains(#"href="/start?step=0""#) && advice.contains("I tapped the wrong answer"))
            // A reload asks nothing again, and the advice stays until the answer changes.
            #expect(try await browser.get("/start/advice").text.contains("blood clot"))
            #expect(try await browser.get("/plan").headers[.location] == "/start", "no plan")
            // She tapped the wrong answer: "no" lets the wizard go on, and the advice page sends her back to it.
            let fixed = try await browser.post("/start", [("step", "0"), ("nav", "next")] + Self.firstStep(first))
            #expect(fixed.headers[.location] == "/start?step=1")
            #expect(try await browser.get("/start/advice").headers[.location] == "/start?step=1")
        }
    }

    @Test("Answers kept as she gives them (nav=save, sent by forms.js): a reload before Next finds them")
    func savedAsGiven() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUp()
            let saved = try await browser.post("/start", [("step", "0"), ("nav", "save"), ("rf.RF-01", "no"), ("rf.RF-03", "no")])
            #expect(saved.status == .noContent)
            let reloaded = try await browser.get("/start").text
            #expect(reloaded.contains("Step 1 of 8") && reloaded.contains(#"id="rf.RF-03-no" name="rf.RF-03" value="no" checked"#))
            #expect(reloaded.contains("data-autosave"))
            // A yes saved this way leads to the advice at once (forms.js follows the redirect).
            let yes = try await browser.post("/start", [("step", "0"), ("nav", "save"), ("rf.RF-02", "yes")])
            #expect(yes.headers[.location] == "/start/advice")
        }
    }

    @Test("A yes with the step's other questions still blank is advised on at once")
    func yesBeforeTheRest() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUp()
            let flagged = try await browser.post("/start", [("step", "0"), ("nav", "next"), ("rf.RF-02", "yes")])
            #expect(flagged.headers[.location] == "/start/advice")
            #expect(try await browser.get("/start/advice").text.contains("blood clot"))
        }
    }

    @Test("An emergency answer is advised on at once, with nothing else to answer first")
    func emergencyAtOnce() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            let first = try await browser.signUp()
            let flagged = try await browser.post(
                "/start", [("step", "0"), ("nav", "next")] + Self.firstStep(first, raising: ["RF-01", "RF-02"], as: "notSure"))
            #expect(flagged.headers[.location] == "/start/advice")
            let advice = try await browser.get("/start/advice").text
            #expect(advice.contains("Please stop and get help now"))
            #expect(!advice.contains("Answer the other safety questions"))
        }
    }
}
