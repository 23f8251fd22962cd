import BackCoachContent
import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Testing

@Suite("Search answers a crisis with help")
struct SearchSafetyTests {
    static let search = Services(store: InMemoryStore(), content: try! ContentLibrary.bundled(), passwords: PasswordHasher(cost: 4)).search

    /// The probe's queries and a few more: each gets its flag's help first, and never an exercise for a sign that
    /// needs help now.
    static let cases: [(String, RedFlagID)] = [
        ("self harm", .rf04), ("harm myself", .rf04), ("kill myself", .rf04), ("suicidal", .rf04), ("I want to die", .rf04),
        ("Self-Harm!", .rf04), ("sucidal thoughts", .rf04), ("chest pain", .rf01), ("breathless", .rf01), ("swollen leg", .rf02),
        ("heavy bleeding after birth", .rf05), ("fever", .rf06), ("blurred vision", .rf08), ("numb between my legs", .rf10),
        ("depressed", .rf18), ("anxiety", .rf18), ("low mood", .rf18), ("prolapse", .rf17), ("leaking when I sneeze", .rf17),
    ]

    @Test("A safety word gets its flag's help card, whatever else the query holds", arguments: cases)
    func help(query: String, flag: RedFlagID) throws {
        let answer = try Self.search.search(query)
        let help = try #require(answer.help, "\(query)")
        #expect(help.flag == flag, "\(query) → \(help.flag)")
        #expect(!help.action.contains("[date]") && !help.action.isEmpty)
        if help.level >= .urgent {
            #expect(answer.results.allSatisfy { $0.kind == "article" }, "\(query) offered an exercise")
            #expect(help.contacts.emergencyText != nil, "\(query): no country given, so the fallback words show")
        }
    }

    @Test("The help card carries the numbers of the country it is asked for, as tel-ready digits")
    func countryNumbers() throws {
        let help = try #require(try Self.search.search("chest pain", country: "AU").help)
        #expect(help.contacts.emergency.first?.number == "000")
        #expect(help.contacts.emergencyText == nil)
        let nz = try #require(try Self.search.search("kill myself", country: "NZ").help)
        #expect(nz.contacts.crisis.map(\.dial) == ["1737"])
        #expect(nz.contacts.emergency.first?.dial == "111")
        // A country the directory doesn't list gets the safe fallback words, never another country's number.
        let elsewhere = try #require(try Self.search.search("suicidal", country: "BR").help)
        #expect(elsewhere.contacts.emergency.isEmpty && elsewhere.contacts.emergencyText != nil && elsewhere.contacts.crisisText != nil)
    }

    @Test("Thoughts of self-harm get her country's crisis lines with tel-ready numbers, and no exercise at all")
    func crisis() throws {
        for query in ["self harm", "harm myself", "kill myself"] {
            let answer = try Self.search.search(query, country: "GB")
            #expect(answer.help?.level == .emergency)
            #expect(answer.help?.contacts.crisis.contains { $0.dial == "116123" } == true, "\(query): Samaritans")
            #expect(answer.help?.contacts.emergency.first?.dial == "999")
            #expect(!answer.results.contains { $0.kind == "exercise" }, "\(query)")
        }
    }

    @Test("Low mood, anxiety and prolapse find the article that helps, first")
    func helpfulArticles() throws {
        #expect(try Self.search.search("low mood").results.first?.id == "when-to-see-a-doctor-or-physio")
        #expect(try Self.search.search("anxiety").results.first?.id == "when-to-see-a-doctor-or-physio")
        #expect(try Self.search.search("prolapse").results.first?.id == "why-glutes-and-pelvic-floor-matter")
    }

    @Test("Ordinary searches get no help card, and typo tolerance still works for them")
    func ordinary() throws {
        for query in ["glute brige", "clams", "feeding", "upper back"] {
            let answer = try Self.search.search(query)
            #expect(answer.help == nil, "\(query)")
            #expect(!answer.results.isEmpty, "\(query)")
        }
        #expect(throws: ServiceError.self) { try Self.search.search("") }
    }
}
