import Foundation
import Testing

@testable import BackCoachWeb

/// Page models are flattened to dictionaries before rendering, by a field layout read once per type; what comes out
/// must be what reflection sees: every stored field, nil optionals left out, nested values flattened too.
@Suite("Template values")
struct TemplateValuesTests {
    enum Mood: String { case calm, busy }

    struct Line {
        let title: String
        let minutes: Int
    }

    struct Inner {
        let note: String?
        let lines: [Line]
    }

    struct Page {
        let title: String
        let count: Int
        let ratio: Double
        let shown: Bool
        let missing: String?
        let present: String?
        let nested: Inner
        let optionalNested: Inner?
        let mood: Mood
        let day: Date
        let labels: [String: String]
        let tags: Set<String>
        let pair: (Int, String)
    }

    @Test("A struct becomes a dictionary of its stored fields; nil optionals are missing keys; nesting is flattened")
    func flattened() throws {
        let day = Date(timeIntervalSince1970: 1_800_000_000)
        let page = Page(
            title: "Today", count: 3, ratio: 0.5, shown: true, missing: nil, present: "here",
            nested: Inner(note: nil, lines: [Line(title: "Bridge", minutes: 2), Line(title: "Breathing", minutes: 1)]),
            optionalNested: Inner(note: "kept", lines: []), mood: .busy, day: day, labels: ["yes": "Yes"], tags: ["a"],
            pair: (1, "one"))
        guard case .plainStruct(let layout) = TemplateValueKind.of(page) else {
            Issue.record("a plain struct is read by its layout")
            return
        }
        #expect(layout.fields.map(\.name) == Mirror(reflecting: page).children.compactMap(\.label))
        for whole in [day, Mood.busy, "text", 1] as [Any] {
            guard case .asIs = TemplateValueKind.of(whole) else {
                Issue.record("\(whole) stays whole")
                continue
            }
        }
        #expect(StructFields.of(Mood.busy) == nil && StructFields.of(Optional("x") as Any) == nil)
        let flat = try #require(TemplateValues.flatten(page) as? [String: Any])
        #expect(
            Set(flat.keys) == [
                "title", "count", "ratio", "shown", "present", "nested", "optionalNested", "mood", "day", "labels", "tags", "pair",
            ])
        #expect(flat["title"] as? String == "Today" && flat["count"] as? Int == 3 && flat["ratio"] as? Double == 0.5)
        #expect(flat["shown"] as? Bool == true && flat["present"] as? String == "here")
        let nested = try #require(flat["nested"] as? [String: Any])
        #expect(Set(nested.keys) == ["lines"])
        let lines = try #require(nested["lines"] as? [Any])
        #expect(lines.compactMap { ($0 as? [String: Any])?["title"] as? String } == ["Bridge", "Breathing"])
        #expect(lines.compactMap { ($0 as? [String: Any])?["minutes"] as? Int } == [2, 1])
        #expect((flat["optionalNested"] as? [String: Any])?["note"] as? String == "kept")
        #expect(flat["mood"] as? Mood == .busy, "enums stay whole")
        #expect(flat["day"] as? Date == day, "values that print themselves stay whole")
        #expect((flat["labels"] as? [String: Any])?["yes"] as? String == "Yes")
        #expect((flat["tags"] as? [Any])?.first as? String == "a")
    }

    @Test("The same type read many times, from many tasks at once, gives the same fields")
    func concurrent() async {
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<64 {
                group.addTask {
                    let line = Line(title: "Line \(index)", minutes: index)
                    let flat = TemplateValues.flatten(line) as? [String: Any]
                    return flat?["minutes"] as? Int == index && flat?["title"] as? String == "Line \(index)" ? 1 : 0
                }
            }
            return await group.reduce(0, +)
        }
        #expect(counts == 64)
    }
}
