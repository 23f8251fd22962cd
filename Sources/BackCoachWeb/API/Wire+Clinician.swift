import BackCoachAPI
import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation

/// A client's record and listing on the wire.
extension APIHandler {
    static func wire(_ client: User, share: Share, alerts: [CareAlert]) -> Components.Schemas.ClientListing {
        .init(
            clientId: client.id.description, email: client.email, timeZone: client.timeZone,
            sharedSince: share.acceptedAt ?? share.createdAt, alerts: alerts.map(wire))
    }

    static func wire(_ alert: CareAlert) -> Components.Schemas.CareAlert {
        .init(
            kind: .init(rawValue: alert.kind.rawValue)!, date: alert.date?.description, text: alert.text(dates: \.description),
            evidence: alert.kind.evidence)
    }

    static func wire(_ record: ClinicianService.ClientRecord, clinicianName: String) throws -> Components.Schemas.ClientRecord {
        let adjustments = record.current?.adjustments ?? .none
        return .init(
            client: wire(record.client, share: record.share, alerts: record.alerts), today: record.today.description,
            alerts: record.alerts.map(wire),
            triage: try record.current.map { try Wire.convert($0.assessment.triage) },
            program: try record.current?.assessment.program.map { try Wire.convert($0) }, paused: record.current?.paused,
            adjustments: .init(
                painCeiling: adjustments.painCeiling, excluded: adjustments.excluded.sorted(),
                confirmedGates: adjustments.confirmedGates.map(\.rawValue).sorted().map { .init(rawValue: $0)! },
                sessionsPerWeek: adjustments.sessionsPerWeek, minutesPerDay: adjustments.minutesPerDay, note: adjustments.note),
            progress: try Wire.convert(record.progress),
            weeks: record.weeks.map { .init(from: $0.from.description, to: $0.to.description, planned: $0.planned, done: $0.done) },
            sessions: try record.sessions.map { log in
                .init(
                    id: log.id.uuidString.lowercased(), date: log.date.description,
                    exercises: try log.feedback.map { feedback in
                        .init(
                            id: feedback.exerciseID, completed: feedback.completed,
                            difficulty: try feedback.difficulty.map { try Wire.convert($0) },
                            painDuring: feedback.painDuring, nextMorning: try feedback.nextMorning.map { try Wire.convert($0) },
                            symptoms: try feedback.symptoms.map(\.rawValue).sorted().map { try Wire.convert($0) })
                    }, decisions: try Wire.convert(log.decisions))
            },
            checks: try record.checks.map {
                .init(
                    date: $0.date.description, level: try Wire.convert($0.level), redFlags: try Wire.convert($0.redFlags), at: $0.createdAt)
            },
            changes: record.changes.map { wire($0, clinicianName: clinicianName) })
    }
}
