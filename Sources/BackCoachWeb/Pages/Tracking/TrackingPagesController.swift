import BackCoachContent
import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation
import Hummingbird

/// The daily check-in and the progress page.
struct TrackingPagesController {
    let checkins: CheckinService
    let progress: ProgressService
    let today: TodayService
    let renderer: WebRenderer

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(PagePath.checkin, use: checkinPage)
        router.post(PagePath.checkin, use: saveCheckin)
        router.get(PagePath.progress, use: progress)
    }

    func checkinModel(
        for user: User, day: LocalDate?, context: AppRequestContext, typed: CheckinPage.Typed? = nil, saved: Bool = false,
        error: String? = nil
    ) async throws -> CheckinPage {
        let today = today.today(for: user)
        return CheckinPage.make(
            day: Self.shownDay(day, today: today), today: today, recent: try await checkins.recent(for: user), typed: typed, saved: saved,
            error: error, context: context, assets: renderer.assets)
    }

    /// The form offers today and the two days before; any other day asked for shows today.
    static func shownDay(_ day: LocalDate?, today: LocalDate) -> LocalDate {
        guard let day, day <= today, day >= today.adding(days: -2) else { return today }
        return day
    }

    /// `?date=` picks the day (today, yesterday or the day before); that day's saved values fill the form.
    @Sendable func checkinPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let day = request.uri.queryParameters["date"].flatMap { LocalDate(String($0)) }
        let saved = request.uri.queryParameters["saved"] == "1"
        return try renderer.html("pages/checkin", try await checkinModel(for: user, day: day, context: context, saved: saved))
    }

    /// Saves the day's check-in, then shows that day again (post/redirect/get: a reload never sends it twice).
    @Sendable func saveCheckin(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        let todayDate = today.today(for: user)
        var ratings: [PSFSRating] = []
        var typedNewActivity = false
        for index in 0..<CheckinService.activities.upperBound {
            let name = form.trimmed("activity.\(index)")
            let scoreText = form.trimmed("score.\(index)")
            if name.isEmpty && scoreText.isEmpty { continue }
            ratings.append(PSFSRating(activity: name, score: Int(scoreText) ?? -1))
            if form["named.\(index)"] == nil { typedNewActivity = true }
        }
        // Every score of the activities she named before left empty skips this week's scores (the page asks again next
        // time). Some filled and some empty is a round half done, and a new activity she typed needs its score: she is
        // asked for the rest.
        if !typedNewActivity && ratings.allSatisfy({ $0.score < 0 }) { ratings = [] }
        let typed = CheckinPage.Typed(pain: Int(form["pain"] ?? ""), psfs: ratings.isEmpty ? nil : ratings, note: form["note"])
        var shown = todayDate
        do {
            let date = try DateRules.parse(form["date"], field: "date", today: todayDate, allowed: .anyDate) ?? todayDate
            shown = date
            if let unscored = ratings.first(where: { $0.score < 0 }) {
                let name = unscored.activity
                throw ServiceError.invalid("Give \(name.isEmpty ? "each activity" : "“\(name)”") a score from 0 to 10.", field: "psfs")
            }
            // Sent later from her phone's queue: when she wrote it (milliseconds since 1970).
            let writtenAt = form["writtenAt"].flatMap(Double.init).map { Date(timeIntervalSince1970: $0 / 1000) }
            _ = try await checkins.save(
                .init(date: date, pain: typed.pain, psfs: typed.psfs, note: typed.note, writtenAt: writtenAt), for: user)
        } catch let error as ServiceError {
            let model = try await checkinModel(for: user, day: shown, context: context, typed: typed, error: error.message)
            return try renderer.html("pages/checkin", model, status: Problem(error).status)
        }
        return .redirect(to: PagePath.checkin + "?date=\(shown)&saved=1")
    }

    @Sendable func progress(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let days = [30, 90, 365].first { String($0) == request.uri.queryParameters["days"].map(String.init) } ?? 90
        let report = try await progress.report(days: days, for: user)
        // The same days as the window she chose, so the map, its table and the sentence above them count alike.
        let grid = try await progress.sessionGrid(days: days, for: user)
        return try renderer.html(
            "pages/progress",
            ProgressPage.make(report, days: days, grid: grid, today: today.today(for: user), context: context, assets: renderer.assets))
    }
}
