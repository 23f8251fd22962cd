import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation
import Hummingbird

/// Daily check-ins (pain, PSFS, note) and the progress summary.
struct TrackingController {
    let checkins: CheckinService
    let progress: ProgressService
    let today: TodayService

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put("/checkins/:date", use: putCheckin)
        group.get("/checkins", use: getCheckins)
        group.get("/progress", use: getProgress)
    }

    @Sendable func putCheckin(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<Checkin> {
        let user = try context.requireUser()
        let date = try DateRules.parse(
            context.parameters.get("date"), field: "the date in the address", today: today.today(for: user), allowed: .anyDate)!
        var request = request
        let reader = try await request.jsonObject(context: context, allowed: ["pain", "psfs", "note"])
        let pain = try validated { () throws(InputError) in try reader.requiredInt("pain", in: 0...10) }
        let note = try validated { () throws(InputError) in try reader.string("note", maxLength: CheckinService.maxNoteLength) }
        let psfs = try validated { () throws(InputError) in try Self.psfs(reader.fields["psfs"]) }
        let saved = try await checkins.save(.init(date: date, pain: pain, psfs: psfs, note: note), for: user)
        return JSONResponse(saved.checkin, status: saved.created ? .created : .ok)
    }

    /// PSFS ratings as JSON: a list of {"activity": text, "score": 0–10}. Counts and limits are the service's.
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
                guard
                    let activity = try reader.string("activity", maxLength: CheckinService.maxActivityLength)?
                        .trimmingCharacters(in: .whitespaces), !activity.isEmpty
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
        let now = today.today(for: user)
        let query = request.uri.queryParameters
        let to = try DateRules.parse(query["to"].map(String.init), field: "to", today: now, allowed: .anyDate) ?? now
        let from = try DateRules.parse(query["from"].map(String.init), field: "from", today: now, allowed: .anyDate) ?? to.adding(days: -29)
        return JSONResponse(CheckinList(from: from, to: to, checkins: try await checkins.checkins(from: from, to: to, for: user)))
    }

    @Sendable func getProgress(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<ProgressReport> {
        let user = try context.requireUser()
        let daysText = request.uri.queryParameters["days"].map(String.init) ?? "30"
        guard let days = Int(daysText) else {
            throw Problem.badRequest("days must be a whole number from 1 to \(ProgressService.maxDays) (got \(daysText.prefix(40))).")
        }
        return JSONResponse(try await progress.report(days: days, for: user))
    }
}
