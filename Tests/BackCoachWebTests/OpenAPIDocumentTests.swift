import BackCoachWeb
import Testing

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    @Test("Every route is in openapi.yaml and every operation in it is a route")
    func routesMatch() async throws {
        try await TestApp.run { app in
            let documented = OpenAPISchema.shared.operations
            #expect(!documented.isEmpty)
            // The document covers the machine interface; HTML pages and their assets are not part of it.
            let machine = ["/api/", "/calendar/", "/fhir/", "/healthz", "/metrics", "/openapi.yaml"]
            let api = app.routes.filter { route in machine.contains { route.split(separator: " ")[1].hasPrefix($0) } }
            #expect(api.count >= 27)
            #expect(api.subtracting(documented).sorted() == [], "routes missing from openapi.yaml")
            #expect(documented.subtracting(api).sorted() == [], "operations in openapi.yaml with no route")
        }
    }

    @Test("GET /openapi.yaml serves the document")
    func served() async throws {
        try await TestApp.run { app in
            let response = try await app.request(.get, "/openapi.yaml")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/yaml") == true)
            #expect(response.text.hasPrefix("openapi: 3.1.0"))
        }
    }
}
