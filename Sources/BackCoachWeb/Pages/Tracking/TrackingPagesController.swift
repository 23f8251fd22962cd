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

    func checkinModel(for user: User, context: AppRequestContext, saved: Bool = false, error: String? = nil) async throws -> CheckinPage {
        CheckinPage.make(
            today: today.today(for: user), recent: try await checkins.recent(for: user), saved: saved, error: error, context: context,
            assets: renderer.assets)
    }

    @Sendable func checkinPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        return try renderer.html("pages/checkin", try await checkinModel(for: user, context: context))
    }

    @Sendable func saveCheckin(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        let todayDate = today.today(for: user)
        do {
            let date = try DateRules.parse(form["date"], field: "date", today: todayDate, allowed: .anyDate) ?? todayDate
            var ratings: [PSFSRating] = []
            for index in 0..<CheckinService.activities.upperBound {
                let name = form.trimmed("activity.\(index)")
                let scoreText = form.trimmed("score.\(index)")
                if name.isEmpty && scoreText.isEmpty { continue }
                guard let score = Int(scoreText) else {
                    throw ServiceError.invalid("Give \(name.isEmpty ? "each activity" : "“\(name)”") a score from 0 to 10.", field: "psfs")
                }
                ratings.append(PSFSRating(activity: name, score: score))
            }
            _ = try await checkins.save(
                .init(date: date, pain: Int(form["pain"] ?? ""), psfs: ratings.isEmpty ? nil : ratings, note: form["note"]), for: user)
        } catch let error as ServiceError {
            return try renderer.html(
                "pages/checkin", try await checkinModel(for: user, context: context, error: error.message), status: .badRequest)
        }
        return try renderer.html("pages/checkin", try await checkinModel(for: user, context: context, saved: true))
    }

    @Sendable func progress(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let days = [30, 90, 365].first { String($0) == request.uri.queryParameters["days"].map(String.init) } ?? 90
        let report = try await progress.report(days: days, for: user)
        let grid = try await progress.sessionGrid(days: 84, for: user)
        return try renderer.html(
            "pages/progress",
            ProgressPage.make(report, days: days, grid: grid, today: today.today(for: user), context: context, assets: renderer.assets))
    }
}
