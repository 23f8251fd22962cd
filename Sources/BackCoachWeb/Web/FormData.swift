import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body: every value of every field, in order.
struct FormData: Sendable {
    let fields: [String: [String]]

    /// Refuses a body with broken percent-encoding instead of reading its values as empty (a note would be lost).
    init(_ text: String) throws(Problem) {
        var fields: [String: [String]] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0) }
            var decoded: [String] = []
            for part in parts {
                guard let value = part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                    throw Problem.badRequest("This form could not be read: part of it is not correctly encoded. Nothing was saved.")
                }
                decoded.append(value)
            }
            guard let key = decoded.first, !key.isEmpty else { continue }
            fields[key, default: []].append(decoded.count > 1 ? decoded[1] : "")
        }
        self.fields = fields
    }

    subscript(_ name: String) -> String? { fields[name]?.first }
    func all(_ name: String) -> [String] { fields[name] ?? [] }
    func trimmed(_ name: String) -> String { (self[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
}

extension Request {
    /// A query value as a browser's GET form sends it: "+" is a space ("kill+myself" is "kill myself"), so the
    /// words she typed are what she sees again.
    func formQuery(_ name: String) -> String? {
        uri.queryParameters[Substring(name)].map { String($0).replacingOccurrences(of: "+", with: " ") }
    }

    /// The form body (at most 64 KB).
    mutating func form(context: AppRequestContext) async throws -> FormData {
        let buffer = try await collectBody(upTo: context.maxUploadSize)
        return try FormData(String(buffer: buffer))
    }

    /// The form body of a signed-in page, after checking its CSRF token (403 when missing or wrong).
    func csrfCheckedForm(context: AppRequestContext) async throws -> FormData {
        var request = self
        let form = try await request.form(context: context)
        try context.checkCSRF(form)
        return form
    }
}
