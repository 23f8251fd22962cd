import BackCoachAPI
import Foundation
import OpenAPIRuntime

/// Health, metrics and this API's own description.
extension APIHandler {
    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        do {
            try await healthCheck()
        } catch {
            APICall.logger.error("Health check failed", metadata: ["error": "\(error)"])
            throw Problem(.serviceUnavailable, "The database is not answering.")
        }
        return .ok(.init(body: .json(.init(status: .ok))))
    }

    func getMetrics(_ input: Operations.GetMetrics.Input) async throws -> Operations.GetMetrics.Output {
        .ok(.init(body: .plainText(HTTPBody(metricsText()))))
    }

    func getOpenAPIDocument(_ input: Operations.GetOpenAPIDocument.Input) async throws -> Operations.GetOpenAPIDocument.Output {
        guard let document = OpenAPIDocument.text else {
            throw Problem(.internalServerError, "The API description is missing from the build.")
        }
        return .ok(.init(body: .yaml(HTTPBody(document))))
    }
}

/// The OpenAPI 3.1 document shipped with the server: the source the API's router is generated from.
public enum OpenAPIDocument {
    public static let text: String? = Bundle.module.url(forResource: "openapi", withExtension: "yaml")
        .flatMap { try? String(contentsOf: $0, encoding: .utf8) }
}
