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
    /// The table's first column: a day, or the week a weekly average is of.
    let pointHeading: String
    let painHeading: String
    let threshold: String
    let adherence: String
    let activities: [ActivityChange]
    let periods: [Period]
    /// The session grid week by week, for the table beside the heat map.
    let weeks: [Week]
    /// "Baseline 5.0, latest 3.0": only when both are known.
    let printedPain: String?
    let printedOn: String
    let progressCSS: String

    struct Point {
        let date: String
        let pain: String
    }

    struct ActivityChange {
        let name: String
        let first: Int
        let latest: Int
        let firstWidth: Int
        let latestWidth: Int
    }

    struct Week {
        let label: String
        let done: Int
        let missed: Int
    }

    struct Period {
        let days: Int
        let label: String
        let current: Bool
    }

    /// `grid`: the window's days (from her first day, when that is later), each planned, done, missed or rest.
    static func make(
        _ report: ProgressReport, days: Int, grid: [(date: LocalDate, mark: ProgressService.DayMark)], today: LocalDate,
        context: AppRequestContext, assets: Assets
    ) -> ProgressPage {
        let message = report.messages.first ?? ""
        let chart = Charts.pain(
            points: report.chartPoints, from: report.from, to: report.to, baseline: report.baseline, description: message,
            joinWithin: report.chartJoinDays)
        let cells: [(LocalDate, Charts.Day)] = grid.map { day in
            switch day.mark {
            case .done: (day.date, .done)
            case .missed: (day.date, .missed)
            case .rest: (day.date, .rest)
            case .future: (day.date, .future)
            }
        }
        // Her first-ever score against her latest, as the sentence above the bars measures them (the first round inside
        // a short window would say something else). Before any activity has two scores, her latest round alone.
        let compared =
            report.psfsChange?.activities.map { ($0.activity, $0.first, $0.latest) }
            ?? report.psfs.last?.ratings.map { ($0.activity, $0.score, $0.score) } ?? []
        let activities = compared.map { name, first, latest in
            ActivityChange(name: name, first: first, latest: latest, firstWidth: first * 10, latestWidth: latest * 10)
        }
        let format = { (value: Double?) in value?.oneDecimal }
        let done = grid.filter { $0.mark == .done }.count
        let missed = grid.filter { $0.mark == .missed }.count
        let gridText =
            grid.first.map { "Sessions from \(DayLabel.text($0.date)) to today: \(done) done, \(missed) planned but not done." } ?? ""
        // Weeks from Monday, as the heat map's columns.
        var weeks: [Week] = []
        for day in grid {
            if weeks.isEmpty || day.date.weekdayIndex == 0 {
                weeks.append(Week(label: "Week of \(DayLabel.text(day.date.adding(days: -day.date.weekdayIndex)))", done: 0, missed: 0))
            }
            let week = weeks.removeLast()
            weeks.append(
                Week(label: week.label, done: week.done + (day.mark == .done ? 1 : 0), missed: week.missed + (day.mark == .missed ? 1 : 0)))
        }
        let since =
            report.from > today.adding(days: -(days - 1))
            ? "since you started on \(DayLabel.text(report.from))" : "in the last \(days) days"
        return ProgressPage(
            chrome: Chrome(title: "Progress", context: context, section: .progress, assets: assets), days: days,
            painChart: chart, heatMap: Charts.heatMap(days: cells, description: gridText), messages: report.messages,
            points: points(report), hasPoints: !report.pain.isEmpty || !report.painWeeks.isEmpty,
            pointHeading: report.resolution == .week ? "Week of" : "Date",
            painHeading: report.resolution == .week ? "Average pain (0–10)" : "Pain (0–10)",
            threshold: report.threshold,
            adherence: "\(report.adherence.done) of \(report.adherence.planned) planned sessions done \(since)",
            activities: activities,
            periods: [30, 90, 365].map { .init(days: $0, label: $0 == 365 ? "1 year" : "\($0) days", current: $0 == days) },
            weeks: weeks,
            printedPain: format(report.baseline).flatMap { first in
                format(report.latest).map { "Pain at the start \(first), latest \($0) (0–10 scale)." }
            },
            printedOn: DayLabel.text(today), progressCSS: assets.url("progress.css"))
    }

    /// A row a day, or a row a week with how many check-ins its average is of.
    private static func points(_ report: ProgressReport) -> [Point] {
        switch report.resolution {
        case .day: report.pain.map { Point(date: DayLabel.text($0.date), pain: "\($0.pain)") }
        case .week:
            report.painWeeks.map { week in
                let average = week.average.oneDecimal
                let count = week.checkins == 1 ? "1 check-in" : "\(week.checkins) check-ins"
                return Point(date: DayLabel.text(week.weekOf), pain: "\(average) (\(count))")
            }
        }
    }
}
