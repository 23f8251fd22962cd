/// The named points of the stick figure.
public enum Joint: String, Codable, Sendable, CaseIterable {
    case pelvis, waist, neck, head
    case leftShoulder, leftElbow, leftHand, rightShoulder, rightElbow, rightHand
    case leftHip, leftKnee, leftAnkle, leftToe, rightHip, rightKnee, rightAnkle, rightToe
}

/// Body proportions and forward kinematics: joint angles in, joint positions out. Every bone is placed at its fixed
/// length from its parent joint, so limb lengths can't drift between positions or during the animation.
public enum Skeleton {
    /// Bone lengths in figure units (about 2 cm each), parent joint to child joint.
    public static let bones: [(from: Joint, to: Joint, length: Double)] = [
        (.pelvis, .waist, 12), (.waist, .neck, 14), (.neck, .head, 8),
        (.leftShoulder, .leftElbow, 14), (.leftElbow, .leftHand, 17),
        (.rightShoulder, .rightElbow, 14), (.rightElbow, .rightHand, 17),
        (.leftHip, .leftKnee, 21), (.leftKnee, .leftAnkle, 20), (.leftAnkle, .leftToe, 7),
        (.rightHip, .rightKnee, 21), (.rightKnee, .rightAnkle, 20), (.rightAnkle, .rightToe, 7),
    ]
    static let hipHalfWidth = 4.5
    static let shoulderHalfWidth = 7.0
    /// The shoulder joints sit this far below the base of the neck.
    static let shoulderDrop = 2.0

    static func length(_ from: Joint, _ to: Joint) -> Double {
        bones.first { $0.from == from && $0.to == to }!.length
    }

    /// Joint positions for a pose, with the pelvis at (pose.x, 0, 0) before the figure is lowered onto the floor.
    static func place(_ pose: Pose, body: ExerciseFigure.Body) -> [Joint: Vector3] {
        // Columns are the body's left, up and forward directions in the picture.
        let base: Rotation =
            switch body {
            case .upright: Rotation(columns: (Vector3(0, 0, -1), Vector3(0, 1, 0), Vector3(1, 0, 0)))
            case .sideLying: Rotation(columns: (Vector3(0, 1, 0), Vector3(-1, 0, 0), Vector3(0, 0, 1)))
            }
        let pelvisFrame = base * .aboutX(pose.pitch) * .aboutY(pose.roll)
        let waistFrame = pelvisFrame * .aboutX(pose.lowerBack)
        let chestFrame = waistFrame * .aboutX(pose.upperBack) * .aboutY(pose.upperBackTurn)
        let headFrame = chestFrame * .aboutX(pose.neck)
        let up = Vector3(0, 1, 0)
        let left = Vector3(1, 0, 0)

        var at: [Joint: Vector3] = [:]
        at[.pelvis] = Vector3(pose.x, 0, 0)
        at[.waist] = at[.pelvis]! + waistFrame * up * length(.pelvis, .waist)
        at[.neck] = at[.waist]! + chestFrame * up * length(.waist, .neck)
        at[.head] = at[.neck]! + headFrame * up * length(.neck, .head)

        for side in [Side.left, .right] {
            let shoulder = at[.neck]! + chestFrame * (left * (side.sign * shoulderHalfWidth) - up * shoulderDrop)
            let arm = side == .left ? pose.leftArm : pose.rightArm
            // Abduction first, then flexion: a raised arm (or thigh) that then swings forward keeps its outward angle,
            // which is how a bent hip opens in a clam or a fire hydrant.
            let upperArm = chestFrame * .aboutX(-arm.flexion) * .aboutZ(side.sign * arm.abduction) * .aboutY(side.sign * arm.rotation)
            let elbow = shoulder + upperArm * up * -length(side.shoulder, side.elbow)
            let hand = elbow + upperArm * .aboutX(-arm.elbow) * up * -length(side.elbow, side.hand)
            at[side.shoulder] = shoulder
            at[side.elbow] = elbow
            at[side.hand] = hand

            let hip = at[.pelvis]! + pelvisFrame * left * (side.sign * hipHalfWidth)
            let leg = side == .left ? pose.leftLeg : pose.rightLeg
            let thigh = pelvisFrame * .aboutX(-leg.hip) * .aboutZ(side.sign * leg.abduction) * .aboutY(side.sign * leg.rotation)
            let shin = thigh * .aboutX(leg.knee)
            let knee = hip + thigh * up * -length(side.hip, side.knee)
            let ankle = knee + shin * up * -length(side.knee, side.ankle)
            let toe = ankle + shin * .aboutX(leg.ankle) * Vector3(0, 0, 1) * length(side.ankle, side.toe)
            at[side.hip] = hip
            at[side.knee] = knee
            at[side.ankle] = ankle
            at[side.toe] = toe
        }
        return at
    }

    enum Side {
        case left, right
        var sign: Double { self == .left ? 1 : -1 }
        var shoulder: Joint { self == .left ? .leftShoulder : .rightShoulder }
        var elbow: Joint { self == .left ? .leftElbow : .rightElbow }
        var hand: Joint { self == .left ? .leftHand : .rightHand }
        var hip: Joint { self == .left ? .leftHip : .rightHip }
        var knee: Joint { self == .left ? .leftKnee : .rightKnee }
        var ankle: Joint { self == .left ? .leftAnkle : .rightAnkle }
        var toe: Joint { self == .left ? .leftToe : .rightToe }
    }
}
