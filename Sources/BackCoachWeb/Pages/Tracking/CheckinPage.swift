import BackCoachCore
import BackCoachStorage

/// The daily check-in: pain today, the weekly PSFS activities, and a note.
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

    static func painWord(_ value: Int) -> String {
        switch value {
        case 0: "No pain"
        case 1...3: "Mild"
        case 4...6: "Moderate"
        case 7...9: "Severe"
        default: "Worst pain imaginable"
        }
    }

    /// Today's form, with what she saved today already in it. `recent` is her last weeks of check-ins.
    static func make(
        today: LocalDate, recent: [Checkin], saved: Bool, error: String?, context: AppRequestContext, assets: Assets
    ) -> CheckinPage {
        let current = recent.last { $0.date == today }
        // PSFS is weekly: ask when none was given in the last 6 days. Activities are named once, then re-rated.
        let lastPSFS = recent.last { $0.psfs != nil }
        let askPSFS = lastPSFS.map { $0.date.days(until: today) >= 7 || $0.date == today } ?? true
        let named = (lastPSFS?.psfs ?? []).enumerated().map { Activity(index: $0.offset, name: $0.element.activity) }
        return CheckinPage(
            chrome: Chrome(title: "Check in", context: context, section: .checkin, assets: assets),
            dateText: DayLabel.text(today),
            scale: (0...10).map { .init(value: $0, label: painWord($0), checked: current?.pain == $0) },
            askPSFS: askPSFS, namedActivities: named, newActivities: named.isEmpty ? Array(0..<5) : [], note: current?.note ?? "",
            saved: saved, error: error,
            days: (0...2).map { back in
                .init(
                    value: today.adding(days: -back).description, label: ["Today", "Yesterday", "The day before"][back], selected: back == 0
                )
            })
    }
}
