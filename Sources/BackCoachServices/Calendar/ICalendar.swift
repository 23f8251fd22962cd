import BackCoachCore
import Foundation

/// An RFC 5545 calendar of planned sessions. Events use floating local time (her session time wherever she is),
/// carry a reminder alarm, and are titled to make sense on a lock screen.
struct ICalendar {
    struct Event {
        let uid: String
        let date: LocalDate
        /// "HH:mm", local.
        let time: String
        let minutes: Int
        let summary: String
        let description: String
    }

    let events: [Event]
    let stamp: Date

    func render() -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//BackCoach//Sessions//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:BackCoach sessions",
        ]
        let stamp = Self.utcStamp(stamp)
        for event in events {
            let day = event.date.description.replacingOccurrences(of: "-", with: "")
            lines += [
                "BEGIN:VEVENT", "UID:\(event.uid)", "DTSTAMP:\(stamp)",
                "DTSTART:\(day)T\(event.time.replacingOccurrences(of: ":", with: ""))00", "DURATION:PT\(event.minutes)M",
                "SUMMARY:\(Self.escape(event.summary))", "DESCRIPTION:\(Self.escape(event.description))",
                "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT0M", "DESCRIPTION:\(Self.escape(event.summary))", "END:VALARM", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets continue on the next line after a space.
    static func fold(_ line: String) -> String {
        var result = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                result += "\r\n "
                count = 1
            }
            result.append(character)
            count += size
        }
        return result
    }

    static func utcStamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
