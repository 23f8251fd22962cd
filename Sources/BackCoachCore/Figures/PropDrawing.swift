/// Props are drawn from the body's own joints, so a chair is always under the pelvis and a cushion under the head.
enum PropDrawing {
    /// Props that sit behind the body: chair, cushions on the floor, a door frame.
    static func behind(_ props: [ExerciseFigure.Prop], frame: FigureMotion.Frame) -> String {
        var out = ""
        for prop in props {
            switch prop {
            case .chair:
                let pelvis = frame[.pelvis]!
                let forward: Double = frame[.rightKnee]!.x >= pelvis.x ? 1 : -1
                let seat = max(pelvis.y - 5, 6)
                let back = pelvis.x - 7 * forward
                let front = pelvis.x + 13 * forward
                out += "<path class=\"g\" d=\"M\(n(back)),0V\(n(seat + 26))M\(n(back)),\(n(seat))H\(n(front))V0\"/>"
            case .headCushion:
                out += "<rect class=\"p\" x=\"\(n(frame[.head]!.x - 8))\" y=\"0\" width=\"16\" height=\"4\" rx=\"2\"/>"
            case .kneeCushion:
                let knee = [frame[.leftKnee]!, frame[.rightKnee]!].min { $0.y < $1.y }!
                out += "<rect class=\"p\" x=\"\(n(knee.x - 6))\" y=\"0\" width=\"12\" height=\"3\" rx=\"1.5\"/>"
            case .doorway:
                let door = doorway(at: frame)
                out += "<rect class=\"p\" x=\"\(n(door.x))\" y=\"0\" width=\"\(n(door.width))\" height=\"\(n(door.height))\"/>"
            case .band, .kneeSqueeze:
                break
            }
        }
        return out
    }

    /// The door frame beside the hand that rests on it, taller than she is (also what the picture's box must hold).
    static func doorway(at frame: FigureMotion.Frame) -> (x: Double, width: Double, height: Double) {
        let hand = frame[.rightHand]!
        return (hand.x + 1, 4, max(hand.y + 30, 100))
    }

    /// A cushion held between the knees, drawn just in front of the far leg.
    static func kneeSqueeze(frame: FigureMotion.Frame) -> String {
        let left = frame[.leftKnee]!
        let right = frame[.rightKnee]!
        return "<ellipse class=\"p\" cx=\"\(n((left.x + right.x) / 2))\" cy=\"\(n((left.y + right.y) / 2))\" rx=\"5\" ry=\"4\"/>"
    }

    /// A mini band loops both thighs just above the knees.
    static func band(in frame: FigureMotion.Frame) -> String {
        func aboveKnee(_ hip: Joint, _ knee: Joint) -> Vector3 { frame[hip]! + (frame[knee]! - frame[hip]!) * 0.85 }
        return "M" + point(aboveKnee(.leftHip, .leftKnee)) + " " + point(aboveKnee(.rightHip, .rightKnee))
    }
}

/// An arrow beside the path one joint takes from the start to the end position.
enum ArrowDrawing {
    static func arrow(for joint: Joint, motion: FigureMotion) -> String {
        guard let geometry = geometry(for: joint, motion: motion) else { return "" }
        let (start, control, end) = geometry
        let back = (control - end) * (1 / max((control - end).length, 0.001))
        let side = Vector3(-back.y, back.x, 0)
        let wing1 = end + (back + side * 0.6) * 3.5
        let wing2 = end + (back - side * 0.6) * 3.5
        return "<path class=\"r\" d=\"M\(point(start))Q\(point(control)) \(point(end))M\(point(wing1))L\(point(end)) \(point(wing2))\"/>"
    }

    /// The curve's start, control and end points, set off from the body; nil when the joint barely moves.
    static func geometry(for joint: Joint, motion: FigureMotion) -> (Vector3, Vector3, Vector3)? {
        let from = motion.startFrame[joint]!
        let to = motion.endFrame[joint]!
        let chord = to - from
        guard chord.length > 4 else { return nil }
        // The path's middle: of the frames on the way out, the one farthest from the straight line.
        let outbound = motion.frames.prefix { $0 != motion.endFrame }.map { $0[joint]! }
        func away(_ p: Vector3) -> Double { abs((p.x - from.x) * chord.y - (p.y - from.y) * chord.x) }
        let middle = outbound.max { away($0) < away($1) } ?? (from + to) * 0.5
        var normal = Vector3(-chord.y, chord.x, 0) * (1 / chord.length)
        let bulge = middle - (from + to) * 0.5
        if normal.x * bulge.x + normal.y * bulge.y < 0 { normal = normal * -1 }
        let offset = normal * 6
        let shorten = chord * 0.12
        return (from + offset + shorten, middle * 2 - (from + to) * 0.5 + offset, to + offset - shorten)
    }
}
