import BackCoachAPI
import BackCoachServices
import BackCoachStorage

/// GET/PUT /api/v1/me/profile: where she lives, her time zone, her birth date and her pain limit.
extension APIHandler {
    func getProfile(_ input: Operations.GetProfile.Input) async throws -> Operations.GetProfile.Output {
        .ok(.init(body: .json(try await profile(of: try APICall.requireUser()))))
    }

    /// Fields left out keep their value; an empty string clears the country or time zone, and a null pain limit
    /// goes back to the plan's default. Nothing is stored unless every field is valid.
    func updateProfile(_ input: Operations.UpdateProfile.Input) async throws -> Operations.UpdateProfile.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        var user = try APICall.requireUser()
        let service = services.profile
        // Check everything first, so one bad field stores nothing.
        _ = try ProfileService.checkedCountry(body.country)
        _ = try ProfileService.checkedTimeZone(body.timeZone)
        if let ceiling = body.painCeiling { try await service.checkPainCeiling(ceiling, for: user) }
        // The birth date goes first: it is the one change that can still be refused by her answers' own checks.
        if let birthDate = body.birthDate { try await service.setBirthDate(birthDate, for: user, program: services.program) }
        if body.country != nil || body.timeZone != nil {
            user = try await service.setPlace(country: body.country, timeZone: body.timeZone, for: user)
        }
        // The decoded body can't tell null from left out; the body as sent can.
        if body.painCeiling != nil || APICall.sentNull("painCeiling") {
            user = try await service.setPainCeiling(body.painCeiling, for: user)
        }
        return .ok(.init(body: .json(try await profile(of: user))))
    }

    private func profile(of user: User) async throws -> Components.Schemas.Profile {
        let service = services.profile
        let place = service.place(of: user)
        return .init(
            country: place.country, countryName: place.countryName, timeZone: place.timeZone,
            birthDate: try await service.birthDate(of: user)?.description, painCeiling: user.painCeiling,
            highestPainCeiling: try await service.highestPainCeiling(for: user), contacts: try Wire.convert(service.contacts(for: user)))
    }
}
