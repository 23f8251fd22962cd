import Foundation
import HTTPTypes
import Testing

@Suite("Exercise figures on the web")
struct FigureRoutesTests {
    @Test("The figure is served as SVG with its own narrow policy and a year of caching when versioned")
    func served() async throws {
        try await TestApp.run { app in
            let plain = try await app.request(.get, "/figures/clams.svg")
            #expect(plain.status == .ok)
            #expect(plain.headers[.contentType] == "image/svg+xml; charset=utf-8")
            #expect(plain.headers[.contentSecurityPolicy] == "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
            #expect(plain.headers[.cacheControl] == "public, max-age=300")
            #expect(plain.text.hasPrefix("<svg") && plain.text.contains("<animate"))
            #expect(plain.body.readableBytes <= 4096)
            let still = try await app.request(.get, "/figures/clams.still.svg")
            #expect(still.status == .ok && !still.text.contains("<animate"))

            // The exercise page links the versioned figure with its text alternative, and a still one for print.
            let page = try await app.request(.get, "/exercises/clams")
            let src = try #require(page.text.firstMatch(of: /src="(\/figures\/clams\.svg\?v=[0-9a-f]+)"/)?.1)
            #expect(page.text.contains("alt=\"Lying on her side, knees bent, she lifts the top knee"))
            #expect(page.text.contains("/figures/clams.still.svg?v="))
            let versioned = try await app.request(.get, String(src))
            #expect(versioned.headers[.cacheControl] == "public, max-age=31536000, immutable")
            #expect(versioned.text == plain.text)
            // The img is sized exactly as the picture sizes itself, so nothing shifts while it loads.
            let drawn = try #require(plain.text.firstMatch(of: /<svg [^>]*width="(\d+)" height="(\d+)"/))
            #expect(page.text.contains("src=\"\(src)\" alt=") && page.text.contains("width=\"\(drawn.1)\" height=\"\(drawn.2)\""))
            // Pages keep the app's strict policy.
            #expect(page.headers[.contentSecurityPolicy]?.contains("style-src 'self'") == true)
        }
    }

    @Test("A longer planned hold draws a longer loop; bad holds and unknown exercises are refused")
    func holdAndErrors() async throws {
        try await TestApp.run { app in
            let base = try await app.request(.get, "/figures/glute-bridge.svg")
            let longer = try await app.request(.get, "/figures/glute-bridge.svg?hold=10")
            #expect(base.text.contains("dur=\"6s\""), "4 s to move and 2 s held")
            #expect(longer.text.contains("dur=\"14s\""))
            let bad = try await app.request(.get, "/figures/glute-bridge.svg?hold=lots")
            #expect(bad.status == .badRequest && bad.text.contains("hold must be a whole number of seconds from 0 to 120."))
            #expect(try await app.request(.get, "/figures/glute-bridge.svg?hold=121").status == .badRequest)
            #expect(try await app.request(.get, "/figures/moonwalk.svg").status == .notFound)
            #expect(try await app.request(.get, "/figures/clams.png").status == .notFound)
        }
    }

    @Test("The plan shows a figure beside every exercise; the session shows one on every card and a place for it in the player")
    func onPages() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.clearScreen()
            let plan = try await browser.get("/plan")
            let planned = plan.text.matches(
                of: /<li><span class="thumb"><figure class="figure"><img class="no-print" src="\/figures\/[a-z0-9-]+\.svg\?/
            ).count
            #expect(planned > 0 && planned == plan.text.matches(of: /<span><a href="\/exercises\//).count)
            #expect(plan.text.contains("Print your plan"))
            let session = try await browser.get("/session")
            let cards = session.text.matches(of: /<fieldset class="exercise card"/).count
            #expect(cards > 0)
            #expect(
                session.text.matches(of: /<img src="\/figures\/[a-z0-9-]+\.svg\?[^"]+" alt="[^"]{20,}"/)
                    .count == cards)
            #expect(session.text.contains("<img class=\"player-figure\" data-player=\"figure\""))
        }
    }
}
