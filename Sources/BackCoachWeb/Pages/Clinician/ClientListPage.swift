import BackCoachCore
import BackCoachServices
import BackCoachStorage

/// A clinician's clients, most in need first, each with its alerts; and the form for a new sharing code.
struct ClientListPage {
    let chrome: Chrome
    let clinicianName: String
    let clients: [Client]
    let code: String
    let message: String?
    let error: String?

    struct Client {
        let name: String
        let link: String
        let since: String
        let alerts: [Alert]
        let calm: Bool
    }

    struct Alert {
        let text: String
        let link: String
        let urgent: Bool

        /// Links to the part of her page with the evidence; dates as her pages write them.
        init(_ alert: CareAlert, page: String) {
            text = alert.text(dates: DayLabel.text)
            link = page + "#" + alert.kind.evidence
            urgent = alert.kind.rank >= 4
        }
    }

    static func make(
        _ listings: [ClinicianService.Listing], clinician: User, code: String = "", message: String? = nil, error: String? = nil,
        chrome: Chrome
    ) -> ClientListPage {
        ClientListPage(
            chrome: chrome, clinicianName: clinician.displayName ?? clinician.email,
            clients: listings.map { listing in
                let link = PagePath.clinicianClient(listing.client.id)
                return Client(
                    name: listing.client.email, link: link,
                    since: DayLabel.time(listing.share.acceptedAt ?? listing.share.createdAt, in: listing.client.timeZone),
                    alerts: listing.alerts.map { Alert($0, page: link) },
                    calm: listing.alerts.isEmpty)
            }, code: code, message: message, error: error)
    }
}
