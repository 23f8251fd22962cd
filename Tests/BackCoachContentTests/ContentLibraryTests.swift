import BackCoachContent
import BackCoachCore
import Foundation
import Testing

private let shared = Result { try ContentLibrary.bundled() }

@Suite("Bundled content")
struct ContentLibraryTests {
    @Test("Loads and validates")
    func loads() throws {
        let library = try shared.get()
        #expect(library.catalogue.exercises.count >= 23)
        #expect(library.articles.count >= 12)
        #expect(library.redFlags.flags.count == 19)
    }

    @Test("Every exercise of reference section 4 is there (A1–E4 and their lettered steps)")
    func referenceCodes() throws {
        let refs = Set(try shared.get().catalogue.exercises.map(\.ref))
        let required = [
            "A1", "A2", "A3", "A4", "A5", "B1", "B1b", "B2", "B3", "B4", "B4b", "C1", "C1a", "C1b", "C2", "C3", "C4",
            "D0", "D1", "D2", "D3", "D4", "E1", "E2", "E3", "E4",
        ]
        #expect(Set(required).isSubset(of: refs), "missing: \(Set(required).subtracting(refs).sorted())")
    }

    @Test("Every exercise the seed article names is in the catalogue")
    func seedExercises() throws {
        let catalogue = try shared.get().catalogue
        for id in [
            "diaphragmatic-breathing", "unclench-neutral-standing", "sitting-tall", "childs-pose", "knee-rolls", "hip-circles",
            "glute-bridge", "clams", "fire-hydrants", "heel-slides", "supported-toe-taps", "adductor-squeeze",
            "open-book", "seated-upper-back-extension", "doorway-chest-stretch",
        ] {
            #expect(catalogue[id] != nil, "\(id)")
        }
    }

    @Test("Articles cover the topics the issue asks for")
    func articleTopics() throws {
        let slugs = Set(try shared.get().articles.map(\.slug))
        for slug in [
            "what-is-postpartum-back-pain", "causes-of-back-pain-after-birth", "why-glutes-and-pelvic-floor-matter",
            "three-steps-to-a-stronger-back", "hip-mobility", "glute-strength", "deep-core", "upper-back",
            "when-to-see-a-doctor-or-physio", "diastasis-self-test", "feeding-carrying-and-lifting", "faq",
        ] {
            #expect(slugs.contains(slug), "\(slug)")
        }
    }

    @Test("Every article reads at grade 8 or below (Flesch–Kincaid)")
    func readingLevel() throws {
        for article in try shared.get().articles {
            let grade = ReadingLevel.grade(of: article.text)
            #expect(grade <= ReadingLevel.maximumGrade, "\(article.slug) reads at grade \(grade)")
        }
    }

    @Test("Reading level separates plain text from dense text")
    func readingLevelScale() {
        #expect(ReadingLevel.grade(of: "Lie on your back. Bend your knees. Breathe out and lift your hips.") < 3)
        let dense =
            "Postpartum lumbopelvic dysfunction necessitates individualised physiotherapeutic rehabilitation incorporating progressive neuromuscular stabilisation methodologies."
        #expect(ReadingLevel.grade(of: dense) > 12)
    }

    @Test("Every article carries the education-not-medical-advice line, in text and HTML")
    func disclaimer() throws {
        for article in try shared.get().articles {
            #expect(article.text.hasSuffix(Disclaimer.text))
            #expect(article.html.contains(Disclaimer.text))
            #expect(!article.sources.isEmpty)
        }
    }

    @Test("Every red flag has a plain question, advice and a known source")
    func redFlags() throws {
        let library = try shared.get()
        for flag in library.redFlags.flags {
            #expect(flag.question.hasSuffix("?"), "\(flag.id.rawValue)")
            #expect(flag.sources.allSatisfy { library.sources[$0] != nil })
        }
    }

    @Test("Every exercise cites known sources and links to real exercises")
    func exerciseLinks() throws {
        let library = try shared.get()
        for exercise in library.catalogue.exercises {
            #expect(exercise.sources.allSatisfy { library.sources[$0] != nil }, "\(exercise.id)")
            if let next = exercise.progression { #expect(library.catalogue[next] != nil) }
            if let back = exercise.regression { #expect(library.catalogue[back] != nil) }
        }
    }
}

@Suite("Content validation catches mistakes")
struct ContentValidationTests {
    /// A copy of the bundled exercises with one change, as JSON objects.
    func exercises(changing change: (inout [[String: Any]]) -> Void) throws -> [Exercise] {
        let library = try shared.get()
        let data = try JSONEncoder().encode(library.catalogue.exercises)
        var objects = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
        change(&objects)
        return try JSONDecoder().decode([Exercise].self, from: JSONSerialization.data(withJSONObject: objects))
    }

    static let broken: [(String, String)] = [
        ("duplicate id", "is defined twice"),
        ("missing progression", "does not exist"),
        ("bad dose", "outside sane limits"),
        ("target below start", "targetDose must be at least"),
        ("unknown source", "unknown source"),
        ("not kebab-case", "kebab-case"),
        ("loop", "loop back"),
        ("no steps", "steps, cues and mistakes"),
    ]

    @Test("Each kind of broken catalogue is rejected with a message", arguments: broken)
    func rejects(kind: String, message: String) throws {
        let sources = Set(try shared.get().sources.keys)
        let edited = try exercises { list in
            switch kind {
            case "duplicate id": list[1]["id"] = list[0]["id"]
            case "missing progression": list[0]["progression"] = "no-such-exercise"
            case "bad dose": var dose = list[0]["dose"] as! [String: Any]; dose["sets"] = 9; list[0]["dose"] = dose
            case "target below start": var dose = list[0]["targetDose"] as! [String: Any]; dose["reps"] = 1; list[0]["targetDose"] = dose
            case "unknown source": list[0]["sources"] = ["S999"]
            case "not kebab-case": list[0]["id"] = "Glute Bridge"
            case "loop":
                let a = list.firstIndex { $0["id"] as? String == "knee-rolls" }!,
                    b = list.firstIndex { $0["id"] as? String == "hip-circles" }!
                list[b]["progression"] = "knee-rolls"
                list[a]["progression"] = "hip-circles"
            case "no steps": list[0]["steps"] = [String]()
            default: break
            }
        }
        #expect {
            _ = try ExerciseCatalogue(exercises: edited, knownSources: sources)
        } throws: { error in
            (error as? ContentError)?.message.contains(message) == true
        }
    }

    @Test("An edited content folder is validated the same way as the bundle")
    func folder() throws {
        let original = try #require(ContentLibrary.bundledFolder)
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: original, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        _ = try ContentLibrary.load(from: copy)

        let flags = copy.appendingPathComponent("red-flags.json")
        let text = try String(contentsOf: flags, encoding: .utf8).replacingOccurrences(of: "\"RF-19\"", with: "\"RF-18\"")
        try text.write(to: flags, atomically: true, encoding: .utf8)
        #expect { _ = try ContentLibrary.load(from: copy) } throws: { error in
            (error as? ContentError)?.message == "red flags missing: RF-19"
        }
        try FileManager.default.removeItem(at: flags)
        #expect { _ = try ContentLibrary.load(from: copy) } throws: { error in
            (error as? ContentError)?.message == "red-flags.json is missing"
        }
    }
}
