/// RFC 4180 CSV: CRLF line ends, fields with commas, quotes or line breaks quoted, quotes doubled.
/// A field that starts with = + - @ gets a leading apostrophe so spreadsheets never run it as a formula.
enum CSV {
    static func render(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first), Int(text) == nil { text = "'" + text }
        // By scalar: a Character holds "\r\n" as one, so a bare "\n" or "\r" would slip past a Character test.
        guard text.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
