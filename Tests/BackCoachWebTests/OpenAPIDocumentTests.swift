import BackCoachWeb
import Testing

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    @Test("Every route is in openapi.yaml and every operation in it is a route")
    func routesMatch() async throws {
        try await TestApp.run { app in
            let documented = OpenAPISchema.shared.operations
            #expect(!documented.isEmpty)
            #expect(app.routes.subtracting(documented).sorted() == [], "routes missing from openapi.yaml")
            #expect(documented.subtracting(app.routes).sorted() == [], "operations in openapi.yaml with no route")
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
