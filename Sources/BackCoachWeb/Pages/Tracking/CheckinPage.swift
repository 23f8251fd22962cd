import BackCoachCore
import BackCoachServices
import BackCoachStorage

/// The daily check-in: pain today, the weekly PSFS activities, and a note.
struct CheckinPage {
    let chrome: Chrome
    /// The day this form saves, YYYY-MM-DD.
    let date: String
    let dateText: String
    let scale: [PainChoice]
    let askPSFS: Bool
    let namedActivities: [Activity]
    let newActivities: [NewActivity]
    let note: String
    let saved: Bool
    let error: String?
    /// The day already has a check-in: saving replaces it with what the form holds.
    let isUpdate: Bool
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
        /// Its score for this day, or empty before it is rated.
        let score: String
    }

    struct NewActivity {
        let index: Int
        /// Counted from 1, as she reads it.
        let number: Int
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

    /// The form for `day` with what she saved for that day already in it, so saving again (even only a note) never
    /// loses a value. `typed` is what she just sent, kept when it was refused. `recent` is her last weeks of check-ins.
    static func make(
        day: LocalDate, today: LocalDate, recent: [Checkin], typed: Typed? = nil, saved: Bool, error: String?, context: AppRequestContext,
        assets: Assets
    ) -> CheckinPage {
        let current = recent.last { $0.date == day }
        let pain = typed?.pain ?? current?.pain
        // PSFS is weekly: asked when the day already has ratings, or none was given in the 6 days before it.
        // Activities are named once, then re-rated.
        let lastPSFS = recent.last { $0.psfs != nil && $0.date <= day }
        let askPSFS = current?.psfs != nil || (lastPSFS.map { $0.date.days(until: day) >= 7 } ?? true)
        let ratings = typed?.psfs ?? current?.psfs ?? lastPSFS?.psfs?.map { PSFSRating(activity: $0.activity, score: -1) } ?? []
        let named = ratings.enumerated().map {
            Activity(index: $0.offset, name: $0.element.activity, score: $0.element.score >= 0 ? String($0.element.score) : "")
        }
        return CheckinPage(
            chrome: Chrome(title: "Check in", context: context, section: .checkin, assets: assets),
            date: day.description, dateText: DayLabel.text(day),
            scale: (0...10).map { .init(value: $0, label: painWord($0), checked: pain == $0) },
            askPSFS: askPSFS, namedActivities: named,
            newActivities: named.isEmpty ? (0..<CheckinService.activities.upperBound).map { NewActivity(index: $0, number: $0 + 1) } : [],
            note: typed?.note ?? current?.note ?? "", saved: saved, error: error, isUpdate: current != nil,
            days: (0...2).map { back in
                let value = today.adding(days: -back)
                return .init(
                    value: value.description, label: ["Today", "Yesterday", "The day before"][back], selected: value == day)
            })
    }

    /// What she sent, shown again when it was refused.
    struct Typed {
        let pain: Int?
        let psfs: [PSFSRating]?
        let note: String?
    }
}
