import HTTPTypes
import Hummingbird

/// Reading and writing the two cookies the web app uses. Both are HttpOnly and SameSite=Lax,
/// and Secure whenever the app is served over TLS.
enum Cookies {
    static let session = "bc_session"
    /// Double-submit CSRF token for the forms shown before sign-in (sign up, sign in).
    static let csrf = "bc_csrf"
    /// A browser that signed in before: the account-wide guess limit never locks it out (a year).
    static let device = "bc_device"

    static func value(_ name: String, in request: Request) -> String? {
        request.cookies[name]?.value
    }

    /// A value this app could have set: 43 URL-safe base64 characters (`Secrets.random`). Anything else in a cookie
    /// is ignored, never echoed back.
    static func isWellFormed(_ value: String) -> Bool {
        value.utf8.count == 43 && value.utf8.allSatisfy { $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// A Set-Cookie header value. `maxAge` nil makes a browser-session cookie; 0 deletes it. Written here rather
    /// than with Hummingbird's `Cookie`, whose attributes come out in a different order each time (reading cookies
    /// does use Hummingbird's `request.cookies`).
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

extension UInt8 {
    fileprivate var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}
