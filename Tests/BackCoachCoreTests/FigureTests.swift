import Foundation
import Testing

@testable import BackCoachCore

@Suite("Exercise figures: skeleton, motion, renderer")
struct FigureTests {
    static let dose = Dose(sets: 1, reps: 5, holdSeconds: 3, secondsPerRep: 4)

    static func figure(_ poses: [Pose], body: ExerciseFigure.Body = .upright, label: String? = nil) -> ExerciseFigure {
        ExerciseFigure(body: body, moving: [.rightLeg], arrow: .rightKnee, label: label, description: "A test movement.", poses: poses)
    }

    @Test("Standing: feet on the floor, head about 90 units up, every bone its length")
    func standing() {
        let frame = FigureMotion.grounded(Skeleton.place(Pose(name: "stand"), body: .upright), view: 0, extraRadius: [:])
        #expect(abs(frame[.rightAnkle]!.y - 3) < 0.001, "the ankle's stroke rests on the floor")
        #expect((74...84).contains(frame[.head]!.y))
        #expect(frame[.rightToe]!.x > frame[.rightAnkle]!.x, "facing right, toes point right")
        for bone in Skeleton.bones {
            #expect(abs((frame[bone.to]! - frame[bone.from]!).length - bone.length) < 1e-9, "\(bone.from)–\(bone.to)")
        }
    }

    @Test("Lying on the back: head left, feet right, nothing higher than bent knees")
    func supine() {
        let pose = Pose(
            name: "lie", pitch: -90, leftLeg: .init(hip: 45, knee: 95, ankle: 40), rightLeg: .init(hip: 45, knee: 95, ankle: 40))
        let frame = FigureMotion.grounded(Skeleton.place(pose, body: .upright), view: 0, extraRadius: [:])
        #expect(frame[.head]!.x < frame[.pelvis]!.x && frame[.pelvis]!.x < frame[.rightAnkle]!.x)
        #expect(frame[.head]!.y < 8 && frame[.neck]!.y < 8)
        #expect(frame.values.map(\.y).max() == frame[.rightKnee]!.y)
        #expect(frame[.rightAnkle]!.y < 6, "feet flat on the floor")
    }

    @Test("One loop lasts one repetition and holds where the dose holds")
    func timing() {
        let figure = Self.figure([Pose(name: "start"), Pose(name: "end", rightLeg: .init(hip: 90, knee: 90))])
        let motion = FigureMotion(figure: figure, dose: Self.dose)
        #expect(abs(motion.seconds - 7) < 1e-9, "4 s of movement + 3 s hold")
        #expect(motion.times.first == 0 && motion.times.last == 1)
        #expect(zip(motion.times, motion.times.dropFirst()).allSatisfy { $0 < $1 }, "times only go forward")
        #expect(motion.frames.first == motion.frames.last, "the loop ends where it starts")
        let held = zip(motion.frames, motion.frames.dropFirst()).enumerated().first { $0.element.0 == $0.element.1 && $0.offset > 0 }
        let holdStart = held.map { motion.times[$0.offset] } ?? 0
        let holdEnd = held.map { motion.times[$0.offset + 1] } ?? 0
        #expect(abs((holdEnd - holdStart) * motion.seconds - 3) < 1e-9)
        #expect(motion.endFrame[.rightKnee]!.y > motion.startFrame[.rightKnee]!.y)
    }

    @Test("A big move keeps enough frames to stay on its arc; a still one keeps only its ends")
    func frames() {
        let figure = Self.figure([Pose(name: "a"), Pose(name: "b", rightLeg: .init(hip: 90))])
        let swing = FigureMotion(figure: figure, dose: Self.dose)
        #expect(swing.frames.count > 8)
        let still = FigureMotion(figure: Self.figure([Pose(name: "a"), Pose(name: "b")]), dose: Self.dose)
        #expect(still.frames.count == 5, "start, rest, end, hold, back")
    }

    @Test(
        "The validator names the exercise, the pose and the problem",
        arguments: [
            ([Pose(name: "only")], "needs at least a start and an end"),
            ([Pose(name: "a"), Pose(name: "a")], "two positions share a name"),
            ([Pose(name: "a"), Pose(name: "bent", rightLeg: .init(knee: 200))], "position bent: knee 200.0 is outside 0…160"),
            ([Pose(name: "a"), Pose(name: "twist", upperBackTurn: 120)], "position twist: upperBackTurn 120.0 is outside -70…70"),
        ])
    func validator(poses: [Pose], message: String) {
        #expect(throws: ContentError.self) { try FigureValidator.validate(Self.figure(poses), id: "test", dose: Self.dose) }
        do {
            try FigureValidator.validate(Self.figure(poses), id: "test", dose: Self.dose)
        } catch {
            #expect(error.message.hasPrefix("figure test"), "\(error.message)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test("A label too long to fit is refused")
    func longLabel() {
        let figure = Self.figure([Pose(name: "a"), Pose(name: "b")], label: "Keep your ribs down and breathe out slowly")
        #expect(throws: ContentError.self) { try FigureValidator.validate(figure, id: "test", dose: Self.dose) }
    }

    @Test("The SVG: a title and description, an animation that loops, stills for reduced motion, text escaped")
    func svg() {
        let figure = ExerciseFigure(
            moving: [.rightLeg], arrow: .rightKnee, label: "Knee <up> & \"out\"", description: "She lifts a knee.",
            poses: [Pose(name: "start"), Pose(name: "end", rightLeg: .init(hip: 90, knee: 90))])
        let renderer = FigureRenderer(figure: figure, dose: Self.dose)
        let svg = renderer.svg(title: "Knee lift")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\""))
        #expect(svg.contains("<title>Knee lift</title><desc>She lifts a knee.</desc>"))
        #expect(svg.contains("<animate attributeName=\"d\" dur=\"7s\" repeatCount=\"indefinite\""))
        #expect(svg.contains("@media(prefers-reduced-motion:reduce){.v{display:none}.s{display:inline}}"))
        #expect(svg.contains("Knee &lt;up&gt; &amp; &quot;out&quot;"))
        #expect(svg.components(separatedBy: "class=\"b l m\"").count == 4, "the moving leg: animated, start still, end still")
        #expect(renderer.svg(title: "Knee lift") == svg, "the same figure always draws the same bytes")
        let still = renderer.svg(title: "Knee lift", animated: false)
        #expect(!still.contains("<animate") && still.contains("matrix(."))
    }
}

@Suite("Exercise figure colours")
struct FigureColourTests {
    /// WCAG relative luminance of "#rrggbb".
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        func linear(_ shift: Int) -> Double {
            let channel = Double((value >> shift) & 255) / 255
            return channel <= 0.03928 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
        }
        let red = 0.2126 * linear(16)
        let green = 0.7152 * linear(8)
        return red + green + 0.0722 * linear(0)
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test("Body, moving part and arrow keep 3:1 contrast on a white page and on a dark one, since an image can't see its page")
    func contrast() throws {
        for rule in [".b{", ".m{", ".r{"] {
            let css = FigureStyle.css
            let start = try #require(css.range(of: rule))
            let colour = try #require(css[start.upperBound...].firstMatch(of: /stroke:(#[0-9a-f]{6})/)?.1)
            #expect(Self.contrast(String(colour), "#ffffff") >= 3, "\(rule) \(colour) on white")
            #expect(Self.contrast(String(colour), "#121212") >= 3, "\(rule) \(colour) on dark")
        }
    }
}
