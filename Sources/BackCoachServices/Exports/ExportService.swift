import BackCoachCore
import BackCoachStorage
import Foundation

/// Her own data, whole: CSV for a spreadsheet, a FHIR R4 Bundle for a health record.
public struct ExportService: Sendable {
    let context: ServiceContext

    /// Where the public PSFS Questionnaire that the FHIR export points to is served.
    public static let questionnairePath = HealthExport.questionnairePath

    func export(for user: User) async throws -> HealthExport {
        let all = (LocalDate("1990-01-01")!, LocalDate("2200-01-01")!)
        return HealthExport(
            user: user, checkins: try await context.store.checkins(for: user.id, from: all.0, to: all.1),
            sessions: try await context.store.sessions(for: user.id, from: all.0, to: all.1), baseURL: context.publicBaseURL,
            titles: Dictionary(uniqueKeysWithValues: context.content.catalogue.exercises.map { ($0.id, $0.title) }))
    }

    public func csv(for user: User) async throws -> String {
        try await export(for: user).csv()
    }

    /// The FHIR Bundle as JSON bytes.
    public func fhir(for user: User) async throws -> Data {
        try Self.json(try await export(for: user).fhirBundle())
    }

    /// The PSFS Questionnaire resource as JSON bytes.
    public func questionnaire() throws -> Data {
        try Self.json(HealthExport.questionnaire(baseURL: context.publicBaseURL))
    }

    static func json(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
