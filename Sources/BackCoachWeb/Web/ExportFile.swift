import Foundation
import Hummingbird
import NIOCore

/// The export files as the API and the settings page both hand them out: one name each, saved as an attachment.
enum ExportFile {
    case csv, fhir

    var name: String {
        switch self {
        case .csv: "backcoach-export.csv"
        case .fhir: "backcoach-export.fhir.json"
        }
    }

    var disposition: String { "attachment; filename=\"\(name)\"" }

    /// The content type the file is sent with, by the API and the settings page alike.
    var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8; header=present"
        case .fhir: "application/fhir+json; charset=utf-8"
        }
    }

    /// The file as a download for a signed-in browser.
    func response(_ data: Data) -> Response {
        Response(
            status: .ok, headers: [.contentType: contentType, .contentDisposition: disposition],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
