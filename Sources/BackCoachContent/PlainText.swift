import Foundation

/// Markdown reduced to readable text: headings, emphasis, links and list markers removed.
public enum PlainText {
    public static func fromMarkdown(_ markdown: String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var text = String(line)
            text = text.replacingOccurrences(of: #"^\s{0,3}#{1,6}\s*"#, with: "", options: .regularExpression)
            text = text.replacingOccurrences(of: #"^\s*([-*+]|\d+\.)\s+"#, with: "• ", options: .regularExpression)
            text = text.replacingOccurrences(of: #"^\s*>\s?"#, with: "", options: .regularExpression)
            text = text.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
            text = text.replacingOccurrences(of: #"[*_`]{1,3}"#, with: "", options: .regularExpression)
            return text
        }.joined(separator: "\n")
    }
}
