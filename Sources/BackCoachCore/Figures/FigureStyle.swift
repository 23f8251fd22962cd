/// How the figure is drawn: which joints join into strokes, how thick each is, and the palette.
enum FigureStyle {
    /// A run of joints drawn as one rounded stroke.
    struct Chain {
        let part: ExerciseFigure.Part
        /// CSS class giving the stroke width.
        let weight: String
        /// Sub-paths: each inner list is drawn as one connected line.
        let strokes: [[Joint]]
    }

    static let chains: [Chain] = [
        Chain(part: .leftLeg, weight: "l", strokes: [[.leftHip, .leftKnee, .leftAnkle, .leftToe]]),
        Chain(part: .rightLeg, weight: "l", strokes: [[.rightHip, .rightKnee, .rightAnkle, .rightToe]]),
        Chain(part: .leftArm, weight: "a", strokes: [[.leftShoulder, .leftElbow, .leftHand]]),
        Chain(part: .rightArm, weight: "a", strokes: [[.rightShoulder, .rightElbow, .rightHand]]),
        Chain(part: .trunk, weight: "t", strokes: [[.leftHip, .rightHip], [.pelvis, .waist, .neck], [.leftShoulder, .rightShoulder]]),
        Chain(part: .head, weight: "h", strokes: [[.head, .head]]),
    ]

    static let widths: [String: Double] = ["l": 6, "a": 5, "t": 10, "h": 11]

    /// Half the drawn thickness at a joint: how far the figure reaches below it.
    static func radius(of joint: Joint) -> Double {
        switch joint {
        case .head: 5.5
        case .pelvis, .waist, .neck, .leftHip, .rightHip, .leftShoulder, .rightShoulder: 5
        case .leftElbow, .leftHand, .rightElbow, .rightHand: 2.5
        default: 3
        }
    }

    /// Mid-tone colours with at least 3:1 contrast on both white and near-black, because the picture can't know
    /// the page behind it: teal body like the site's brand, the moving part in amber, far limbs lighter. The label
    /// is dark with a white outline so it reads on either. Under reduced motion the animation gives way to the stills.
    static let css = """
        .b{fill:none;stroke:#2f7f86;stroke-linecap:round;stroke-linejoin:round}.f{stroke:#5f9ea4}.m{stroke:#c46a00}.m.f{stroke:#d98a2b}\
        .l{stroke-width:6}.a{stroke-width:5}.t{stroke-width:10}.h{stroke-width:11}\
        .g{fill:none;stroke:#7d8b8c;stroke-width:1.5}.p{fill:#c9d3d2}.r{fill:none;stroke:#c46a00;stroke-width:1.6;stroke-linecap:round}\
        text{font:600 6px sans-serif;fill:#1f2a2e;stroke:#fff;stroke-width:1.5px;paint-order:stroke}.s{display:none}\
        @media(prefers-reduced-motion:reduce){.v{display:none}.s{display:inline}}
        """
}
