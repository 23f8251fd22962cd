/// One key position of an exercise, as joint angles in degrees. Every angle not given is 0, which is standing
/// tall with arms hanging and feet flat, so a pose lists only what differs from that.
///
/// Angles are anatomical, so a content editor can read them off the exercise description ("hips and knees bent
/// to 90°"): flexion bends a joint forward (the knee backward), abduction moves a limb away from the body's middle,
/// rotation turns a limb about its own length (positive is outward).
public struct Pose: Decodable, Hashable, Sendable {
    public var name: String
    /// Whole-body lean about the left–right axis: 90 tips an upright body onto its front (all fours, lying face
    /// down), −90 onto its back (lying face up).
    public var pitch: Double
    /// Whole-body turn about the head-to-toe axis, front toward the body's left: lying on the back, a roll tips
    /// the knees to one side (turn the upper back the other way to keep the shoulders down).
    public var roll: Double
    /// Where the pelvis sits along the floor; the figure is always lowered until it rests on the floor.
    public var x: Double
    /// Bend of the lower back (positive rounds it forward), of the upper back, and of the neck.
    public var lowerBack: Double
    public var upperBack: Double
    /// Upper back turned toward the body's left.
    public var upperBackTurn: Double
    public var neck: Double
    public var leftArm: Arm
    public var rightArm: Arm
    public var leftLeg: Leg
    public var rightLeg: Leg
    /// This position takes the exercise's hold; without any marked, the last position does.
    public var hold: Bool

    public struct Arm: Decodable, Hashable, Sendable {
        /// Arm raised forward (90 is straight ahead, 180 overhead).
        public var flexion: Double
        /// Arm raised out to the side.
        public var abduction: Double
        /// Upper arm turned outward about its own length (forearm up when the arm is out to the side).
        public var rotation: Double
        public var elbow: Double

        enum CodingKeys: String, CodingKey { case flexion, abduction, rotation, elbow }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            flexion = try c.angle(.flexion)
            abduction = try c.angle(.abduction)
            rotation = try c.angle(.rotation)
            elbow = try c.angle(.elbow)
        }

        public init(flexion: Double = 0, abduction: Double = 0, rotation: Double = 0, elbow: Double = 0) {
            self.flexion = flexion
            self.abduction = abduction
            self.rotation = rotation
            self.elbow = elbow
        }
    }

    public struct Leg: Decodable, Hashable, Sendable {
        /// Thigh raised forward (90 is sitting).
        public var hip: Double
        /// Thigh moved out to the side.
        public var abduction: Double
        /// Thigh turned outward about its own length (a clam opening is mostly this).
        public var rotation: Double
        public var knee: Double
        /// Toes pointed away from the shin (0 is a foot flat on the floor when standing).
        public var ankle: Double

        enum CodingKeys: String, CodingKey { case hip, abduction, rotation, knee, ankle }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            hip = try c.angle(.hip)
            abduction = try c.angle(.abduction)
            rotation = try c.angle(.rotation)
            knee = try c.angle(.knee)
            ankle = try c.angle(.ankle)
        }

        public init(hip: Double = 0, abduction: Double = 0, rotation: Double = 0, knee: Double = 0, ankle: Double = 0) {
            self.hip = hip
            self.abduction = abduction
            self.rotation = rotation
            self.knee = knee
            self.ankle = ankle
        }
    }

    enum CodingKeys: String, CodingKey {
        case name, pitch, roll, x, lowerBack, upperBack, upperBackTurn, neck, leftArm, rightArm, leftLeg, rightLeg, hold
        /// Shorthands for both sides; a side given by name wins.
        case arms, legs
    }

    /// Every field but the name may be left out; `arms` and `legs` set both sides at once.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        pitch = try c.angle(.pitch)
        roll = try c.angle(.roll)
        x = try c.angle(.x)
        lowerBack = try c.angle(.lowerBack)
        upperBack = try c.angle(.upperBack)
        upperBackTurn = try c.angle(.upperBackTurn)
        neck = try c.angle(.neck)
        let arms = try c.decodeIfPresent(Arm.self, forKey: .arms) ?? Arm()
        let legs = try c.decodeIfPresent(Leg.self, forKey: .legs) ?? Leg()
        leftArm = try c.decodeIfPresent(Arm.self, forKey: .leftArm) ?? arms
        rightArm = try c.decodeIfPresent(Arm.self, forKey: .rightArm) ?? arms
        leftLeg = try c.decodeIfPresent(Leg.self, forKey: .leftLeg) ?? legs
        rightLeg = try c.decodeIfPresent(Leg.self, forKey: .rightLeg) ?? legs
        hold = try c.decodeIfPresent(Bool.self, forKey: .hold) ?? false
    }

    public init(
        name: String, pitch: Double = 0, roll: Double = 0, x: Double = 0, lowerBack: Double = 0, upperBack: Double = 0,
        upperBackTurn: Double = 0, neck: Double = 0, leftArm: Arm = .init(), rightArm: Arm = .init(), leftLeg: Leg = .init(),
        rightLeg: Leg = .init(), hold: Bool = false
    ) {
        self.name = name
        self.pitch = pitch
        self.roll = roll
        self.x = x
        self.lowerBack = lowerBack
        self.upperBack = upperBack
        self.upperBackTurn = upperBackTurn
        self.neck = neck
        self.leftArm = leftArm
        self.rightArm = rightArm
        self.leftLeg = leftLeg
        self.rightLeg = rightLeg
        self.hold = hold
    }
}

extension KeyedDecodingContainer {
    /// An angle (or offset) a pose may leave out, meaning 0.
    fileprivate func angle(_ key: Key) throws -> Double { try decodeIfPresent(Double.self, forKey: key) ?? 0 }
}
