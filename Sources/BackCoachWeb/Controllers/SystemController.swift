import Foundation
import Hummingbird
import NIOCore

/// Health, metrics and the API description.
struct SystemController {
    let dependencies: WebDependencies

    func addPublicRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/healthz") { _, context in
            do {
                try await dependencies.healthCheck()
            } catch {
                context.logger.error("Health check failed", metadata: ["error": "\(error)"])
                throw Problem(.serviceUnavailable, "The database is not answering.")
            }
            return JSONResponse(["status": "ok"])
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: dependencies.metricsText())))
        }
        router.get("/openapi.yaml") { _, _ in
            guard let document = OpenAPIDocument.text else {
                throw Problem(.internalServerError, "The API description is missing from the build.")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: document)))
        }
    }
}

/// The OpenAPI 3.1 document shipped with the server.
public enum OpenAPIDocument {
    public static let text: String? = Bundle.module.url(forResource: "openapi", withExtension: "yaml")
        .flatMap { try? String(contentsOf: $0, encoding: .utf8) }
}
