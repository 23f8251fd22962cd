import Foundation

/// The figure's joint positions over one repetition: key positions placed by the skeleton, with in-between
/// positions sampled often enough that a straight-line blend between neighbours never visibly shortens a limb.
public struct FigureMotion: Sendable {
    /// Joint positions in picture space (x right, y up, floor at y = 0), one set per frame.
    public typealias Frame = [Joint: Vector3]

    public let frames: [Frame]
    /// When each frame is reached, as a fraction of the repetition (0 first, 1 last; the last equals the first).
    public let times: [Double]
    /// Seconds one repetition takes, holds included.
    public let seconds: Double
    /// Which frames are the first and the last key position, for the still pictures.
    public let startFrame: Frame
    public let endFrame: Frame

    /// How finely each move between key positions is sampled before frames are dropped.
    static let samplesPerMove = 24
    /// A dropped frame's joints may be at most this far (in figure units, about 3 cm) from where the blend of its
    /// neighbours puts them, and no bone may look more than `shrink` shorter in the blend: the browser's straight
    /// blend between frames then never visibly cuts a corner or shortens a limb.
    static let tolerance = 1.5
    static let shrink = 0.03
    /// A short pause at the start position so the loop reads as separate repetitions.
    static let restSeconds = 0.6

    public init(figure: ExerciseFigure, dose: Dose, extraRadius: [Joint: Double] = [:]) {
        let poses = figure.poses
        let place = { (pose: Pose) in
            FigureMotion.grounded(Skeleton.place(pose, body: figure.body), view: figure.view, extraRadius: extraRadius)
        }
        let holdIndex = poses.firstIndex(where: \.hold) ?? poses.count - 1
        // One loop lasts exactly one repetition (move plus hold), like the player's timer; the short rest is part of it.
        let moveSeconds = Double(max(dose.secondsPerRep, 2)) - Self.restSeconds
        let transitions = 2 * (poses.count - 1)
        let stepSeconds = moveSeconds / Double(transitions)

        // There and back: start → … → end → … → start.
        var outbound: [(frame: Frame, seconds: Double)] = [(place(poses[0]), 0)]
        var holdAt = 0
        for index in 1..<poses.count {
            // Sample the move finely, then keep only the frames a straight blend can't stand in for.
            let samples = (0...Self.samplesPerMove).map {
                place(poses[index - 1].blended(toward: poses[index], by: Double($0) / Double(Self.samplesPerMove)))
            }
            let kept = Self.framesToKeep(samples)
            for (previous, next) in zip(kept, kept.dropFirst()) {
                outbound.append((samples[next], stepSeconds * Double(next - previous) / Double(Self.samplesPerMove)))
            }
            if index == holdIndex { holdAt = outbound.count - 1 }
        }
        var timeline: [(frame: Frame, seconds: Double)] = [(outbound[0].frame, 0), (outbound[0].frame, Self.restSeconds)]
        for (offset, entry) in outbound.enumerated().dropFirst() {
            timeline.append(entry)
            if offset == holdAt, dose.holdSeconds > 0 { timeline.append((entry.frame, Double(dose.holdSeconds))) }
        }
        for offset in stride(from: outbound.count - 2, through: 0, by: -1) {
            timeline.append((outbound[offset].frame, outbound[offset + 1].seconds))
            if offset == holdAt, dose.holdSeconds > 0, holdIndex == 0 {
                timeline.append((outbound[offset].frame, Double(dose.holdSeconds)))
            }
        }
        let total = timeline.reduce(0) { $0 + $1.seconds }
        var elapsed = 0.0
        var times: [Double] = []
        for entry in timeline {
            elapsed += entry.seconds
            times.append(elapsed / total)
        }
        self.frames = timeline.map(\.frame)
        self.times = times
        self.seconds = total
        self.startFrame = outbound[0].frame
        self.endFrame = outbound[outbound.count - 1].frame
    }

    /// The same motion, shifted sideways along the floor.
    func movedAlongFloor(by dx: Double) -> FigureMotion {
        func move(_ frame: Frame) -> Frame { frame.mapValues { Vector3($0.x + dx, $0.y, $0.z) } }
        return FigureMotion(
            frames: frames.map(move), times: times, seconds: seconds, startFrame: move(startFrame), endFrame: move(endFrame))
    }

    private init(frames: [Frame], times: [Double], seconds: Double, startFrame: Frame, endFrame: Frame) {
        self.frames = frames
        self.times = times
        self.seconds = seconds
        self.startFrame = startFrame
        self.endFrame = endFrame
    }

    /// Indices of the samples to keep (always the first and the last): each run is as long as it can be while
    /// every sample it skips stays within `tolerance` of the straight blend between its ends.
    static func framesToKeep(_ samples: [Frame]) -> [Int] {
        // Plain arrays in joint order: this runs for every exercise at start-up, and dictionary lookups dominated it.
        let joints = Joint.allCases
        let points = samples.map { frame in joints.map { frame[$0]! } }
        let bones = Skeleton.bones.map { (joints.firstIndex(of: $0.from)!, joints.firstIndex(of: $0.to)!) }
        func length(_ bone: (Int, Int), in frame: [Vector3]) -> Double {
            hypot(frame[bone.1].x - frame[bone.0].x, frame[bone.1].y - frame[bone.0].y)
        }
        func fits(from start: Int, to end: Int) -> Bool {
            (start + 1..<end).allSatisfy { middle in
                let t = Double(middle - start) / Double(end - start)
                let blend = zip(points[start], points[end]).map { a, b in a + (b - a) * t }
                let onPath = zip(blend, points[middle]).allSatisfy { p, q in hypot(p.x - q.x, p.y - q.y) <= tolerance }
                return onPath
                    && bones.allSatisfy { bone in
                        length(bone, in: blend) >= min(length(bone, in: points[start]), length(bone, in: points[end])) * (1 - shrink)
                    }
            }
        }
        var kept = [0]
        while kept.last! < samples.count - 1 {
            var end = kept.last! + 1
            while end + 1 < samples.count, fits(from: kept.last!, to: end + 1) { end += 1 }
            kept.append(end)
        }
        return kept
    }

    /// Turns the picture by the view angle and lowers the body until its lowest edge rests on the floor.
    static func grounded(_ joints: [Joint: Vector3], view: Double, extraRadius: [Joint: Double]) -> Frame {
        let camera = Rotation.aboutY(view)
        var turned: Frame = [:]
        for (joint, point) in joints { turned[joint] = camera * point }
        let lowest = turned.map { $0.value.y - FigureStyle.radius(of: $0.key) - (extraRadius[$0.key] ?? 0) }.min() ?? 0
        for joint in turned.keys { turned[joint]!.y -= lowest }
        return turned
    }
}

extension Pose {
    /// The pose a fraction of the way toward another one, angle by angle.
    func blended(toward other: Pose, by fraction: Double) -> Pose {
        func mix(_ a: Double, _ b: Double) -> Double { a + (b - a) * fraction }
        func mix(_ a: Arm, _ b: Arm) -> Arm {
            Arm(
                flexion: mix(a.flexion, b.flexion), abduction: mix(a.abduction, b.abduction), rotation: mix(a.rotation, b.rotation),
                elbow: mix(a.elbow, b.elbow))
        }
        func mix(_ a: Leg, _ b: Leg) -> Leg {
            Leg(
                hip: mix(a.hip, b.hip), abduction: mix(a.abduction, b.abduction), rotation: mix(a.rotation, b.rotation),
                knee: mix(a.knee, b.knee), ankle: mix(a.ankle, b.ankle))
        }
        return Pose(
            name: name, pitch: mix(pitch, other.pitch), roll: mix(roll, other.roll), x: mix(x, other.x),
            lowerBack: mix(lowerBack, other.lowerBack),
            upperBack: mix(upperBack, other.upperBack), upperBackTurn: mix(upperBackTurn, other.upperBackTurn), neck: mix(neck, other.neck),
            leftArm: mix(leftArm, other.leftArm), rightArm: mix(rightArm, other.rightArm), leftLeg: mix(leftLeg, other.leftLeg),
            rightLeg: mix(rightLeg, other.rightLeg))
    }
}
