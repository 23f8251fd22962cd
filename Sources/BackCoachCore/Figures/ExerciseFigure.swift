/// How one exercise is drawn: the body's starting orientation, the key positions, what the viewer should notice,
/// and the words that describe the movement for people who can't see the picture.
public struct ExerciseFigure: Decodable, Hashable, Sendable {
    public enum Body: String, Codable, Sendable {
        /// Standing, facing right. Pitch −90 lays it on its back (head left), +90 on its front (head right).
        case upright
        /// Lying on the right side, head to the left, facing the viewer.
        case sideLying
    }

    /// Things the body rests on or holds, drawn from the pose so they always fit it.
    public enum Prop: String, Codable, Sendable {
        /// A chair under the pelvis, its back behind her.
        case chair
        /// A cushion under the head (or forehead, when face down).
        case headCushion
        /// A cushion under the knees when kneeling.
        case kneeCushion
        /// A cushion squeezed between the knees.
        case kneeSqueeze
        /// A mini band just above the knees.
        case band
        /// A door frame at the hand.
        case doorway
    }

    /// Parts of the body, for highlighting the one that moves.
    public enum Part: String, Codable, Sendable {
        case trunk, head, leftArm, rightArm, leftLeg, rightLeg
    }

    public var body: Body
    /// Camera turn about the vertical, in degrees: 0 looks at the body's right side (or its front when side-lying).
    public var view: Double
    public var props: [Prop]
    /// Drawn in the accent colour.
    public var moving: [Part]
    /// The joint whose path gets an arrow, start to end.
    public var arrow: Joint?
    /// The one cue that matters most, printed on the figure ("ribs down").
    public var label: String?
    /// What the movement looks like, in words: the figure's text alternative.
    public var description: String
    /// At least a start and an end position; middle ones in between, in order.
    public var poses: [Pose]

    enum CodingKeys: String, CodingKey { case body, view, props, moving, arrow, label, description, poses }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        body = try c.decodeIfPresent(Body.self, forKey: .body) ?? .upright
        view = try c.decodeIfPresent(Double.self, forKey: .view) ?? 0
        props = try c.decodeIfPresent([Prop].self, forKey: .props) ?? []
        moving = try c.decodeIfPresent([Part].self, forKey: .moving) ?? []
        arrow = try c.decodeIfPresent(Joint.self, forKey: .arrow)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        description = try c.decode(String.self, forKey: .description)
        poses = try c.decode([Pose].self, forKey: .poses)
    }

    public init(
        body: Body = .upright, view: Double = 0, props: [Prop] = [], moving: [Part] = [], arrow: Joint? = nil, label: String? = nil,
        description: String, poses: [Pose]
    ) {
        self.body = body
        self.view = view
        self.props = props
        self.moving = moving
        self.arrow = arrow
        self.label = label
        self.description = description
        self.poses = poses
    }
}
