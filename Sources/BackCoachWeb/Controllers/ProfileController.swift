import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Hummingbird

/// GET/PUT /api/v1/me/profile: where she lives, her time zone and her pain limit.
struct ProfileController {
    let profile: ProfileService
    let program: ProgramService

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/profile") { _, context in try await show(try context.requireUser()) }
        group.put("/profile", use: update)
    }

    struct Profile: Encodable {
        let country: String?
        let countryName: String?
        let timeZone: String?
        /// The day of the birth, from her answers.
        let birthDate: LocalDate?
        /// Her own pain limit, or nil for the plan's default.
        let painCeiling: Int?
        /// The highest limit she may set herself (the cautious default for her situation).
        let highestPainCeiling: Int
        /// The numbers BackCoach shows her in an emergency or a crisis.
        let contacts: Contacts
    }

    func show(_ user: User) async throws -> JSONResponse<Profile> {
        let place = profile.place(of: user)
        return JSONResponse(
            Profile(
                country: place.country, countryName: place.countryName, timeZone: place.timeZone,
                birthDate: try await profile.birthDate(of: user), painCeiling: user.painCeiling,
                highestPainCeiling: try await profile.highestPainCeiling(for: user), contacts: profile.contacts(for: user)))
    }

    /// Fields left out keep their value; an empty string clears the country or time zone, and a null pain limit
    /// goes back to the plan's default. Nothing is stored unless every field is valid.
    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<Profile> {
        var user = try context.requireUser()
        var request = request
        let reader = try await request.jsonObject(context: context, allowed: ["country", "timeZone", "painCeiling", "birthDate"])
        let country = try validated { () throws(InputError) in try reader.string("country", maxLength: 100) }
        let timeZone = try validated { () throws(InputError) in try reader.string("timeZone", maxLength: 100) }
        let ceiling = try validated { () throws(InputError) in try reader.int("painCeiling", in: 0...10) }
        let birthDate = try validated { () throws(InputError) in try reader.string("birthDate", maxLength: 10) }
        // Check everything first, so one bad field stores nothing.
        _ = try ProfileService.checkedCountry(country)
        _ = try ProfileService.checkedTimeZone(timeZone)
        if let ceiling { try await profile.checkPainCeiling(ceiling, for: user) }
        // The birth date goes first: it is the one change that can still be refused by her answers' own checks.
        if let birthDate { try await profile.setBirthDate(birthDate, for: user, program: program) }
        if country != nil || timeZone != nil { user = try await profile.setPlace(country: country, timeZone: timeZone, for: user) }
        if ceiling != nil || reader.fields["painCeiling"] == .null {
            user = try await profile.setPainCeiling(ceiling, for: user)
        }
        return try await show(user)
    }
}
