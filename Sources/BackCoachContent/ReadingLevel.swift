import Foundation

/// Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
/// Our content aims at grade 8 or below, so a tired reader gets it at a glance.
public enum ReadingLevel {
    public static let maximumGrade = 8.0

    public static func grade(of text: String) -> Double {
        let sentences = max(1, sentenceCount(text))
        let words = text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }.filter { $0.contains(where: \.isLetter) }
        guard !words.isEmpty else { return 0 }
        let syllables = words.map { syllableCount(String($0)) }.reduce(0, +)
        return 0.39 * Double(words.count) / Double(sentences) + 11.8 * Double(syllables) / Double(words.count) - 15.59
    }

    /// Sentence ends (. ! ?) plus list items and headings, which read as sentences of their own.
    static func sentenceCount(_ text: String) -> Int {
        var count = 0
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let ends = line.filter { ".!?".contains($0) }.count
            let endsWithPunctuation = line.trimmingCharacters(in: .whitespaces).last.map { ".!?:".contains($0) } ?? false
            count += ends + (endsWithPunctuation ? 0 : 1)
        }
        return count
    }

    /// Vowel groups, less a silent final "e", at least one.
    static func syllableCount(_ word: String) -> Int {
        let word = word.lowercased().filter(\.isLetter)
        guard word.count > 3 else { return 1 }
        var count = 0
        var previousWasVowel = false
        for character in word {
            let isVowel = "aeiouy".contains(character)
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        if word.hasSuffix("e") && !word.hasSuffix("le") && count > 1 { count -= 1 }
        if word.hasSuffix("ed") && !word.hasSuffix("ted") && !word.hasSuffix("ded") && count > 1 { count -= 1 }
        return max(1, count)
    }
}
