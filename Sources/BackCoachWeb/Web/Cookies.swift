import HTTPTypes
import Hummingbird

/// Reading and writing the two cookies the web app uses. Both are HttpOnly and SameSite=Lax,
/// and Secure whenever the app is served over TLS.
enum Cookies {
    static let session = "bc_session"
    /// Double-submit CSRF token for the forms shown before sign-in (sign up, sign in).
    static let csrf = "bc_csrf"

    static func value(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == name { return parts[1] }
            }
        }
        return nil
    }

    /// A Set-Cookie header value. `maxAge` nil makes a browser-session cookie; 0 deletes it.
    static func header(_ name: String, _ value: String, maxAge: Int?, secure: Bool) -> String {
        var parts = ["\(name)=\(value)", "Path=/", "HttpOnly", "SameSite=Lax"]
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        if secure { parts.append("Secure") }
        return parts.joined(separator: "; ")
    }

    /// Served over TLS directly, or behind a proxy that says so, or configured with an https public address.
    static func isSecure(_ request: Request, publicBaseURL: String) -> Bool {
        request.uri.scheme?.rawValue == "https" || request.headers[.init("X-Forwarded-Proto")!] == "https"
            || publicBaseURL.hasPrefix("https://")
    }
}
