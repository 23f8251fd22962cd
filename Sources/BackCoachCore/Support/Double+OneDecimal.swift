import Foundation

extension Double {
    /// One decimal place, a half rounded up as people round it: a week of 3, 1, 2 and 3 averages 2.25 and reads "2.3"
    /// (printf's "%.1f" rounds a half to even and gave "2.2").
    public var oneDecimal: String { String(format: "%.1f", (self * 10).rounded() / 10) }
}
