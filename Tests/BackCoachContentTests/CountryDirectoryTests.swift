import BackCoachContent
import BackCoachCore
import Foundation
import Testing

@Suite("Emergency and crisis numbers per country (shared/country-numbers.md)")
struct CountryDirectoryTests {
    static let content = try! ContentLibrary.bundled()
    static let eu = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL",
        "PT", "RO", "SK", "SI", "ES", "SE",
    ]

    @Test("GB, IE, US, CA, AU, NZ and every EU country are listed; EU countries answer 112")
    func coverage() throws {
        for code in ["GB", "IE", "US", "CA", "AU", "NZ"] + Self.eu {
            let country = try #require(Self.content.countries.country(code), "\(code) missing")
            #expect(!country.emergency.isEmpty)
            if Self.eu.contains(code) { #expect(country.emergency.contains { $0.dial == "112" }, "\(code) without 112") }
        }
        // The numbers a reader would check first.
        let first = { (code: String) in Self.content.countries.country(code)?.emergency.first?.dial }
        #expect(first("GB") == "999" && first("US") == "911" && first("CA") == "911" && first("AU") == "000" && first("NZ") == "111")
        #expect(Self.content.countries.country("US")?.crisis.first?.dial == "988")
        #expect(Self.content.countries.country("AU")?.urgent.isEmpty == true, "1800MEDICARE's number is not confirmed, so none")
    }

    @Test("Every line has a source and a dialable number; support lines say they are not crisis lines")
    func sourced() {
        for country in Self.content.countries.countries {
            for line in country.emergency + country.urgent + country.crisis + country.support {
                #expect(!line.source.isEmpty && !line.dial.isEmpty, "\(country.code) \(line.name)")
            }
            for line in country.support {
                #expect(line.note?.contains("Not a crisis line") == true, "\(country.code) \(line.name)")
            }
        }
    }

    @Test("A short number is never borrowed from another country; an unlisted country gets the fallback words")
    func fallback() {
        let elsewhere = Self.content.contacts(for: "BR")
        #expect(elsewhere.emergency.isEmpty && elsewhere.crisis.isEmpty)
        #expect(elsewhere.emergencyText?.contains("local emergency number") == true)
        #expect(elsewhere.crisisText?.contains("crisis line") == true)
        let noCrisisLine = Self.content.contacts(for: "BG")
        #expect(noCrisisLine.crisis.isEmpty && noCrisisLine.crisisText != nil, "no verified 24-hour line: the fallback words")
    }

    @Test("A result shows only the lines it calls for")
    func needed() {
        let gb = Self.content.contacts(for: "GB")
        let urgent = gb.needed(for: .urgent, flags: [.rf02])
        #expect(!urgent.emergency.isEmpty && !urgent.urgent.isEmpty && urgent.crisis.isEmpty)
        let crisis = gb.needed(for: .emergency, flags: [.rf04])
        #expect(!crisis.crisis.isEmpty && crisis.urgent.isEmpty)
        let mood = gb.needed(for: .nextAppointment, flags: [.rf18])
        #expect(!mood.crisis.isEmpty && !mood.support.isEmpty)
    }

    @Test("Content refuses a line without a source or with letters in its number")
    func validation() throws {
        let json = #"""
            {"fallback": {"emergency": "e", "crisis": "c", "maternity": "m"},
             "countries": [{"code": "GB", "name": "United Kingdom", "emergency": [{"name": "Emergency", "number": "999", "source": ""}],
                            "urgent": [], "crisis": [], "support": [], "maternity": "m"}]}
            """#
        let directory = try JSONDecoder().decode(CountryDirectory.self, from: Data(json.utf8))
        #expect(throws: ContentError.self) { try directory.validate() }
        let letters = try JSONDecoder().decode(
            CountryDirectory.self,
            from: Data(json.replacingOccurrences(of: #""999", "source": """#, with: #""1-833-TLC-MAMA", "source": "x""#).utf8))
        #expect(throws: ContentError.self) { try letters.validate() }
    }
}

@Suite("The when-to-see-a-doctor article matches the flags")
struct RedFlagArticleTests {
    @Test("Every flag is listed under the heading of its own timing, and every emergency follow-up with the emergencies")
    func matches() throws {
        let content = try ContentLibrary.bundled()
        let article = try #require(content.article("when-to-see-a-doctor-or-physio"))
        let sections = article.markdown.components(separatedBy: "\n## ").dropFirst()
        for flag in content.redFlags.flags {
            let section = sections.first { $0.contains("- \(flag.title).") }
            let heading = section?.split(separator: "\n").first.map(String.init) ?? ""
            #expect(heading == RedFlagListHeadings.heading(flag.ownTiming), "\(flag.id.rawValue) is under \(heading)")
        }
        let now = try #require(sections.first { $0.hasPrefix("Call your emergency number now") })
        for followUp in content.redFlags.flags.flatMap(\.followUps) { #expect(now.contains(followUp.sign), "\(followUp.id)") }
        #expect(!article.markdown.contains("{{red-flags}}"))
    }
}

/// The headings as the article uses them, written out here so a change to them is a deliberate one.
enum RedFlagListHeadings {
    static func heading(_ timing: TriageTiming) -> String {
        switch timing {
        case .now: "Call your emergency number now if you have"
        case .today: "Contact your maternity unit, midwife or GP today if you have"
        case .within48Hours: "See your GP or midwife within 48 hours if you have"
        case .withinDays: "See your GP within the next few days if you have"
        case .nextAppointment: "Mention it at your next appointment, or book a physio, if you have"
        }
    }
}
