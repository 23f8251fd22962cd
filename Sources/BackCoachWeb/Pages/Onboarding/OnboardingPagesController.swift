import BackCoachContent
import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation
import Hummingbird

/// The intake wizard (GET/POST /start) and the plan page (GET /plan).
struct OnboardingPagesController {
    let program: ProgramService
    let runningCheck: RunningCheckService
    let content: ContentLibrary
    let figures: ExerciseFigures
    let renderer: WebRenderer
    /// The steps as content sets them (questions.json), checked when the content loaded.
    var steps: [IntakeStep] { content.questions.wizardSteps }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(PagePath.start) { _, context in
            let user = try context.requireWebUser()
            let saved = try await program.answers(for: user)
            return try page(step: 0, answers: WizardAnswers(saved: saved), errors: [:], context: context)
        }
        router.post(PagePath.start, use: submit)
        router.get(PagePath.plan, use: plan)
        router.get(PagePath.runningCheck) { _, context in
            let status = try await runningCheck.status(for: try context.requireWebUser())
            return try renderer.html("pages/running-check", RunningCheckPage.make(status, context: context, assets: renderer.assets))
        }
        router.post(PagePath.runningCheck, use: takeRunningCheck)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        let answers = WizardAnswers(form: form)
        let step = min(max(Int(form["step"] ?? "") ?? 0, 0), steps.count - 1)
        if form["nav"] == "back" {
            return try page(step: max(0, step - 1), answers: answers, errors: [:], context: context)
        }
        let errors = validate(step: steps[step], answers: answers)
        guard errors.isEmpty else { return try page(step: step, answers: answers, errors: errors, context: context, status: .badRequest) }

        if steps[step].isSafety {
            // One emergency answer is enough to stop at once; urgent flags stop after the last safety step,
            // because a later answer can make them an emergency.
            let flagged = SafetyQuestionForm.intake(content.questions.redFlagsAskedAtIntake, content: content).flagged(in: answers.values)
            let screen = content.coach.triageEngine.screen(flagged.flags, followUps: flagged.followUps)
            let lastSafetyStep = !steps.indices.contains(step + 1) || !steps[step + 1].isSafety
            if screen.level == .emergency || (!screen.programAllowed && lastSafetyStep) {
                return try renderer.stopPage(screen, contacts: content.contacts(for: user.country), context: context)
            }
        }
        guard step == steps.count - 1 else {
            return try page(step: step + 1, answers: answers, errors: [:], context: context)
        }
        let json = answers.intakeJSON(
            questions: content.questions.intake,
            flagged: SafetyQuestionForm.intake(content.questions.redFlagsAskedAtIntake, content: content).flagged(in: answers.values))
        let intake: IntakeAnswers
        do {
            intake = try IntakeParser.parse(json)
        } catch {
            throw Problem.badRequest("Some answers are missing: \(error.message). Please go back and check them.")
        }
        let current = try await program.saveIntake(intake, for: user)
        guard current.assessment.triage.programAllowed else {
            return try renderer.stopPage(current.assessment.triage, contacts: content.contacts(for: user.country), context: context)
        }
        return Response(status: .seeOther, headers: [.location: PagePath.plan])
    }

    /// Messages keyed by field name, in plain words.
    func validate(step: IntakeStep, answers: WizardAnswers) -> [String: String] {
        var errors: [String: String] = [:]
        switch step.kind {
        case .safety(let ids):
            errors = SafetyQuestionForm.intake(ids, content: content).missing(in: answers.values)
        case .topic(let topic):
            for question in content.questions.intake where question.topic == topic {
                let name = "q.\(question.field)"
                let values = answers.values[name] ?? []
                let first = values.first?.trimmingCharacters(in: .whitespaces) ?? ""
                switch question.kind {
                case .date:
                    if first.isEmpty || LocalDate(first) != nil { continue }
                    errors[name] = "Please give the date like 2026-10-02, or leave it empty."
                case .integer, .optionalInteger:
                    if first.isEmpty && question.kind == .optionalInteger {
                        // Asked unless another answer says it: then one of the two is needed.
                        if let other = question.askedUnless, (answers.values["q.\(other)"]?.first ?? "").isEmpty {
                            errors[name] = "Please give the date of the birth above, or how many weeks ago it was."
                        }
                        continue
                    }
                    if let number = Int(first), number >= (question.min ?? .min), number <= (question.max ?? .max) { continue }
                    errors[name] = "Please enter a whole number from \(question.min ?? 0) to \(question.max ?? 0)."
                case .boolean:
                    if !["yes", "no"].contains(first) { errors[name] = "Please choose yes or no." }
                case .choice:
                    if !question.options.contains(where: { $0.value == first }) { errors[name] = "Please choose one." }
                case .multiple:
                    let allowed = Set(question.options.map(\.value))
                    if !values.allSatisfy({ $0.isEmpty || allowed.contains($0) }) { errors[name] = "Please choose from the list." }
                }
            }
        }
        return errors
    }

    func page(step: Int, answers: WizardAnswers, errors: [String: String], context: AppRequestContext, status: HTTPResponse.Status = .ok)
        throws -> Response
    {
        let model = StartPage.make(
            step: step, answers: answers, errors: errors, content: content, context: context, assets: renderer.assets)
        return try renderer.html("pages/start", model, status: status)
    }

    @Sendable func plan(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        guard let current = try await self.program.currentIfAnswered(for: user) else { throw Redirect.to(PagePath.start) }
        guard let program = current.assessment.program else {
            return try renderer.stopPage(current.assessment.triage, contacts: content.contacts(for: user.country), context: context)
        }
        return try renderer.html(
            "pages/plan", PlanPage.make(program, current: current, figures: figures, context: context, assets: renderer.assets))
    }

    /// Her answers to the running check; the verdict on the same page, or the form again with what is missing.
    @Sendable func takeRunningCheck(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        let status = try await runningCheck.status(for: user)
        var answers: [String: String] = [:]
        for item in status.items { if let value = form["item.\(item.id)"] { answers[item.id] = value } }
        do {
            let result = try await runningCheck.assess(answers, for: user)
            return try renderer.html(
                "pages/running-check",
                RunningCheckPage.make(status, answers: answers, result: result, context: context, assets: renderer.assets))
        } catch let error as ServiceError where error.kind == .invalid {
            let message = "Please answer every question. Nothing was saved."
            return try renderer.html(
                "pages/running-check",
                RunningCheckPage.make(status, answers: answers, error: message, context: context, assets: renderer.assets),
                status: .badRequest)
        }
    }
}
