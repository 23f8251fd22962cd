import BackCoachContent
import Foundation
import Testing

@testable import BackCoachCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

private let shared = Result { try ContentLibrary.bundled() }

/// A bone's length as drawn: in the picture plane, after the camera's turn.
private func drawnLength(_ bone: (from: Joint, to: Joint, length: Double), in frame: FigureMotion.Frame) -> Double {
    let d = frame[bone.to]! - frame[bone.from]!
    return hypot(d.x, d.y)
}

@Suite("Exercise figures of the catalogue")
struct ExerciseFigureTests {
    static let ids = (try? shared.get().catalogue.exercises.map(\.id)) ?? []

    @Test("Every exercise draws, as well-formed SVG within 4 KB, animated and still", arguments: ids)
    func draws(id: String) throws {
        let library = try shared.get()
        let exercise = try #require(library.catalogue[id])
        for animated in [true, false] {
            let svg = try #require(library.figureSVG(for: exercise, animated: animated))
            #expect(svg.utf8.count <= FigureRenderer.maximumBytes, "\(id): \(svg.utf8.count) bytes")
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(id) is not well-formed XML")
            #expect(svg.contains("<desc>\(library.figures[id]!.description)</desc>") || svg.contains("<desc>"))
            #expect(animated == svg.contains("<animate"), "\(id): the animated figure moves, the still one doesn't")
        }
    }

    @Test("Through the whole animation no limb dips below the floor or visibly shrinks", arguments: ids)
    func limbsHold(id: String) throws {
        let library = try shared.get()
        let exercise = try #require(library.catalogue[id])
        let figure = try #require(library.figures[id])
        let motion = FigureRenderer(figure: figure, dose: exercise.dose).motion
        // The browser blends straight from one drawn frame to the next; check the blend, not only the frames.
        for (a, b) in zip(motion.frames, motion.frames.dropFirst()) {
            for t in stride(from: 0.0, through: 1.0, by: 0.25) {
                var blend: FigureMotion.Frame = [:]
                for (joint, p) in a { blend[joint] = p + (b[joint]! - p) * t }
                for (joint, p) in blend {
                    #expect(p.y - FigureStyle.radius(of: joint) >= -0.01, "\(id): \(joint) below the floor")
                }
                for bone in Skeleton.bones {
                    let shortest = min(drawnLength(bone, in: a), drawnLength(bone, in: b))
                    // 3% (half a unit on a thigh) is the most a blend may lose; the rest is rounding slack.
                    #expect(
                        drawnLength(bone, in: blend) >= shortest * 0.97 - 0.1,
                        "\(id): \(bone.from)–\(bone.to) shrinks mid-move")
                    #expect(abs((a[bone.to]! - a[bone.from]!).length - bone.length) < 1e-6, "\(id): bone length changed")
                }
            }
        }
    }

    @Test("Every figure moves the part it highlights and names a starting and an ending position")
    func movesWhatItHighlights() throws {
        let library = try shared.get()
        for exercise in library.catalogue.exercises {
            let figure = try #require(library.figures[exercise.id])
            let motion = FigureRenderer(figure: figure, dose: exercise.dose).motion
            let joints: [ExerciseFigure.Part: [Joint]] = [
                .trunk: [.pelvis, .waist, .neck], .head: [.head], .leftArm: [.leftElbow, .leftHand], .rightArm: [.rightElbow, .rightHand],
                .leftLeg: [.leftKnee, .leftAnkle], .rightLeg: [.rightKnee, .rightAnkle],
            ]
            #expect(!figure.moving.isEmpty, "\(exercise.id) highlights nothing")
            let moved = figure.moving.contains { part in
                joints[part]!.contains { (motion.endFrame[$0]! - motion.startFrame[$0]!).length > 1 }
            }
            #expect(moved, "\(exercise.id): the highlighted part doesn't move")
        }
    }

    /// A handful of figures, byte for byte: a change to the renderer or a pose shows up here for review.
    /// Run with BACKCOACH_UPDATE_SNAPSHOTS=1 to accept a deliberate change.
    @Test("Snapshots", arguments: ["glute-bridge", "clams", "cat-cow", "side-lying-hip-abduction", "sitting-tall"])
    func snapshot(id: String) throws {
        let library = try shared.get()
        let exercise = try #require(library.catalogue[id])
        let svg = try #require(library.figureSVG(for: exercise))
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(id).svg")
        if ProcessInfo.processInfo.environment["BACKCOACH_UPDATE_SNAPSHOTS"] == "1" {
            try svg.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(svg == expected, "\(id) changed; look at it, then update with BACKCOACH_UPDATE_SNAPSHOTS=1")
    }

    @Test("Figures that don't fit the catalogue are refused at load")
    func refusesMismatch() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("figures-\(UUID().uuidString)")
        let bundled = try #require(ContentLibrary.bundledFolder)
        try FileManager.default.copyItem(at: bundled, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("figures.json")
        var figures = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        let clams = figures.removeValue(forKey: "clams")
        try JSONSerialization.data(withJSONObject: figures).write(to: file)
        #expect(throws: ContentError("figures.json: clams has no figure")) { try ContentLibrary.load(from: folder) }
        figures["clams"] = clams
        figures["moonwalk"] = clams
        try JSONSerialization.data(withJSONObject: figures).write(to: file)
        #expect(throws: ContentError("figures.json: moonwalk is not an exercise in the catalogue")) {
            try ContentLibrary.load(from: folder)
        }
    }
}
