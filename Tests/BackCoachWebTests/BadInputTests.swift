import Foundation
import HTTPTypes
import NIOCore
import Testing

@Suite("Bad input on every write: a clear 4xx and nothing stored")
struct BadInputTests {
    /// Every API route that takes a body.
    static let writes: [(method: HTTPRequest.Method, uri: String)] = [
        (.put, "/api/v1/me/intake"), (.post, "/api/v1/me/screens"), (.post, "/api/v1/me/sessions"),
        (.put, "/api/v1/me/checkins/2026-11-25"), (.post, "/api/v1/accounts"), (.post, "/api/v1/tokens"),
    ]

    /// Bodies no write accepts, with what each one tries.
    static let bodies: [(name: String, body: ByteBuffer)] = [
        ("empty", ByteBuffer()),
        ("not JSON", ByteBuffer(string: "pain=3")),
        ("a list instead of an object", ByteBuffer(string: "[1, 2, 3]")),
        ("an unknown field", ByteBuffer(string: #"{"pain": 3, "isAdmin": true}"#)),
        ("wrong types", ByteBuffer(string: #"{"pain": "high", "date": 20261125, "email": 7, "weeksSinceBirth": "six"}"#)),
        ("out of range", ByteBuffer(string: #"{"pain": 11, "date": "2026-11-25", "weeksSinceBirth": -1}"#)),
        (
            "a date far away",
            ByteBuffer(string: #"{"date": "1999-01-01", "redFlags": [], "exercises": [{"id": "clams", "completed": true}]}"#)
        ),
        ("invalid UTF-8", ByteBuffer(bytes: [0x7B, 0x22, 0x6E, 0x6F, 0x74, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D])),
        ("nested 10,000 deep", ByteBuffer(string: String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))),
        ("10 MB", ByteBuffer(repeating: UInt8(ascii: " "), count: 10 * 1024 * 1024)),
    ]

    @Test("Every bad body on every write gets a 4xx with a detail a person can read, and changes nothing")
    func badBodies() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            _ = try await app.request(.put, "/api/v1/me/checkins/2026-11-24", token: token, json: #"{"pain":5,"note":"kept"}"#)
            let before = try await snapshot(app, token)
            for write in Self.writes {
                for bad in Self.bodies {
                    let response = try await app.client.execute(
                        uri: write.uri, method: write.method,
                        headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: bad.body)
                    let label = "\(write.method) \(write.uri) with \(bad.name)"
                    #expect((400..<500).contains(response.status.code), "\(label): \(response.status)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(label)")
                    #expect(response.detail.count > 10 && !response.detail.contains("Error Domain"), "\(label): \(response.detail)")
                }
            }
            #expect(try await snapshot(app, token) == before, "nothing stored changed")
        }
    }

    @Test("Script, HTML and SQL in free text are stored as written and shown back escaped")
    func hostileText() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            let payloads = [
                #"<script>alert("x")</script>"#, #"'); DROP TABLE checkins; --"#, #"<img src=x onerror=alert(1)>"#, "\u{202E}evil",
            ]
            for (offset, payload) in payloads.enumerated() {
                try await browser.get("/checkin")
                let date = ["2026-11-25", "2026-11-24", "2026-11-23"][offset % 3]
                #expect(try await browser.post("/checkin", [("date", date), ("pain", "3"), ("note", payload)]).status == .seeOther)
                let csv = try await browser.get("/settings/export.csv").text
                #expect(csv.contains(payload.replacingOccurrences(of: "\"", with: "\"\"")), "stored exactly: \(payload)")
                for page in ["/checkin", "/progress"] {
                    let html = try await browser.get(page).text
                    #expect(!html.contains("<script>alert"), "\(page) must escape what she wrote")
                    #expect(!html.contains("<img src=x"), "\(page) must escape what she wrote")
                }
            }
            // The table is still there and still hers.
            #expect(try await browser.get("/settings/export.csv").text.contains("checkin,2026-11-25"))
        }
    }

    /// Everything the user has stored, as the API exports it.
    func snapshot(_ app: TestApp, _ token: String) async throws -> String {
        let csv = try await app.request(.get, "/api/v1/me/export.csv", token: token).text
        let program = try await app.request(.get, "/api/v1/me/program", token: token).text
        return csv + program
    }
}
