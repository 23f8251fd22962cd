import BackCoachContent
import BackCoachCore
import Crypto
import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// Every exercise's figure as served: drawn on first use and kept, with a short hash of the drawing in its URL
/// so browsers can cache it for a year and still see a changed pose at once.
public final class ExerciseFigures: Sendable {
    struct Drawing: Sendable {
        let animated: ByteBuffer
        let still: ByteBuffer
        let version: String
        /// The picture's own size in CSS pixels, for the img's width and height (no layout shift).
        let width: Int
        let height: Int
        let description: String
    }

    /// What a template needs to show one figure.
    struct Image {
        let src: String
        let still: String
        let alt: String
        let width: Int
        let height: Int
    }

    /// The longest hold a figure draws (the catalogue's longest is 30 s); the route refuses longer ones.
    static let longestHold = 120

    private let content: ContentLibrary
    private let drawings = Mutex<[String: Drawing]>([:])

    public init(content: ContentLibrary) {
        self.content = content
    }

    /// The drawing at the catalogue's dose, or with another hold of 0…`longestHold` seconds (a progressed plan may
    /// hold longer: the figure holds as long as she is asked to).
    func drawing(for id: String, hold: Int? = nil) -> Drawing? {
        guard let exercise = content.catalogue[id], let figure = content.figures[id] else { return nil }
        var dose = exercise.dose
        if let hold { dose.holdSeconds = hold }
        let key = dose == exercise.dose ? id : "\(id)@\(dose.holdSeconds)"
        if let cached = drawings.withLock({ $0[key] }) { return cached }
        let renderer = FigureRenderer(figure: figure, dose: dose)
        let animated = renderer.svg(title: exercise.title)
        let still = renderer.svg(title: exercise.title, animated: false)
        let version = SHA256.hash(data: Data((animated + still).utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
        let size = renderer.pixelSize
        let drawing = Drawing(
            animated: ByteBuffer(string: animated), still: ByteBuffer(string: still), version: version, width: size.width,
            height: size.height, description: figure.description)
        drawings.withLock { $0[key] = drawing }
        return drawing
    }

    /// The figure for a page; `dose` is the planned one, when the page shows a plan.
    func image(for id: String, dose: Dose? = nil) -> Image? {
        let hold = dose.flatMap {
            $0.holdSeconds == content.catalogue[id]?.dose.holdSeconds ? nil : min(max($0.holdSeconds, 0), Self.longestHold)
        }
        guard let drawing = drawing(for: id, hold: hold) else { return nil }
        let query = (hold.map { "hold=\($0)&" } ?? "") + "v=\(drawing.version)"
        return Image(
            src: "/figures/\(id).svg?\(query)", still: "/figures/\(id).still.svg?\(query)",
            alt: drawing.description, width: drawing.width, height: drawing.height)
    }
}

/// Serves the figures. An SVG carries its own small style sheet, so these responses get a policy of their own:
/// inline styles allowed, nothing else (no scripts, no fetches), and they can't be framed.
struct FigureController {
    let figures: ExerciseFigures

    static let policy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"

    /// `/figures/glute-bridge.svg` moves; `/figures/glute-bridge.still.svg` shows the start and end side by side.
    /// (Short addresses: a session page names one per exercise and has a weight budget.)
    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(PagePath.figure) { request, context in try response(request, context) }
    }

    func response(_ request: Request, _ context: AppRequestContext) throws -> Response {
        let file = context.parameters.get("file") ?? ""
        let still = file.hasSuffix(".still.svg")
        guard file.hasSuffix(".svg") else { throw Problem.notFound("There is no figure at this address.") }
        let id = String(file.dropLast(still ? ".still.svg".count : ".svg".count))
        var hold: Int?
        if let text = request.uri.queryParameters["hold"] {
            guard let seconds = Int(text), (0...ExerciseFigures.longestHold).contains(seconds) else {
                throw Problem.badRequest("hold must be a whole number of seconds from 0 to \(ExerciseFigures.longestHold).")
            }
            hold = seconds
        }
        guard let drawing = figures.drawing(for: id, hold: hold) else {
            throw Problem.notFound("There is no exercise at this address.")
        }
        let versioned = request.uri.queryParameters["v"].map(String.init) == drawing.version
        return Response(
            status: .ok,
            headers: [
                .contentType: "image/svg+xml; charset=utf-8", .contentSecurityPolicy: Self.policy,
                .cacheControl: versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
            ],
            body: .init(byteBuffer: still ? drawing.still : drawing.animated))
    }
}
