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

    /// Stroke width of each chain class, in figure units: the one source for the style sheet and for how far the
    /// drawing reaches around a joint (which grounding, bounds and the floor check rely on).
    static let widths: [(weight: String, width: Int)] = [("l", 6), ("a", 5), ("t", 10), ("h", 11)]

    /// Half the thickest stroke through each joint (a hip is in both a leg and the trunk).
    private static let radii: [Joint: Double] = {
        var radii: [Joint: Double] = [:]
        for chain in chains {
            let half = Double(widths.first { $0.weight == chain.weight }!.width) / 2
            for joint in chain.strokes.joined() { radii[joint] = max(radii[joint] ?? 0, half) }
        }
        return radii
    }()

    /// Half the drawn thickness at a joint: how far the figure reaches below it.
    static func radius(of joint: Joint) -> Double { radii[joint]! }

    /// Mid-tone colours with at least 3:1 contrast on both white and near-black, because the picture can't know
    /// the page behind it: teal body like the site's brand, the moving part in amber, far limbs lighter. The label
    /// is dark with a white outline so it reads on either. Under reduced motion the animation gives way to the stills.
    static let css = """
        .b{fill:none;stroke:#2f7f86;stroke-linecap:round;stroke-linejoin:round}.f{stroke:#5f9ea4}.m{stroke:#c46a00}.m.f{stroke:#d98a2b}\
        \(widths.map { ".\($0.weight){stroke-width:\($0.width)}" }.joined())\
        .g{fill:none;stroke:#7d8b8c;stroke-width:1.5}.p{fill:#c9d3d2}.r{fill:none;stroke:#c46a00;stroke-width:1.6;stroke-linecap:round}\
        text{font:600 6px sans-serif;fill:#1f2a2e;stroke:#fff;stroke-width:1.5px;paint-order:stroke}.s{display:none}\
        @media(prefers-reduced-motion:reduce){.v{display:none}.s{display:inline}}
        """
}
