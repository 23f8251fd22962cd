import BackCoachCore
import BackCoachStorage
import Foundation

/// Her own settings.
public struct ProfileService: Sendable {
    let context: ServiceContext

    /// The highest pain limit she may choose: the one her clinician set, else the cautious default for her situation
    /// (reference 5.1); before her answers are in, the most cautious one.
    public func highestPainCeiling(for user: User) async throws -> Int {
        guard let (intake, record) = try await context.store.intakeAndProgram(for: user.id) else { return PainCeiling.cautious }
        if let set = record?.state.adjustments.painCeiling { return set }
        return PainCeiling.defaultCeiling(for: ProgramContext(answers: intake.answers))
    }

    /// Refuses a limit above the cautious default for her situation, in words that say who can set a higher one.
    public func checkPainCeiling(_ ceiling: Int, for user: User) async throws {
        let highest = try await highestPainCeiling(for: user)
        guard (0...highest).contains(ceiling) else {
            throw ServiceError.invalid(
                "Please choose a pain limit from 0 to \(highest). A higher limit is for your physio or doctor to set.", field: "ceiling")
        }
    }

    /// Her own pain limit, or nil for the plan's default. She may lower it, never raise it above the default for
    /// her situation: a higher limit is a clinician's decision. Returns her updated account.
    public func setPainCeiling(_ ceiling: Int?, for user: User) async throws -> User {
        if let ceiling { try await checkPainCeiling(ceiling, for: user) }
        do {
            try await context.store.setPainCeiling(ceiling, for: user.id)
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("This account no longer exists.")
        }
        var updated = user
        updated.painCeiling = ceiling
        return updated
    }

    /// Where she lives and her time zone, as she set them.
    public struct Place: Codable, Equatable, Sendable {
        /// ISO 3166-1 alpha-2; nil when she hasn't said.
        public let country: String?
        /// The English name of the country, when known.
        public let countryName: String?
        /// IANA time zone, e.g. "Europe/London".
        public let timeZone: String?
    }

    public func place(of user: User) -> Place {
        Place(country: user.country, countryName: user.country.flatMap(Self.countryName), timeZone: user.timeZone)
    }

    /// Checks a country code: two letters naming a real country ("gb" is taken as GB). Nil or empty means "not said".
    public static func checkedCountry(_ text: String?) throws(ServiceError) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let code = CountryDirectory.normalizedCode(text), countryCodes.contains(code) else {
            throw .invalid("Please choose your country from the list (a two-letter code such as GB, IE or US).", field: "country")
        }
        return code
    }

    /// Checks a time zone: an IANA name such as "Europe/London". Nil or empty means "not known".
    public static func checkedTimeZone(_ text: String?) throws(ServiceError) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        // The time-zone database decides (it knows "UTC" and the old aliases too, which the list of names leaves out).
        guard TimeZone.knownTimeZoneIdentifiers.contains(text) || TimeZone(identifier: text) != nil else {
            throw .invalid("Please choose a time zone such as Europe/London or America/New_York.", field: "timeZone")
        }
        return text
    }

    /// The country's name in English, e.g. "United Kingdom" for GB.
    public static func countryName(_ code: String) -> String? {
        Locale(identifier: "en").localizedString(forRegionCode: code)
    }

    /// Every country she can choose, by English name.
    public static let countryChoices: [(code: String, name: String)] = Locale.isoRegionCodes
        .compactMap { code in countryName(code).map { (code, $0) } }
        .filter { !$0.name.isEmpty && $0.name != $0.code && Int($0.code) == nil && !notCountries.contains($0.code) }
        .sorted { $0.name.localizedCompare($1.name) == .orderedAscending }

    static let countryCodes = Set(countryChoices.map(\.code))
    /// Region codes that are groupings or placeholders, not places someone lives.
    static let notCountries: Set<String> = ["EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"]

    /// Sets her country and time zone. A field left out (`nil`) keeps its value; an empty string clears it.
    /// Bad input changes nothing.
    public func setPlace(country: String?, timeZone: String?, for user: User) async throws -> User {
        let newCountry = try country.map(Self.checkedCountry) ?? user.country
        let newZone = try timeZone.map(Self.checkedTimeZone) ?? user.timeZone
        do {
            try await context.store.setPlace(country: newCountry, timeZone: newZone, for: user.id)
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("This account no longer exists.")
        }
        var updated = user
        updated.country = newCountry
        updated.timeZone = newZone
        if newZone != user.timeZone { try await ReminderService.replan(for: updated, context: context) }
        return updated
    }

    /// Corrects the day of the birth in her saved answers; every rule then counts the weeks from it. Needs the intake
    /// first (the date belongs to her answers), and is checked as the intake checks it.
    public func setBirthDate(_ text: String, for user: User, program: ProgramService) async throws {
        guard let date = LocalDate(text) else {
            throw ServiceError.invalid("birthDate must be a date like 2026-10-02 (got \(text.prefix(40))).", field: "birthDate")
        }
        guard var answers = try await program.answers(for: user) else {
            throw ServiceError.notFound("There are no answers yet. Answer the intake questions first.")
        }
        answers.birthDate = date
        _ = try await program.saveIntake(answers, for: user)
    }

    /// The day of the birth from her answers (given, or estimated from the weeks she gave); nil before the intake.
    public func birthDate(of user: User) async throws -> LocalDate? {
        try await context.store.intake(for: user.id)?.answers.birthDate
    }

    /// The numbers she is shown: her country's, or the fallback words.
    public func contacts(for user: User) -> Contacts { context.content.contacts(for: user.country) }
}
