import BackCoachCore
import BackCoachStorage
import Foundation
import Hummingbird

/// Daily check-ins (pain, PSFS, note) and the progress summary.
struct TrackingController {
    let dependencies: WebDependencies
    var store: any BackCoachStore { dependencies.store }

    /// The longest range one request may read: three years.
    static let maxDays = 1095

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put("/checkins/:date", use: putCheckin)
        group.get("/checkins", use: getCheckins)
        group.get("/progress", use: getProgress)
    }

    @Sendable func putCheckin(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<Checkin> {
        let user = try context.requireUser()
        let date = try DateRules.parse(
            context.parameters.get("date"), field: "the date in the address", today: dependencies.today, allowFuture: false)!
        var request = request
        let reader = try await request.jsonObject(context: context, allowed: ["pain", "psfs", "note"])
        let pain = try validated { () throws(InputError) in try reader.requiredInt("pain", in: 0...10) }
        let note = try validated { () throws(InputError) in try reader.string("note", maxLength: 1000) }
        let psfs = try validated { () throws(InputError) in try Self.psfs(reader.fields["psfs"]) }
        let checkin = Checkin(date: date, pain: pain, psfs: psfs, note: note?.isEmpty == true ? nil : note, updatedAt: dependencies.now())
        let created = try await store.upsertCheckin(checkin, for: user.id)
        return JSONResponse(checkin, status: created ? .created : .ok)
    }

    /// PSFS ratings: 1 to 5 activities she names, each scored 0–10.
    static func psfs(_ value: JSONValue?) throws(InputError) -> [PSFSRating]? {
        guard let value, value != .null else { return nil }
        guard case .array(let items) = value, (1...5).contains(items.count) else {
            throw InputError("psfs must be a list of 1 to 5 activities, each {\"activity\": text, \"score\": 0–10}")
        }
        var ratings: [PSFSRating] = []
        for (index, item) in items.enumerated() {
            guard case .object(let fields) = item else { throw InputError("psfs[\(index)] must be an object") }
            let reader = FieldReader(fields: fields)
            do throws(InputError) {
                try reader.rejectUnknownKeys(allowed: ["activity", "score"])
                guard let activity = try reader.string("activity", maxLength: 100)?.trimmingCharacters(in: .whitespaces),
                    !activity.isEmpty
                else { throw InputError("activity is required: what you find hard, e.g. \"lifting baby from the cot\"") }
                ratings.append(PSFSRating(activity: activity, score: try reader.requiredInt("score", in: 0...10)))
            } catch {
                throw InputError("psfs[\(index)].\(error.message)")
            }
        }
        return ratings
    }

    struct CheckinList: Encodable {
        let from: LocalDate
        let to: LocalDate
        let checkins: [Checkin]
    }

    @Sendable func getCheckins(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<CheckinList> {
        let user = try context.requireUser()
        let today = dependencies.today
        let query = request.uri.queryParameters
        let to = try DateRules.parse(query["to"].map(String.init), field: "to", today: today, inWindow: false) ?? today
        let from = try DateRules.parse(query["from"].map(String.init), field: "from", today: today, inWindow: false) ?? to.adding(days: -29)
        guard from <= to else { throw Problem.badRequest("from must be on or before to.") }
        guard from.days(until: to) < Self.maxDays else { throw Problem.badRequest("Ask for at most \(Self.maxDays) days at a time.") }
        return JSONResponse(CheckinList(from: from, to: to, checkins: try await store.checkins(for: user.id, from: from, to: to)))
    }

    @Sendable func getProgress(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<ProgressReport> {
        let user = try context.requireUser()
        let daysText = request.uri.queryParameters["days"].map(String.init) ?? "30"
        guard let days = Int(daysText), (1...Self.maxDays).contains(days) else {
            throw Problem.badRequest("days must be a whole number from 1 to \(Self.maxDays) (got \(daysText)).")
        }
        return JSONResponse(try await ProgressReport.build(for: user, days: days, dependencies: dependencies))
    }
}
