import BackCoachCore
import Foundation

/// Server-rendered SVG charts. They are built from numbers only (no user text), so inserting them unescaped is safe.
/// Each carries a title and description for screen readers; the page also shows the numbers as a table.
enum Charts {
    static let width = 640.0
    static let height = 240.0
    static let margin = (left: 36.0, right: 12.0, top: 12.0, bottom: 28.0)

    /// Pain 0–10 over the window, with the baseline and the band that would be a meaningful improvement.
    /// Points more than `joinWithin` days apart are not joined: a stretch with no check-ins shows as a gap.
    static func pain(
        points: [(LocalDate, Double)], from: LocalDate, to: LocalDate, baseline: Double?, description: String,
        startLabel: String = "your start", joinWithin: Int? = nil
    ) -> String {
        // Meaningful improvement: at least 2 points and at least 30% below the baseline (section 6.1).
        let band = baseline.map { baseline in
            (0.0, max(0, min(baseline - OutcomeThresholds.painPoints, baseline * (1 - OutcomeThresholds.painFraction))))
        }
        return score(
            id: "pain", title: "Pain over time", points: points, from: from, to: to, baseline: baseline,
            band: band, description: description, startLabel: startLabel, joinWithin: joinWithin)
    }

    /// The PSFS average 0–10 (higher is better), with the band a meaningful improvement reaches: 2 points up (section 6.2).
    static func psfs(points: [(LocalDate, Double)], from: LocalDate, to: LocalDate, baseline: Double?, description: String) -> String {
        score(
            id: "psfs", title: "Activities score over time", points: points, from: from, to: to, baseline: baseline,
            band: baseline.map { (min(10, $0 + OutcomeThresholds.psfsAveragePoints), 10) }, description: description,
            startLabel: "her start")
    }

    /// A 0–10 score by date with an optional baseline and a shaded band (low…high).
    static func score(
        id: String, title: String, points: [(LocalDate, Double)], from: LocalDate, to: LocalDate, baseline: Double?,
        band: (Double, Double)?, description: String, startLabel: String, joinWithin: Int? = nil
    ) -> String {
        let days = Double(max(1, from.days(until: to)))
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        func x(_ date: LocalDate) -> Double { margin.left + plotWidth * Double(from.days(until: date)) / days }
        func y(_ value: Double) -> Double { margin.top + plotHeight * (1 - value / 10) }
        var svg =
            #"<svg class="chart" viewBox="0 0 \#(Int(width)) \#(Int(height))" role="img" aria-labelledby="\#(id)-title \#(id)-desc" xmlns="http://www.w3.org/2000/svg">"#
        svg += #"<title id="\#(id)-title">\#(title)</title><desc id="\#(id)-desc">\#(XMLText.escaped(description))</desc>"#
        if let band {
            svg +=
                #"<rect class="band" x="\#(margin.left)" y="\#(f(y(band.1)))" width="\#(f(plotWidth))" height="\#(f(y(band.0) - y(band.1)))"/>"#
            svg += #"<text class="band-label" x="\#(f(margin.left + 6))" y="\#(f(y(band.0) - 6))">meaningful improvement</text>"#
        }
        if let baseline {
            svg +=
                #"<line class="baseline" x1="\#(margin.left)" x2="\#(f(width - margin.right))" y1="\#(f(y(baseline)))" y2="\#(f(y(baseline)))"/>"#
            svg +=
                #"<text class="baseline-label" x="\#(f(width - margin.right - 4))" y="\#(f(y(baseline) - 4))" text-anchor="end">\#(startLabel)</text>"#
        }
        for level in stride(from: 0, through: 10, by: 5) {
            svg +=
                #"<line class="grid" x1="\#(margin.left)" x2="\#(f(width - margin.right))" y1="\#(f(y(Double(level))))" y2="\#(f(y(Double(level))))"/>"#
            svg += #"<text class="axis" x="\#(f(margin.left - 6))" y="\#(f(y(Double(level)) + 4))" text-anchor="end">\#(level)</text>"#
        }
        svg += #"<text class="axis" x="\#(margin.left)" y="\#(f(height - 8))">\#(DayLabel.short(from))</text>"#
        svg += #"<text class="axis" x="\#(f(width - margin.right))" y="\#(f(height - 8))" text-anchor="end">\#(DayLabel.short(to))</text>"#
        if !points.isEmpty {
            var runs: [[(LocalDate, Double)]] = []
            for point in points {
                if let last = runs.last?.last, joinWithin.map({ last.0.days(until: point.0) <= $0 }) ?? true {
                    runs[runs.count - 1].append(point)
                } else {
                    runs.append([point])
                }
            }
            for run in runs where run.count > 1 {
                let path = run.map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " ")
                svg += #"<polyline class="line" points="\#(path)"/>"#
            }
            for point in points {
                svg +=
                    #"<circle class="dot" cx="\#(f(x(point.0)))" cy="\#(f(y(point.1)))" r="3.5"><title>\#(DayLabel.short(point.0)): \#(point.1 == point.1.rounded() ? String(Int(point.1)) : f(point.1))/10</title></circle>"#
            }
        }
        return svg + "</svg>"
    }

    enum Day {
        case done, missed, rest, future
    }

    /// Weeks as columns (each from Monday, labelled with its date), days as rows (Mon, Wed, Fri labelled): sessions
    /// done, planned but not done, rest days. `description` says what it shows in words; the page has it as a table too.
    static func heatMap(days: [(LocalDate, Day)], description: String) -> String {
        let cell = 16.0, gap = 3.0, left = 34.0, top = 16.0, inset = 4.0
        guard let first = days.first?.0 else { return "" }
        // Monday is row 0: the first column starts on the Monday of her first week.
        let lead = first.weekdayIndex
        let weeks = Int((Double(lead + days.count) / 7).rounded(.up))
        // Room after the last column for a date label that starts there, and for the first one when she has had only
        // a week.
        let svgWidth = max(left + Double(weeks) * (cell + gap) + 2, left + 40) + labelRoom
        let svgHeight = top + 7 * (cell + gap) + 2
        // Drawn at a fixed scale (shrunk only when wider than the page), so a few weeks don't blow up to full width.
        // A year is 53 columns: at the page's width on a phone the cells would be specks, so a map longer than a
        // quarter keeps its scale and scrolls sideways, opening on the latest weeks.
        let long = weeks > 14
        var svg =
            #"<svg class="heatmap\#(long ? " long" : "")" viewBox="0 0 \#(f(svgWidth)) \#(f(svgHeight))" width="\#(f(svgWidth * 1.6))" height="\#(f(svgHeight * 1.6))" role="img" aria-label="\#(XMLText.escaped(description))" xmlns="http://www.w3.org/2000/svg">"#
        for (row, name) in [(0, "Mon"), (2, "Wed"), (4, "Fri")] {
            // Inset from the rounded border the page draws around the map.
            svg += #"<text class="axis" x="\#(f(inset))" y="\#(f(top + Double(row) * (cell + gap) + 12))">\#(name)</text>"#
        }
        // Every third Monday: a label ("21 Dec") is wider than two columns.
        for week in stride(from: 0, to: weeks, by: 3) {
            let monday = first.adding(days: week * 7 - lead)
            svg += #"<text class="axis" x="\#(f(left + Double(week) * (cell + gap)))" y="11">\#(DayLabel.short(monday))</text>"#
        }
        for (index, day) in days.enumerated() {
            let slot = index + lead
            let style =
                switch day.1 {
                case .done: "done"
                case .missed: "missed"
                case .rest: "rest"
                case .future: "future"
                }
            svg +=
                #"<rect class="\#(style)" x="\#(f(left + Double(slot / 7) * (cell + gap)))" y="\#(f(top + Double(slot % 7) * (cell + gap)))" width="\#(cell)" height="\#(cell)" rx="3"/>"#
        }
        svg += "</svg>"
        return long ? #"<div class="heatmap-scroll" tabindex="0" role="group" aria-label="Sessions, scroll sideways">\#(svg)</div>"# : svg
    }

    /// Width kept after the last column for a date label that starts at it.
    private static let labelRoom = 30.0

    static func f(_ value: Double) -> String { value.oneDecimal }
}
