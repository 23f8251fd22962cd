import Foundation

/// The outcome of a red-flag screen. It never diagnoses: it says who to see and how soon.
public struct TriageResult: Codable, Equatable, Sendable {
    /// The most urgent level among the flags (`none` when nothing was flagged).
    public let level: TriageLevel
    /// False for emergency or urgent: the exercise program is withheld.
    public let programAllowed: Bool
    /// What to do now, in one sentence; nil when nothing was flagged.
    public let action: String?
    /// How soon, from the most urgent flag's own timing; nil when nothing was flagged.
    public let timing: TriageTiming?
    /// Most urgent first.
    public let flags: [TriageFlag]
}

public struct TriageFlag: Codable, Equatable, Sendable {
    public let id: RedFlagID
    public let level: TriageLevel
    public let timing: TriageTiming
    public let title: String
    /// Who to contact, how soon, and why, in plain words.
    public let advice: String
    public let sources: [String]
}

extension TriageResult {
    /// The same result with "[date]" in the emergency script ("I had a baby on [date] and I have …") set to the day
    /// of the birth, e.g. "2 October 2026"; before she has given it, the script says "I had a baby recently".
    func naming(birthDate: LocalDate?) -> TriageResult {
        let fill = { (text: String) in
            guard let birthDate else { return text.replacingOccurrences(of: "on [date]", with: "recently") }
            return text.replacingOccurrences(of: "[date]", with: birthDate.spelledOut)
        }
        return TriageResult(
            level: level, programAllowed: programAllowed, action: action.map(fill), timing: timing,
            flags: flags.map {
                TriageFlag(id: $0.id, level: $0.level, timing: $0.timing, title: $0.title, advice: fill($0.advice), sources: $0.sources)
            })
    }
}

extension LocalDate {
    /// "2 October 2026": a date as it is said aloud, the same in every English-speaking country.
    public var spelledOut: String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        ]
        return "\(day) \(months[month - 1]) \(year)"
    }
}
