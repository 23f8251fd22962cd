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
        router.get("/checkin", use: checkinPage)
        router.post("/checkin", use: saveCheckin)
        router.get("/progress", use: progress)
    }

    struct CheckinPage {
        let chrome: Chrome
        let dateText: String
        let scale: [PainChoice]
        let askPSFS: Bool
        let namedActivities: [Activity]
        let newActivities: [Int]
        let note: String
        let saved: Bool
        let error: String?
        /// Missed a day? She can check in for yesterday or the day before.
        let days: [DayChoice]

        struct DayChoice {
            let value: String
            let label: String
            let selected: Bool
        }

        struct PainChoice {
            let value: Int
            let label: String
            let checked: Bool
        }

        struct Activity {
            let index: Int
            let name: String
        }
    }

    static func painWord(_ value: Int) -> String {
        switch value {
        case 0: "No pain"
        case 1...3: "Mild"
        case 4...6: "Moderate"
        case 7...9: "Severe"
        default: "Worst pain imaginable"
        }
    }

    func checkinModel(for user: User, context: AppRequestContext, saved: Bool = false, error: String? = nil) async throws -> CheckinPage {
        let today = self.today.today(for: user)
        let recent = try await checkins.recent(for: user)
        let current = recent.last { $0.date == today }
        // PSFS is weekly: ask when none was given in the last 6 days. Activities are named once, then re-rated.
        let lastPSFS = recent.last { $0.psfs != nil }
        let askPSFS = lastPSFS.map { $0.date.days(until: today) >= 7 || $0.date == today } ?? true
        let named = (lastPSFS?.psfs ?? []).enumerated().map { CheckinPage.Activity(index: $0.offset, name: $0.element.activity) }
        return CheckinPage(
            chrome: Chrome(title: "Check in", context: context, section: .checkin, assets: renderer.assets),
            dateText: SessionPagesController.format(today),
            scale: (0...10).map { .init(value: $0, label: Self.painWord($0), checked: current?.pain == $0) },
            askPSFS: askPSFS, namedActivities: named, newActivities: named.isEmpty ? Array(0..<5) : [], note: current?.note ?? "",
            saved: saved, error: error,
            days: (0...2).map { back in
                .init(
                    value: today.adding(days: -back).description, label: ["Today", "Yesterday", "The day before"][back], selected: back == 0
                )
            })
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

    struct ProgressPage {
        let chrome: Chrome
        let days: Int
        let painChart: String
        let heatMap: String
        let messages: [String]
        let points: [Point]
        let hasPoints: Bool
        let baseline: String?
        let latest: String?
        let threshold: String
        let adherence: String
        let activities: [ActivityChange]
        let periods: [Period]
        let printedOn: String
        let progressCSS: String

        struct Point {
            let date: String
            let pain: Int
        }

        struct ActivityChange {
            let name: String
            let first: Int
            let latest: Int
            let firstWidth: Int
            let latestWidth: Int
        }

        struct Period {
            let days: Int
            let label: String
            let current: Bool
        }
    }

    @Sendable func progress(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let days = [30, 90, 365].first { String($0) == request.uri.queryParameters["days"].map(String.init) } ?? 90
        let report = try await progress.report(days: days, for: user)
        let message = report.messages.first ?? ""
        let chart = Charts.pain(
            points: report.pain.map { ($0.date, $0.pain) }, from: report.from, to: report.to, baseline: report.baseline,
            description: message)
        // Heat map: the last 12 weeks.
        let cells: [(LocalDate, Charts.Day)] = try await progress.sessionGrid(days: 84, for: user).map { day in
            switch day.mark {
            case .done: (day.date, .done)
            case .missed: (day.date, .missed)
            case .rest: (day.date, .rest)
            case .future: (day.date, .future)
            }
        }
        var activities: [ProgressPage.ActivityChange] = []
        if let first = report.psfs.first, let last = report.psfs.last {
            for rating in last.ratings {
                let before = first.ratings.first { $0.activity.lowercased() == rating.activity.lowercased() }?.score ?? rating.score
                activities.append(
                    ProgressPage.ActivityChange(
                        name: rating.activity, first: before, latest: rating.score, firstWidth: before * 10, latestWidth: rating.score * 10)
                )
            }
        }
        let format = { (value: Double?) in value.map { String(format: "%.1f", $0) } }
        return try renderer.html(
            "pages/progress",
            ProgressPage(
                chrome: Chrome(title: "Progress", context: context, section: .progress, assets: renderer.assets), days: days,
                painChart: chart, heatMap: Charts.heatMap(days: cells), messages: report.messages,
                points: report.pain.map { .init(date: $0.date.description, pain: $0.pain) }, hasPoints: !report.pain.isEmpty,
                baseline: format(report.baseline), latest: format(report.latest), threshold: report.threshold,
                adherence: "\(report.adherence.done) of \(report.adherence.planned) planned sessions done in the last \(days) days",
                activities: activities,
                periods: [30, 90, 365].map { .init(days: $0, label: $0 == 365 ? "1 year" : "\($0) days", current: $0 == days) },
                printedOn: today.today(for: user).description, progressCSS: renderer.assets.url("progress.css")))
    }
}
