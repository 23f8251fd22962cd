import Foundation

/// The numbers a new mother should call, per country (content `countries.json`, from shared/country-numbers.md).
/// Only sourced lines are listed; where a country or a kind of line is missing she gets the fallback words.
public struct CountryDirectory: Codable, Equatable, Sendable {
    public let fallback: Fallback
    public let countries: [Country]

    public struct Fallback: Codable, Equatable, Sendable {
        public let emergency: String
        public let crisis: String
        public let maternity: String
    }

    public struct Country: Codable, Equatable, Sendable {
        /// ISO 3166-1 alpha-2, upper case.
        public let code: String
        public let name: String
        public let emergency: [Line]
        /// Urgent medical advice that is not an emergency (e.g. NHS 111).
        public let urgent: [Line]
        /// 24-hour crisis and suicide-prevention lines only.
        public let crisis: [Line]
        /// Perinatal and parenting lines; never shown as crisis lines.
        public let support: [Line]
        /// Who to call for maternity advice.
        public let maternity: String
    }

    public struct Line: Codable, Equatable, Sendable {
        public let name: String
        public let number: String
        public let note: String?
        public let source: String
        /// A number to send a text message to, not to call.
        public let textOnly: Bool
        /// What a `tel:` (or `sms:`) link dials: the number without spaces or hyphens.
        public let dial: String

        enum CodingKeys: String, CodingKey { case name, number, dial, note, source, textOnly }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            number = try container.decode(String.self, forKey: .number)
            note = try container.decodeIfPresent(String.self, forKey: .note)
            source = try container.decode(String.self, forKey: .source)
            textOnly = try container.decodeIfPresent(Bool.self, forKey: .textOnly) ?? false
            dial = number.filter { $0.isNumber || $0 == "+" }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(number, forKey: .number)
            try container.encode(dial, forKey: .dial)
            try container.encodeIfPresent(note, forKey: .note)
            try container.encode(source, forKey: .source)
            try container.encode(textOnly, forKey: .textOnly)
        }
    }

    public init(fallback: Fallback, countries: [Country]) {
        self.fallback = fallback
        self.countries = countries
    }

    /// Normalises what a person or a browser sends ("gb", " GB ") to the stored form, or nil when it isn't two letters.
    public static func normalizedCode(_ text: String) -> String? {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count == 2, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        return code
    }

    public func country(_ code: String?) -> Country? {
        guard let code else { return nil }
        return countries.first { $0.code == code }
    }

    /// Her country's lines, or the fallback words for any country not listed (and for "not said").
    public func contacts(for code: String?) -> Contacts {
        guard let country = country(code) else {
            return Contacts(
                country: code, countryName: nil, emergency: [], urgent: [], crisis: [], support: [], maternity: fallback.maternity,
                emergencyText: fallback.emergency, crisisText: fallback.crisis)
        }
        return Contacts(
            country: country.code, countryName: country.name, emergency: country.emergency, urgent: country.urgent,
            crisis: country.crisis, support: country.support, maternity: country.maternity, emergencyText: nil,
            crisisText: country.crisis.isEmpty ? fallback.crisis : nil)
    }

    /// Every country once, every line with a dialable number and a source, and an emergency number everywhere.
    public func validate() throws(ContentError) {
        guard !fallback.emergency.isEmpty, !fallback.crisis.isEmpty, !fallback.maternity.isEmpty else {
            throw ContentError("countries: the fallback needs emergency, crisis and maternity words")
        }
        var seen: Set<String> = []
        for country in countries {
            guard Self.normalizedCode(country.code) == country.code else {
                throw ContentError("countries: \(country.code) is not an upper-case two-letter ISO code")
            }
            guard seen.insert(country.code).inserted else { throw ContentError("countries: \(country.code) is listed twice") }
            guard !country.emergency.isEmpty else { throw ContentError("countries: \(country.code) has no emergency number") }
            guard !country.name.isEmpty, !country.maternity.isEmpty else {
                throw ContentError("countries: \(country.code) needs a name and a maternity route")
            }
            for line in country.emergency + country.urgent + country.crisis + country.support {
                guard !line.source.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw ContentError("countries: \(country.code) \(line.name) has no source; unsourced numbers are not shipped")
                }
                let digits = line.dial.filter(\.isNumber)
                guard !digits.isEmpty, line.number.allSatisfy({ $0.isNumber || " -+".contains($0) }) else {
                    throw ContentError("countries: \(country.code) \(line.name) has a number that can't be dialled: \(line.number)")
                }
            }
        }
    }
}

/// The lines to show her, most urgent first, with the fallback words wherever her country has no line of a kind.
public struct Contacts: Codable, Equatable, Sendable {
    /// Her country code, when she gave one.
    public let country: String?
    /// Set when the country is in the directory.
    public let countryName: String?
    public let emergency: [CountryDirectory.Line]
    public let urgent: [CountryDirectory.Line]
    public let crisis: [CountryDirectory.Line]
    public let support: [CountryDirectory.Line]
    public let maternity: String
    /// Shown instead of emergency numbers when her country isn't listed.
    public let emergencyText: String?
    /// Shown when her country has no 24-hour crisis line listed.
    public let crisisText: String?
}

extension Contacts {
    /// The lines a result calls for, so a screen shows what helps and nothing that distracts: emergency numbers for
    /// every urgent or emergency result, the urgent-advice line for an urgent one, and crisis and support lines for
    /// thoughts of harm (RF-04) or low mood (RF-18). The maternity route goes with every one.
    public func needed(for level: TriageLevel, flags: Set<RedFlagID>) -> Contacts {
        let mood = flags.contains(.rf04) || flags.contains(.rf18)
        let serious = level >= .urgent || flags.contains(.rf04)
        return Contacts(
            country: country, countryName: countryName, emergency: serious || mood ? emergency : [],
            urgent: level == .urgent ? urgent : [], crisis: mood ? crisis : [], support: mood ? support : [], maternity: maternity,
            emergencyText: serious || mood ? emergencyText : nil, crisisText: mood ? crisisText : nil)
    }

    /// For a whole triage result.
    public func needed(for triage: TriageResult) -> Contacts {
        needed(for: triage.level, flags: Set(triage.flags.map(\.id)))
    }
}
