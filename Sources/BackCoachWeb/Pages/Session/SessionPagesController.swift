import BackCoachContent
import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation
import Hummingbird

/// Today, the before-session safety check, the guided session and its feedback.
struct SessionPagesController {
    let services: Services
    let figures: ExerciseFigures
    let renderer: WebRenderer
    var content: ContentLibrary { services.content }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(PagePath.today, use: today)
        router.post(PagePath.todayScreen, use: screen)
        router.post(PagePath.todayNextMorning, use: nextMorning)
        router.post(PagePath.todayCleared) { request, context in
            let user = try context.requireWebUser()
            _ = try await request.csrfCheckedForm(ButtonForm.self, context: context)
            _ = try await services.program.confirmCleared(for: user)
            return Response.redirect(to: PagePath.today + "?cleared=1")
        }
        router.get(PagePath.session, use: session)
        router.post(PagePath.session, use: finish)
        router.get(PagePath.sessionStop) { _, context in
            _ = try context.requireWebUser()
            return try renderer.html(
                "pages/session-stop", SessionStopPage.make(content.questions, context: context, assets: renderer.assets))
        }
        router.post(PagePath.sessionStop, use: stop)
    }

    /// The user's current program state, or a redirect to the intake.
    func current(_ user: User) async throws -> ProgramService.Current {
        guard let current = try await services.program.currentIfAnswered(for: user) else { throw Redirect.to(PagePath.start) }
        return current
    }

    @Sendable func today(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await todayPage(
            for: try context.requireWebUser(), morning: request.uri.queryParameters["morning"].map(String.init),
            clearedSaved: request.uri.queryParameters["cleared"] == "1", context: context)
    }

    /// Today, with the safety check's answers and what is missing when a check came back incomplete.
    func todayPage(
        for user: User, morning: String? = nil, clearedSaved: Bool = false, answers: [String: [String]] = [:],
        errors: [String: String] = [:], notice: String? = nil,
        context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let view = try await services.today.view(for: user, announcing: status == .ok) else { throw Redirect.to(PagePath.start) }
        let (current, day) = (view.current, view.day)
        let canRecheck = day.status == .paused ? !(try await services.safety.stopped(on: day.date, for: user)) : false
        let model = TodayPage.make(
            day, canRecheck: canRecheck, morning: morning, offersClearance: ProgramService.offersClearance(current),
            clearedSaved: clearedSaved, notice: notice,
            flagQuestions: try TodayPage.flagQuestions(
                rescreen: services.safety.questions, answers: answers, errors: errors, labels: content.questions.answers, renderer: renderer
            ),
            answers: answers, errors: errors, questions: content.questions, context: context, assets: renderer.assets)
        return try renderer.html("pages/today", model, status: status)
    }

    /// She stopped because something went wrong: the advice for it at once, and the program paused.
    @Sendable func stop(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        let result = try await services.safety.reportDuringSession(form["sign"] ?? "", for: user)
        return try renderer.stopPage(result, contacts: content.contacts(for: user.country), context: context)
    }

    /// One tap the morning after a session: settled or not settled (rule 5.2-4).
    @Sendable func nextMorning(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        guard let answer = form["answer"].flatMap(NextMorning.init(rawValue:)) else {
            throw Problem.badRequest("Please choose whether your pain has settled.")
        }
        // Today then says what the answer did: changed the plan, or counted, or held the level.
        var outcome = answer.rawValue
        do {
            let answered = try await services.nextMorning.answer(answer, for: user)
            if answered.decisions.contains(where: { $0.action != .hold }) { outcome = "changed" }
        } catch let error as ServiceError where error.kind == .conflict {
            // Answered already (a second tab or a double tap): nothing more to do or say.
            return .redirect(to: PagePath.today)
        }
        return .redirect(to: PagePath.today + "?morning=\(outcome)")
    }

    @Sendable func screen(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        let questions = SafetyQuestionForm(rules: services.safety.questions)
        // "None of these today" answers no to every sign she left unanswered; a yes or not sure she gave still counts.
        let answers = form["none"] == "yes" ? questions.answeringNo(form.fields) : form.fields
        var missing = questions.missing(in: answers)
        if form["painAtRest"].flatMap({ Int($0) }) == nil { missing["painAtRest"] = "Please choose a number from 0 to 10." }
        if !["yes", "no"].contains(form["painWorsening"] ?? "") { missing["painWorsening"] = "Please choose yes or no." }
        guard missing.isEmpty else {
            return try await todayPage(for: user, answers: answers, errors: missing, context: context, status: .badRequest)
        }
        let flagged = questions.flagged(in: answers)
        let worse = form["painWorsening"]
        let result: TriageResult
        do {
            result = try await services.safety.record(
                flagged.flags, followUps: flagged.followUps, painAtRest: form["painAtRest"].flatMap { Int($0) },
                painWorsening: worse == "yes" ? true : (worse == "no" ? false : nil),
                seen: form["seen"] == "yes", for: user)
        } catch let error as ServiceError where error.kind == .conflict {
            // Paused: the check can't lift it yet (the same day, or without "I have been seen"); Today says why.
            return try await todayPage(for: user, answers: answers, notice: error.message, context: context, status: .conflict)
        }
        guard result.programAllowed else {
            return try renderer.stopPage(result, contacts: content.contacts(for: user.country), context: context)
        }
        return .redirect(to: PagePath.session)
    }

    @Sendable func session(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let current = try await current(user)
        let date = services.today.today(for: user)
        // On a rest day she may still do the first session of the week.
        guard let planned = try await services.today.sessionToDo(on: date, current: current, for: user) else {
            throw Redirect.to(PagePath.today)
        }
        guard try await services.safety.isClear(on: date, for: user) else { throw Redirect.to(PagePath.today) }
        let speed = Int(request.uri.queryParameters["speed"] ?? "1").map { min(100, max(1, $0)) } ?? 1
        return try renderer.html(
            "pages/session",
            SessionPage.make(
                planned, on: date, speed: speed, catalogue: content.catalogue, figures: figures, context: context, assets: renderer.assets))
    }

    /// The checklist again, as a form with her answers and what to change (no player: she has done the session).
    func reviewPage(for user: User, form: FormData, error: String, context: AppRequestContext) async throws -> Response {
        let date = LocalDate(form["date"] ?? "") ?? services.today.today(for: user)
        guard let planned = try await services.today.sessionToDo(on: date, current: try await current(user), for: user) else {
            throw Problem.badRequest(error)
        }
        let model = SessionPage.make(
            planned, on: date, speed: 1, catalogue: content.catalogue, figures: figures, context: context, assets: renderer.assets,
            answers: form.fields, error: error)
        return try renderer.html("pages/session", model, status: .badRequest)
    }

    @Sendable func finish(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        let ids = form.all("exercise")
        // An exercise she ticked felt fine (about right) unless she said otherwise; its pain is the session's
        // unless she gave its own. With no pain given at all, it has none, and the session can't count toward a
        // step up (a missing answer is never a good one).
        var sessionPain = form["pain"].flatMap { Double($0) }
        // Pain over her limit in the session, but no exercise named: ask which, rather than ease every one she ticked.
        // Once she names it, the session's pain speaks for none of the others (they hold: a missing answer is never good).
        if let pain = sessionPain, let ceiling = try await current(user).assessment.program?.painCeiling, pain > Double(ceiling) {
            sessionPain = nil
            guard ids.indices.contains(where: { form["done.\($0)"] != nil && form["pain.\($0)"].flatMap { Double($0) } != nil }) else {
                let message =
                    "Your pain went above your limit of \(ceiling) out of 10. Under \"Not quite right?\", give the pain for the exercise that hurt, so only that one is made easier."
                return try await reviewPage(for: user, form: form, error: message, context: context)
            }
        }
        var items: [JSONValue] = []
        for (index, id) in ids.enumerated() {
            let done = form["done.\(index)"] != nil
            var item: [String: JSONValue] = ["id": .string(id), "completed": .bool(done)]
            if let difficulty = form["difficulty.\(index)"], !difficulty.isEmpty {
                item["difficulty"] = .string(difficulty)
            } else if done {
                item["difficulty"] = .string("right")
            }
            if let pain = form["pain.\(index)"].flatMap({ Double($0) }) ?? (done ? sessionPain : nil) { item["painDuring"] = .number(pain) }
            let symptoms = form.all("symptoms.\(index)").filter { !$0.isEmpty }
            if !symptoms.isEmpty { item["symptoms"] = .array(symptoms.map(JSONValue.string)) }
            items.append(.object(item))
        }
        let catalogue = content.catalogue
        let feedback = try parsedFeedback(.array(items), catalogue: catalogue)
        // The day the page was opened (a session queued offline is sent later) and the page's own id for it.
        let date = LocalDate(form["date"] ?? "")
        let clientID = (form["sessionId"]).flatMap(UUID.init(uuidString:))
        let logged: SessionService.Logged
        do {
            logged = try await services.sessions.log(feedback, on: date, clientID: clientID, for: user)
        } catch let error as ServiceError where error.kind == .conflict {
            // Saved already that day, no clear check, or paused: Today says why (and offers the check).
            return try await todayPage(for: user, notice: error.message, context: context, status: .conflict)
        }
        return try renderer.html(
            "pages/session-done", SessionDonePage.make(logged, catalogue: catalogue, context: context, assets: renderer.assets))
    }
}
