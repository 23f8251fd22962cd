import BackCoachCore

/// One Learn article: Markdown with front matter (title, summary, sources, order), rendered once at load.
public struct Article: Sendable, Equatable {
    /// From the file name: `what-is-postpartum-back-pain.md` → `what-is-postpartum-back-pain`.
    public let slug: String
    public let title: String
    public let summary: String
    public let sources: [String]
    /// Position in the article list.
    public let order: Int
    /// The Markdown body, without front matter.
    public let markdown: String
    /// The body as HTML, followed by the education-not-medical-advice line.
    public let html: String
    /// The body as plain text (for search, reading-level checks and read-aloud), followed by the same line.
    public let text: String
}
