import BackCoachCore
import BackCoachStorage
import Foundation

/// A user's check-ins and session logs as CSV and as a FHIR R4 Bundle.
struct HealthExport {
    let user: User
    let checkins: [Checkin]
    let sessions: [SessionLog]
    let baseURL: String
    /// Exercise titles, so the file she downloads names each exercise as the app does, not by its internal id.
    let titles: [String: String]

    func csv() -> String {
        let header = [
            "record", "date", "pain", "psfs", "note", "exercise", "completed", "difficulty", "pain_during", "next_morning", "symptoms",
        ]
        var rows: [[String]] = checkins.map { checkin in
            let psfs = (checkin.psfs ?? []).map { "\($0.activity)=\($0.score)" }.joined(separator: "; ")
            return ["checkin", checkin.date.description, String(checkin.pain), psfs, checkin.note ?? "", "", "", "", "", "", ""]
        }
        for session in sessions {
            for item in session.feedback {
                rows.append([
                    "session", session.date.description, "", "", "", titles[item.exerciseID] ?? item.exerciseID,
                    item.completed ? "yes" : "no",
                    item.difficulty?.words ?? "", item.painDuring.map(String.init) ?? "", item.nextMorning?.words ?? "",
                    item.symptoms.sorted().map(\.rawValue).joined(separator: " "),
                ])
            }
        }
        return CSV.render(header: header, rows: rows)
    }

    static let questionnairePath = "/fhir/Questionnaire/psfs"

    /// Pain scores as Observations coded LOINC 72514-3 (0–10 verbal numeric rating), PSFS ratings as
    /// QuestionnaireResponses against the Questionnaire the app serves.
    func fhirBundle() -> [String: Any] {
        let patient = "urn:uuid:\(user.id)"
        var entries: [[String: Any]] = [
            [
                "fullUrl": patient,
                "resource": ["resourceType": "Patient", "id": user.id.description, "active": true],
            ]
        ]
        for checkin in checkins {
            entries.append([
                "fullUrl": "urn:uuid:\(UUID(checkin: checkin, user: user, kind: "pain").uuidString.lowercased())",
                "resource": [
                    "resourceType": "Observation", "status": "final",
                    "category": [
                        [
                            "coding": [
                                [
                                    "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey",
                                    "display": "Survey",
                                ]
                            ]
                        ]
                    ],
                    "code": [
                        "coding": [
                            [
                                "system": "http://loinc.org", "code": "72514-3",
                                "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
                            ]
                        ], "text": "Pain score (0–10)",
                    ],
                    "subject": ["reference": patient],
                    "effectiveDateTime": checkin.date.description,
                    "valueInteger": checkin.pain,
                ] as [String: Any],
            ])
            guard let ratings = checkin.psfs else { continue }
            entries.append([
                "fullUrl": "urn:uuid:\(UUID(checkin: checkin, user: user, kind: "psfs").uuidString.lowercased())",
                "resource": [
                    "resourceType": "QuestionnaireResponse", "status": "completed",
                    "questionnaire": baseURL + Self.questionnairePath,
                    "subject": ["reference": patient], "authored": checkin.date.description,
                    "item": ratings.enumerated().map { index, rating in
                        [
                            "linkId": "activity-\(index + 1)", "text": "Activity \(index + 1)",
                            "item": [
                                ["linkId": "activity-\(index + 1).name", "answer": [["valueString": rating.activity]]],
                                ["linkId": "activity-\(index + 1).score", "answer": [["valueInteger": rating.score]]],
                            ],
                        ] as [String: Any]
                    },
                ] as [String: Any],
            ])
        }
        return ["resourceType": "Bundle", "type": "collection", "timestamp": ISO8601DateFormatter().string(from: Date()), "entry": entries]
    }

    /// The PSFS as a FHIR Questionnaire: up to five activities, each named and scored 0 (unable) to 10 (as before).
    static func questionnaire(baseURL: String) -> [String: Any] {
        [
            "resourceType": "Questionnaire", "id": "psfs", "url": baseURL + questionnairePath, "status": "active",
            "name": "PatientSpecificFunctionalScale", "title": "Patient-Specific Functional Scale (0–10 per activity)",
            "description":
                "Name up to five activities you find hard because of your back or pelvic pain, then score each: 0 = unable to do it, 10 = able to do it as well as before.",
            "item": (1...5).map { index in
                [
                    "linkId": "activity-\(index)", "type": "group", "text": "Activity \(index)", "required": index == 1,
                    "item": [
                        ["linkId": "activity-\(index).name", "type": "string", "text": "Activity"],
                        ["linkId": "activity-\(index).score", "type": "integer", "text": "Score 0–10"],
                    ],
                ] as [String: Any]
            },
        ]
    }
}

extension UUID {
    /// A stable id per user, date and kind, so exporting twice gives the same resource ids.
    init(checkin: Checkin, user: User, kind: String) {
        var bytes = Array(Secrets.hash("\(user.id)|\(checkin.date)|\(kind)").utf8.prefix(32))
        bytes = stride(from: 0, to: 32, by: 2).map { UInt8(String(decoding: bytes[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        self = UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10],
                bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
