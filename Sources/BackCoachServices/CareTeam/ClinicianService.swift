import BackCoachCore
import BackCoachStorage
import Foundation

/// The clinician's side: redeem a code, the clients who shared (by need, with alerts), one client's record, her FHIR
/// export. Every call asks the store whether the share is still open, so a revoked share stops the next request,
/// and every view lands in her log.
public struct ClinicianService: Sendable {
    let context: ServiceContext
    let program: ProgramService
    let throttle: SignInThrottle

    /// A client in the list: who, since when, and what needs a look.
    public struct Listing: Sendable {
        public let client: User
        public let share: Share
        public let alerts: [CareAlert]

        /// The most urgent alert's rank (0 without alerts): the list sorts by it.
        public var need: Int { alerts.map(\.kind.rank).max() ?? 0 }
    }

    public func requireClinician(_ user: User) throws -> User {
        guard user.role == .clinician else {
            throw ServiceError.forbidden("This is for clinician accounts. Your own plan is on your Today page.")
        }
        return user
    }

    /// Redeems her code: the clinician sees her from now on, until she revokes it.
    public func link(code: String?, for clinician: User) async throws -> Listing {
        _ = try requireClinician(clinician)
        let typed = (code ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !typed.isEmpty else { throw ServiceError.invalid("Please enter the sharing code she gave you.", field: "code") }
        guard typed.count <= 40 else { throw ServiceError.invalid("A sharing code is 12 letters and digits.", field: "code") }
        try await throttle.countShareCode(clinician: clinician.id, now: context.now())
        guard
            let share = try await context.store.acceptShare(
                codeHash: ShareService.hash(code: typed), clinician: clinician.id, now: context.now())
        else {
            throw ServiceError.notFound(
                "That code doesn't work. It may be mistyped, used already, stopped or more than 7 days old. Ask her for a new one.")
        }
        guard let client = try await context.store.user(id: share.client) else {
            throw ServiceError.notFound("That client no longer exists.")
        }
        return Listing(client: client, share: share, alerts: try await alerts(for: client))
    }

    /// Every client with an open share, most in need first.
    public func clients(for clinician: User) async throws -> [Listing] {
        _ = try requireClinician(clinician)
        var seen = Set<UserID>()
        var listings: [Listing] = []
        for share in try await context.store.shares(clinician: clinician.id) where seen.insert(share.client).inserted {
            guard let client = try await context.store.user(id: share.client) else { continue }
            listings.append(Listing(client: client, share: share, alerts: try await alerts(for: client)))
        }
        return listings.sorted { ($0.need, $0.alerts.count, $1.client.email) > ($1.need, $1.alerts.count, $0.client.email) }
    }

    /// The share that lets this clinician see this client now, and the client; a 404 otherwise, the same for a
    /// client who never shared, one who revoked and one who does not exist, so nothing leaks.
    func openShare(_ clientID: UserID, for clinician: User) async throws -> (Share, User) {
        _ = try requireClinician(clinician)
        guard let share = try await context.store.activeShare(client: clientID, clinician: clinician.id),
            let client = try await context.store.user(id: clientID)
        else { throw ServiceError.notFound("No client with that id shares her record with you.") }
        return (share, client)
    }

    /// Adds a line to her log; when the share ended meanwhile, what was read is not handed out.
    func log(_ kind: CareEvent.Kind, _ summary: String, share: Share, clinician: User) async throws {
        let event = CareEvent(
            shareID: share.id, client: share.client, clinician: clinician.id, at: context.now(), kind: kind, summary: summary)
        guard try await context.store.logCareEvent(event) else {
            throw ServiceError.notFound("No client with that id shares her record with you.")
        }
    }

    /// Her record as a FHIR Bundle, as she would export it herself; logged.
    public func fhirExport(of clientID: UserID, for clinician: User) async throws -> Data {
        let (share, client) = try await openShare(clientID, for: clinician)
        let bundle = try await ExportService(context: context).fhir(for: client)
        try await log(.exported, "Downloaded your record as a FHIR file.", share: share, clinician: clinician)
        return bundle
    }

    /// The days the alerts look back over.
    static let alertDays = 14

    /// Her alerts, for the client list: the last two weeks read here.
    func alerts(for client: User) async throws -> [CareAlert] {
        let today = context.today(for: client)
        let from = today.adding(days: -(Self.alertDays - 1))
        return try await alerts(
            for: client, today: today, current: try await program.currentIfAnswered(for: client, on: today),
            sessions: try await context.store.sessions(for: client.id, from: from, to: today),
            screens: try await context.store.screens(for: client.id, from: from, to: today))
    }

    /// Her alerts from what the caller already read (sessions and checks from at least two weeks back, oldest first),
    /// so the client page reads nothing twice. Dates are hers.
    func alerts(
        for client: User, today: LocalDate, current: ProgramService.Current?, sessions allSessions: [SessionLog],
        screens: [ScreenRecord]
    ) async throws -> [CareAlert] {
        let from = today.adding(days: -(Self.alertDays - 1))
        let store = context.store
        let sessions = allSessions.filter { $0.date >= from }
        let checkins = try await store.checkins(for: client.id, from: from, to: today)
        var lastSession = allSessions.last?.date
        if lastSession == nil { lastSession = try await store.recentSessions(for: client.id, limit: 1).last?.date }
        // A check-in with resting pain this high stops that day's session, as Today says (RF-16): the clinician
        // hears of it as of any check that stopped her.
        let stoppingLevel = context.coach.triageEngine.screen([.rf16], birthDate: current?.answers.birthDate).level
        let painStops = checkins.filter { $0.pain >= SafetyCheckService.restingPainThatStops }.map {
            (date: $0.date, level: stoppingLevel, flags: [RedFlagID.rf16])
        }
        let checks = screens.filter { $0.date >= from }.map { (date: $0.date, level: $0.level, flags: $0.redFlags) } + painStops
        let record = CareAlerts.Record(
            today: today, programStart: current?.record?.startDate, paused: current?.paused ?? false,
            intakeFlags: current?.assessment.triage.flags ?? [], checks: checks.sorted { $0.date < $1.date },
            pain: checkins.map { PainCheckin(date: $0.date, pain: $0.pain) }, lastCheckin: checkins.last?.date,
            sessions: sessions.map { ($0.date, $0.feedback) }, lastSession: lastSession,
            ceiling: current?.assessment.program?.painCeiling ?? PainCeiling.cautious)
        return CareAlerts.alerts(for: record) { context.content.catalogue[$0]?.title ?? $0 }
    }
}
