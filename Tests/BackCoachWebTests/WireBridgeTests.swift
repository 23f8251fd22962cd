import BackCoachAPI
import BackCoachContent
import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation
import Testing

@testable import BackCoachWeb

/// Core values reach the wire through the types generated from openapi.yaml (`Wire.convert`). A Core field the
/// document does not name would be dropped there without a word, so every shipped exercise, country, question and
/// a grid of real plans, days and progress reports must come out of the bridge exactly as Core wrote them.
@Suite("Core to wire, nothing lost")
struct WireBridgeTests {
    /// The paths where the wire type, written out again, says something other than Core said; empty when none.
    static func lost<WireType: Codable>(_ value: some Encodable, as type: WireType.Type) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let core = try JSONValue.parse(encoder.encode(value)).withoutNulls
        let wire = try JSONValue.parse(encoder.encode(try Wire.convert(value, to: type))).withoutNulls
        return differences(core, wire, at: "")
    }

    static func lossless<WireType: Codable>(_ value: some Encodable, as type: WireType.Type) throws -> Bool {
        let paths = try lost(value, as: type)
        if !paths.isEmpty { Issue.record("lost on the way to \(type): \(paths.prefix(5))") }
        return paths.isEmpty
    }

    static func differences(_ core: JSONValue, _ wire: JSONValue, at path: String) -> [String] {
        switch (core, wire) {
        case (.object(let a), .object(let b)):
            return Set(a.keys).union(b.keys).sorted().flatMap { key in
                guard let left = a[key], let right = b[key] else { return ["\(path).\(key)"] }
                return differences(left, right, at: "\(path).\(key)")
            }
        case (.array(let a), .array(let b)) where a.count == b.count:
            return zip(a, b).enumerated().flatMap { differences($0.element.0, $0.element.1, at: "\(path)[\($0.offset)]") }
        default:
            return core == wire ? [] : [path]
        }
    }

    @Test("Every exercise, country's numbers and question, as the API sends them")
    func content() throws {
        let content = try ContentLibrary.bundled()
        for exercise in content.catalogue.exercises {
            #expect(try Self.lossless(exercise, as: Components.Schemas.Exercise.self), "\(exercise.id)")
        }
        for country in [nil, "GB", "US", "IE", "AU", "DE", "ZZ"] {
            #expect(try Self.lossless(content.contacts(for: country), as: Components.Schemas.Contacts.self), "\(country ?? "none")")
        }
        #expect(try Self.lossless(QuestionsDocument(content: content), as: Components.Schemas.Questions.self))
        #expect(try Self.lossless(content.runningCheck.items, as: Components.Schemas.RunningCheck.ItemsPayload.self))
        let waiting = try #require(
            RunningReadiness.gate(
                answers: IntakeAnswers(
                    weeksSinceBirth: 3, birthDate: LocalDate("2026-11-01"), delivery: .caesarean, painAtRest: 1, minutesPerDay: 10,
                    daysPerWeek: 3), phase: .gentleRebuilding))
        #expect(try Self.lossless(waiting, as: Components.Schemas.RunningReadiness.self))
    }

    static let intakes = [
        #"{"weeksSinceBirth": 1, "delivery": "vaginal", "painAtRest": 2, "minutesPerDay": 10, "daysPerWeek": 4}"#,
        #"{"weeksSinceBirth": 7, "delivery": "caesarean", "painAtRest": 3, "minutesPerDay": 15, "daysPerWeek": 3, "pelvicFloor": ["leaking"], "pgpTests": ["rollingInBed"], "diastasisFingers": 3}"#,
        #"{"weeksSinceBirth": 20, "delivery": "assisted", "complications": ["significantTear"], "painAtRest": 1, "minutesPerDay": 20, "daysPerWeek": 5, "equipment": ["miniBand", "chair"], "recoveryFactors": ["backPainBefore"]}"#,
        #"{"weeksSinceBirth": 3, "delivery": "vaginal", "painAtRest": 4, "minutesPerDay": 10, "daysPerWeek": 4, "redFlags": ["RF-10"]}"#,
        #"{"weeksSinceBirth": 12, "delivery": "vaginal", "painAtRest": 2, "minutesPerDay": 10, "daysPerWeek": 4, "redFlags": ["RF-17"]}"#,
    ]

    @Test("Plans, days, safety checks and progress for a grid of mothers", arguments: intakes)
    func plans(intake: String) async throws {
        let store = InMemoryStore()
        let services = Services(store: store, content: try ContentLibrary.bundled(), passwords: PasswordHasher(cost: 4))
        let user = try await services.accounts.signUp(
            email: "wire@example.test", password: "correct horse battery", country: "GB", timeZone: "Europe/London", address: "test")
        let current = try await services.program.saveIntake(try IntakeParser.parse(Data(intake.utf8)), for: user)
        #expect(try Self.lossless(current.assessment.triage, as: Components.Schemas.Triage.self))
        if let program = current.assessment.program {
            #expect(try Self.lossless(program, as: Components.Schemas.Program.self))
        }
        let today = services.today.today(for: user)
        for offset in 0..<7 {
            let day = try await services.today.day(today.adding(days: offset), for: user)
            #expect(try Self.lossless(day, as: Components.Schemas.Today.self), "day \(offset)")
            #expect(try Wire.today(day) == Wire.convert(day), "the direct mapping says what the bridge says, day \(offset)")
        }
        _ = try await services.checkins.save(
            .init(date: today, pain: 4, psfs: [.init(activity: "Lifting", score: 5)], note: "ok"), for: user)
        _ = try await services.checkins.save(
            .init(date: today.adding(days: -8), pain: 6, psfs: [.init(activity: "Lifting", score: 2)]), for: user)
        for days in [30, 365] {
            let report = try await services.progress.report(days: days, for: user)
            #expect(try Self.lossless(report, as: Components.Schemas.Progress.self))
            #expect(try Wire.progress(report) == Wire.convert(report), "the direct mapping says what the bridge says, \(days) days")
        }
        let checkins = try await services.checkins.checkins(from: today.adding(days: -29), to: today, for: user)
        #expect(try Self.lossless(checkins, as: [Components.Schemas.Checkin].self))
        let check = try await services.safety.record(
            [.rf08], followUps: [], painAtRest: 2, painWorsening: false, seen: false, on: today, for: user)
        #expect(try Self.lossless(check, as: Components.Schemas.Triage.self))
    }

    @Test("Search answers, with and without a help card")
    func search() throws {
        let services = Services(store: InMemoryStore(), content: try ContentLibrary.bundled(), passwords: PasswordHasher(cost: 4))
        for query in ["glute bridge", "self harm", "chest pain", "heavy bleeding", "sad", "breathing"] {
            #expect(
                try Self.lossless(try services.search.search(query, country: "GB"), as: Components.Schemas.SearchAnswer.self), "\(query)")
        }
    }
}

extension JSONValue {
    /// Core writes some absent values as null, the wire types leave them out; both mean the same.
    var withoutNulls: JSONValue {
        switch self {
        case .object(let fields): .object(fields.filter { $0.value != .null }.mapValues(\.withoutNulls))
        case .array(let items): .array(items.map(\.withoutNulls))
        default: self
        }
    }
}
