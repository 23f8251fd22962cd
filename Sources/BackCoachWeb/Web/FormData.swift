import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body: every value of every field, in order.
struct FormData: Sendable {
    let fields: [String: [String]]

    init(_ text: String) {
        var fields: [String: [String]] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0) }
            let decode = { (text: String) in text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            guard let key = parts.first.map(decode), !key.isEmpty else { continue }
            fields[key, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        self.fields = fields
    }

    subscript(_ name: String) -> String? { fields[name]?.first }
    func all(_ name: String) -> [String] { fields[name] ?? [] }
    func trimmed(_ name: String) -> String { (self[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
}

extension Request {
    /// The form body (at most 64 KB).
    mutating func form(context: AppRequestContext) async throws -> FormData {
        let buffer = try await collectBody(upTo: context.maxUploadSize)
        return FormData(String(buffer: buffer))
    }

    /// The form body of a signed-in page, after checking its CSRF token (403 when missing or wrong).
    func csrfCheckedForm(context: AppRequestContext) async throws -> FormData {
        var request = self
        let form = try await request.form(context: context)
        try context.checkCSRF(form)
        return form
    }
}
