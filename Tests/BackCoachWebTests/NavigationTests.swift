import Foundation
import Testing

/// The main navigation marks the page she is on (`aria-current="page"`) for screen readers, and only that one.
@Suite("Navigation")
struct NavigationTests {
    @Test("Each section's page marks its own link as current, and no other")
    func currentPage() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            for (path, link) in [
                ("/today", "/today"), ("/checkin", "/checkin"), ("/progress", "/progress"), ("/learn", "/learn"),
                ("/settings", "/settings"),
            ] {
                let nav = Self.mainNavigation(try await browser.get(path).text)
                let marked = nav.components(separatedBy: "aria-current=\"page\"").count - 1
                #expect(marked == 1, "\(path) marks \(marked) links")
                #expect(nav.contains("<a href=\"\(link)\" aria-current=\"page\">"), "\(path) marks its own link")
            }
            // Her plan is part of Today.
            #expect(Self.mainNavigation(try await browser.get("/plan").text).contains("<a href=\"/today\" aria-current=\"page\">"))
        }
    }

    static func mainNavigation(_ page: String) -> String {
        guard let start = page.range(of: "<nav aria-label=\"Main\">"),
            let end = page.range(of: "</nav>", range: start.upperBound..<page.endIndex)
        else { return "" }
        return String(page[start.lowerBound..<end.upperBound])
    }
}
