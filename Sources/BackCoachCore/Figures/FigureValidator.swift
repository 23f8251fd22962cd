/// Checks a figure the way the app does at start-up: at least a start and an end, joints within what a body can
/// do, bones that keep their length in every frame, and nothing drawn below the floor.
public enum FigureValidator {
    /// Joint ranges in degrees, generous enough for every exercise here and tight enough to catch a typo.
    static let ranges: [(name: String, range: ClosedRange<Double>, value: @Sendable (Pose) -> [Double])] = [
        ("pitch", -130...130, { [$0.pitch] }),
        ("roll", -60...60, { [$0.roll] }),
        ("lowerBack", -30...50, { [$0.lowerBack] }),
        ("upperBack", -35...50, { [$0.upperBack] }),
        ("upperBackTurn", -70...70, { [$0.upperBackTurn] }),
        ("neck", -45...60, { [$0.neck] }),
        ("arm flexion", -60...180, { [$0.leftArm.flexion, $0.rightArm.flexion] }),
        ("arm abduction", -70...180, { [$0.leftArm.abduction, $0.rightArm.abduction] }),
        ("arm rotation", -90...100, { [$0.leftArm.rotation, $0.rightArm.rotation] }),
        ("elbow", 0...150, { [$0.leftArm.elbow, $0.rightArm.elbow] }),
        ("hip", -30...145, { [$0.leftLeg.hip, $0.rightLeg.hip] }),
        ("hip abduction", -40...70, { [$0.leftLeg.abduction, $0.rightLeg.abduction] }),
        ("hip rotation", -45...70, { [$0.leftLeg.rotation, $0.rightLeg.rotation] }),
        ("knee", 0...160, { [$0.leftLeg.knee, $0.rightLeg.knee] }),
        ("ankle", -30...95, { [$0.leftLeg.ankle, $0.rightLeg.ankle] }),
    ]

    /// Throws the first problem found, naming the exercise and the pose.
    public static func validate(_ figure: ExerciseFigure, id: String, dose: Dose) throws(ContentError) {
        guard figure.poses.count >= 2 else { throw ContentError("figure \(id): needs at least a start and an end position") }
        guard Set(figure.poses.map(\.name)).count == figure.poses.count else {
            throw ContentError("figure \(id): two positions share a name")
        }
        // The description is read out in place of the picture: short, like a good alt text.
        guard !figure.description.isEmpty, figure.description.count <= 140 else {
            throw ContentError("figure \(id): the description (the text alternative) must be 1–140 characters")
        }
        if let label = figure.label, label.isEmpty || label.count > 22 {
            throw ContentError("figure \(id): the label must be 1–22 characters so it fits on the figure")
        }
        for pose in figure.poses {
            for check in ranges {
                for value in check.value(pose) where !check.range.contains(value) {
                    throw ContentError(
                        "figure \(id), position \(pose.name): \(check.name) \(value) is outside \(Int(check.range.lowerBound))…\(Int(check.range.upperBound))"
                    )
                }
            }
        }
        let motion = FigureMotion(figure: figure, dose: dose, extraRadius: FigureRenderer.cushioning(figure.props))
        for (index, frame) in motion.frames.enumerated() {
            for bone in Skeleton.bones {
                let drawn = (frame[bone.to]! - frame[bone.from]!).length
                if abs(drawn - bone.length) > 0.01 {
                    throw ContentError(
                        "figure \(id), frame \(index): the \(bone.from.rawValue)–\(bone.to.rawValue) bone is \(drawn), not \(bone.length)")
                }
            }
            for (joint, p) in frame where p.y - FigureStyle.radius(of: joint) < -0.01 {
                throw ContentError("figure \(id), frame \(index): the \(joint.rawValue) goes below the floor")
            }
        }
    }
}
