/// A daily pain rating on the 0–10 numeric scale (NPRS), 0 = no pain, 10 = worst pain imaginable.
public struct PainCheckin: Codable, Equatable, Sendable {
    public let date: LocalDate
    public let pain: Int

    public init(date: LocalDate, pain: Int) {
        self.date = date
        self.pain = pain
    }
}

/// One PSFS rating round: each named activity scored 0 (can't do it) to 10 (as well as before).
public struct PSFSEntry: Codable, Equatable, Sendable {
    public let date: LocalDate
    public let ratings: [PSFSRating]

    public init(date: LocalDate, ratings: [PSFSRating]) {
        self.date = date
        self.ratings = ratings
    }

    /// The PSFS score: the average of the activity ratings (Stratford 1995) [S57].
    public var average: Double? {
        ratings.isEmpty ? nil : Double(ratings.map(\.score).reduce(0, +)) / Double(ratings.count)
    }
}

public struct PSFSRating: Codable, Equatable, Sendable {
    public let activity: String
    public let score: Int

    public init(activity: String, score: Int) {
        self.activity = activity
        self.score = score
    }
}
