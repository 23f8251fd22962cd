import BackCoachCore
import BackCoachServices
import Foundation

/// Progress: the pain chart against her baseline, the PSFS activities, and sessions done.
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

    /// `grid`: the last 12 weeks of planned, done and missed days, for the heat map.
    static func make(
        _ report: ProgressReport, days: Int, grid: [(date: LocalDate, mark: ProgressService.DayMark)], today: LocalDate,
        context: AppRequestContext, assets: Assets
    ) -> ProgressPage {
        let message = report.messages.first ?? ""
        let chart = Charts.pain(
            points: report.pain.map { ($0.date, $0.pain) }, from: report.from, to: report.to, baseline: report.baseline,
            description: message)
        // Heat map: the last 12 weeks.
        let cells: [(LocalDate, Charts.Day)] = grid.map { day in
            switch day.mark {
            case .done: (day.date, .done)
            case .missed: (day.date, .missed)
            case .rest: (day.date, .rest)
            case .future: (day.date, .future)
            }
        }
        var activities: [ActivityChange] = []
        if let first = report.psfs.first, let last = report.psfs.last {
            for rating in last.ratings {
                let before = first.ratings.first { $0.activity.lowercased() == rating.activity.lowercased() }?.score ?? rating.score
                activities.append(
                    ActivityChange(
                        name: rating.activity, first: before, latest: rating.score, firstWidth: before * 10, latestWidth: rating.score * 10)
                )
            }
        }
        let format = { (value: Double?) in value.map { String(format: "%.1f", $0) } }
        return ProgressPage(
            chrome: Chrome(title: "Progress", context: context, section: .progress, assets: assets), days: days,
            painChart: chart, heatMap: Charts.heatMap(days: cells), messages: report.messages,
            points: report.pain.map { .init(date: $0.date.description, pain: $0.pain) }, hasPoints: !report.pain.isEmpty,
            baseline: format(report.baseline), latest: format(report.latest), threshold: report.threshold,
            adherence: "\(report.adherence.done) of \(report.adherence.planned) planned sessions done in the last \(days) days",
            activities: activities,
            periods: [30, 90, 365].map { .init(days: $0, label: $0 == 365 ? "1 year" : "\($0) days", current: $0 == days) },
            printedOn: today.description, progressCSS: assets.url("progress.css"))
    }
}
