import Foundation
import Testing

@Suite("Public content, health and the basics every response shares")
struct PublicRoutesTests {
    @Test("Exercises, articles, search and questions")
    func content() async throws {
        try await TestApp.run { app in
            let exercises = try await app.request(.get, "/api/v1/exercises")
            #expect((try exercises.json() as? [Any])?.count == 33)
            expectMatchesSchema(exercises, "GET", "/api/v1/exercises")
            let one = try await app.request(.get, "/api/v1/exercises/glute-bridge")
            #expect(try one.object()["ref"] as? String == "C1")
            expectMatchesSchema(one, "GET", "/api/v1/exercises/{id}")
            let missing = try await app.request(.get, "/api/v1/exercises/moonwalk")
            #expect(missing.status == .notFound)
            expectMatchesSchema(missing, "GET", "/api/v1/exercises/{id}")
            let articles = try await app.request(.get, "/api/v1/articles")
            #expect((try articles.json() as? [Any])?.count == 13)
            expectMatchesSchema(articles, "GET", "/api/v1/articles")
            let article = try await app.request(.get, "/api/v1/articles/diastasis-self-test")
            #expect((try article.object()["html"] as? String)?.contains("education, not medical advice") == true)
            expectMatchesSchema(article, "GET", "/api/v1/articles/{slug}")
            #expect(try await app.request(.get, "/api/v1/articles/nope").status == .notFound)
            let search = try await app.request(.get, "/api/v1/search?q=glute%20brige")
            #expect((try search.object()["results"] as? [[String: Any]])?.first?["id"] as? String == "glute-bridge")
            expectMatchesSchema(search, "GET", "/api/v1/search")
            #expect(try await app.request(.get, "/api/v1/search?q=").status == .badRequest)
            #expect(try await app.request(.get, "/api/v1/search").status == .badRequest)
            let questions = try await app.request(.get, "/api/v1/questions")
            expectMatchesSchema(questions, "GET", "/api/v1/questions")
            #expect((try questions.object()["redFlags"] as? [Any])?.count == 17)
            #expect((try questions.object()["rescreen"] as? [Any])?.count == 12)
        }
    }

    @Test("Health and metrics")
    func system() async throws {
        try await TestApp.run(.sqlite) { app in
            let health = try await app.request(.get, "/healthz")
            #expect(health.status == .ok)
            expectMatchesSchema(health, "GET", "/healthz")
            let metrics = try await app.request(.get, "/metrics")
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
        }
    }

    @Test("Unknown addresses get a 404 problem, and every response carries the security headers")
    func basics() async throws {
        try await TestApp.run { app in
            for path in ["/nowhere", "/api/v1/exercises", "/api/v1/me/today"] {
                let response = try await app.request(.get, path)
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(path)")
                #expect(response.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.init("Referrer-Policy")!] == "no-referrer")
            }
            let missingAPI = try await app.request(.get, "/api/v1/nowhere")
            #expect(missingAPI.status == .notFound)
            #expect(missingAPI.headers[.contentType] == "application/problem+json")
            #expect(try missingAPI.object()["status"] as? Int == 404)
            let missingPage = try await app.request(.get, "/nowhere")
            #expect(missingPage.status == .notFound)
            #expect(missingPage.headers[.contentType] == "text/html; charset=utf-8")
            #expect(missingPage.text.contains("find that page"))
            #expect(!missingPage.text.contains("Error Domain"), "no internals on error pages")
        }
    }

    @Test("A known address with the wrong method gets 405 and the methods it takes")
    func methodNotAllowed() async throws {
        try await TestApp.run { app in
            let trace = try await app.request(.trace, "/healthz")
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers[.allow] == "GET, HEAD")
            #expect(trace.headers[.contentType] == "application/problem+json")
            let deleteCheckin = try await app.request(.delete, "/api/v1/me/checkins/2026-11-25")
            #expect(deleteCheckin.status == .methodNotAllowed)
            #expect(deleteCheckin.headers[.allow] == "PUT")
            let page = try await app.request(.put, "/learn/glute-strength")
            #expect(page.status == .methodNotAllowed)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(try await app.request(.delete, "/no/such/address").status == .notFound)
            #expect(try await app.request(.get, "/learn/no-such-article").status == .notFound, "a handler's 404 stays a 404")
        }
    }
}
