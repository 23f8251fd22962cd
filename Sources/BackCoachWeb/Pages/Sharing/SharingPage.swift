import BackCoachServices
import BackCoachStorage
import Foundation

/// Sharing with her clinician: what is shared, a new code (shown once), who has access, and every view and change.
struct SharingPage {
    let chrome: Chrome
    let whatIsShared: [String]
    let invitation: Invitation?
    let open: [Row]
    let waiting: [Row]
    let log: [LogRow]
    let message: String?
    let error: String?

    struct Invitation {
        let code: String
        let link: String
        let expires: String
    }

    struct Row {
        let id: String
        let who: String
        let since: String
    }

    struct LogRow {
        let when: String
        let who: String
        let what: String
        let reason: String?
    }

    static func make(
        shares: [ShareService.Entry], log: [ShareService.LogLine], invitation: ShareService.Invitation? = nil, user: User,
        message: String? = nil, error: String? = nil, chrome: Chrome
    ) -> SharingPage {
        let zone = user.timeZone
        func who(_ entry: ShareService.Entry) -> String {
            [entry.clinicianName, entry.profession].compactMap { $0 }.joined(separator: ", ")
        }
        return SharingPage(
            chrome: chrome, whatIsShared: ShareService.whatIsShared,
            invitation: invitation.map {
                Invitation(code: $0.code, link: $0.link, expires: DayLabel.time($0.expiresAt, in: zone))
            },
            open: shares.filter { $0.status == .open }.map {
                Row(id: $0.id.uuidString.lowercased(), who: who($0), since: DayLabel.time($0.acceptedAt ?? $0.createdAt, in: zone))
            },
            waiting: shares.filter { $0.status == .waiting }.map {
                Row(
                    id: $0.id.uuidString.lowercased(), who: "Code made \(DayLabel.time($0.createdAt, in: zone))",
                    since: DayLabel.time($0.expiresAt, in: zone))
            },
            log: log.map {
                LogRow(when: DayLabel.time($0.event.at, in: zone), who: $0.clinicianName, what: $0.event.summary, reason: $0.event.reason)
            },
            message: message, error: error)
    }
}
