import BackCoachContent
import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation
import Hummingbird

/// The intake wizard (/start, in OnboardingPagesController+Wizard.swift), the plan page (GET /plan) and the
/// running check (/plan/running).
struct OnboardingPagesController {
    let program: ProgramService
    let drafts: IntakeDraftService
    let runningCheck: RunningCheckService
    let content: ContentLibrary
    let figures: ExerciseFigures
    let renderer: WebRenderer

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        addWizardRoutes(to: router)
        router.get(PagePath.plan, use: plan)
        router.get(PagePath.runningCheck) { _, context in
            let status = try await runningCheck.status(for: try context.requireWebUser())
            return try renderer.html("pages/running-check", RunningCheckPage.make(status, context: context, assets: renderer.assets))
        }
        router.post(PagePath.runningCheck, use: takeRunningCheck)
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
