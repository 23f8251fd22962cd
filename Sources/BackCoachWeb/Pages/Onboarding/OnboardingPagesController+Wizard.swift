import BackCoachContent
import BackCoachCore
import BackCoachServices
import Foundation
import Hummingbird

/// The intake wizard: GET /start?step=N shows a step from her draft on the server, POST /start saves the step and
/// redirects (post/redirect/get), so Back, Forward, a reload or a detour to Learn never loses an answer or asks to
/// resend a form. A safety answer that withholds the program leads at once to GET /start/advice.
extension OnboardingPagesController {
    var wizard: WizardSteps { WizardSteps(content: content) }

    func addWizardRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(PagePath.start, use: showStep)
        router.post(PagePath.start, use: saveStep)
        router.get(PagePath.startAdvice, use: advice)
    }

    /// The step asked for, or where she left off; never past the first step still missing an answer.
    @Sendable func showStep(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let draft = try await drafts.draft(for: user)
        let answers: WizardAnswers
        if let draft {
            answers = WizardAnswers(values: draft.values)
        } else {
            answers = WizardAnswers(saved: try await program.answers(for: user))
        }
        let furthest = wizard.firstIncomplete(answers) ?? wizard.last
        let asked = request.uri.queryParameters["step"].flatMap { Int(String($0)) }
        let step = min(max(asked ?? draft?.step ?? 0, 0), furthest)
        if let asked, asked != step { throw Redirect.to(PagePath.start(step: step)) }
        // After a refused Next (`check=1`), the step shows what is missing.
        let errors = request.uri.queryParameters["check"] == "1" ? wizard.errors(in: step, answers: answers) : [:]
        return try page(step: step, answers: answers, errors: errors, context: context)
    }

    @Sendable func saveStep(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        let step = min(max(Int(form["step"] ?? "") ?? 0, 0), wizard.last)
        let sent = WizardAnswers(form: form).values
        // The step's own fields take what was sent (an empty checkbox list clears); any other answer sent is kept too.
        let fields = wizard.fieldNames(of: step).union(sent.keys)
        let back = form["nav"] == "back"
        // A first save starts from her saved intake, so changing one answer keeps the others.
        var startingFrom: [String: [String]] = [:]
        if try await drafts.draft(for: user) == nil { startingFrom = WizardAnswers(saved: try await program.answers(for: user)).values }
        let draft = try await drafts.save(
            sent, fields: fields, raised: wizard.raised(in: sent, among: fields), step: back ? step - 1 : step,
            startingFrom: startingFrom, for: user)
        if back { return .redirect(to: PagePath.start(step: max(0, step - 1))) }
        let answers = WizardAnswers(values: draft.values)
        // Urgent or emergency advice comes as soon as the answer is given, before the other questions, even unanswered;
        // with JavaScript that is the tap itself (forms.js follows this redirect from its save).
        if wizard.all[step].isSafety, !wizard.screen(answers).programAllowed { return .redirect(to: PagePath.startAdvice) }
        // forms.js saves each answer as she gives it, so a reload or a tap on the menu loses nothing.
        if form["nav"] == "save" { return Response(status: .noContent) }
        // Something missing: the same step again, by redirect, so Back never asks to resend a form.
        guard wizard.errors(in: step, answers: answers).isEmpty else { return .redirect(to: PagePath.start(step: step) + "&check=1") }
        guard step == wizard.last else {
            try await drafts.move(to: step + 1, for: user)
            return .redirect(to: PagePath.start(step: step + 1))
        }
        if let incomplete = wizard.firstIncomplete(answers) {
            try await drafts.move(to: incomplete, for: user)
            let missing = wizard.errors(in: incomplete, answers: answers)
            return try page(step: incomplete, answers: answers, errors: missing, context: context, status: .badRequest)
        }
        let json = answers.intakeJSON(questions: content.questions.intake, flagged: wizard.safetyQuestions.flagged(in: answers.values))
        let intake: IntakeAnswers
        do {
            intake = try IntakeParser.parse(json)
        } catch {
            throw Problem.badRequest("Some answers are missing: \(error.message). Please go back and check them.")
        }
        // Saving ends the draft; the plan page shows the plan, or the advice when her answers withhold it.
        do {
            _ = try await program.saveIntake(intake, for: user)
        } catch let error as ServiceError where error.kind == .invalid {
            // A refusal names its field (a birth date after today): show it on that field's step.
            let name = "q.\(error.field ?? "")"
            let shown = wizard.firstStep(showing: [name]) ?? step
            return try page(step: shown, answers: answers, errors: [name: error.message], context: context, status: .badRequest)
        }
        return .redirect(to: PagePath.plan)
    }

    /// What a withholding safety answer means, with when she gave it, a way to correct a mistaken tap, and (when
    /// the advice is urgent rather than an emergency) the rest of the safety questions, since one of them could
    /// make it an emergency.
    @Sendable func advice(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        guard let draft = try await drafts.draft(for: user) else { throw Redirect.to(PagePath.start) }
        let answers = WizardAnswers(values: draft.values)
        let screen = wizard.screen(answers)
        guard !screen.programAllowed else { throw Redirect.to(PagePath.start(step: draft.step)) }
        var links: [StopPage.Link] = []
        if screen.level != .emergency, let next = wizard.firstIncomplete(answers), wizard.all[next].isSafety {
            links.append(.init(href: PagePath.start(step: next), label: "Answer the other safety questions"))
        }
        if let changed = wizard.firstStep(showing: draft.raisedAt.keys) {
            links.append(.init(href: PagePath.start(step: changed), label: "I tapped the wrong answer"))
        }
        let answeredAt = draft.raisedAt.values.min().map { "You told us this at \(DayLabel.time($0, in: user.timeZone))." }
        let model = StopPage.make(
            screen, contacts: content.contacts(for: user.country), context: context, assets: renderer.assets, answeredAt: answeredAt,
            links: links)
        return try renderer.html("pages/stop", model)
    }
}
