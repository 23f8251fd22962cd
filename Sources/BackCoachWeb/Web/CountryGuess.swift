import BackCoachCore
import BackCoachServices
import Hummingbird

/// The country a browser's language settings name ("en-GB,en;q=0.9" → GB): sign-up's default, and the numbers
/// shown to someone not signed in. A language alone ("de") names no country, so it gives none.
enum CountryGuess {
    static func country(fromLanguage header: String?) -> String? {
        guard let header else { return nil }
        for tag in header.split(separator: ",") {
            let language = tag.split(separator: ";").first?.trimmingCharacters(in: .whitespaces) ?? ""
            let parts = language.split(whereSeparator: { $0 == "-" || $0 == "_" })
            guard parts.count >= 2, let code = CountryDirectory.normalizedCode(String(parts.last!)),
                let checked = try? ProfileService.checkedCountry(code)
            else { continue }
            return checked
        }
        return nil
    }
}

extension Request {
    var countryFromLanguage: String? { CountryGuess.country(fromLanguage: headers[.acceptLanguage]) }
}

extension AppRequestContext {
    /// Her country when signed in and set; otherwise the browser's guess.
    func country(from request: Request) -> String? {
        user?.country ?? request.countryFromLanguage
    }
}
