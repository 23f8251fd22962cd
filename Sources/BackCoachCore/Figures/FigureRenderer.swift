import Foundation

/// Draws an exercise figure as a small, self-contained SVG: the body moving between its key positions at the
/// exercise's tempo (SMIL, so no script is needed), and the start and end positions side by side for anyone who
/// asks for reduced motion. Pure: the same figure and dose always give the same bytes.
public struct FigureRenderer: Sendable {
    /// The most an animated figure may weigh: a session page shows one per exercise.
    public static let maximumBytes = 4096

    public let figure: ExerciseFigure
    public let motion: FigureMotion

    public init(figure: ExerciseFigure, dose: Dose) {
        self.figure = figure
        let motion = FigureMotion(figure: figure, dose: dose, extraRadius: Self.cushioning(figure.props))
        // Start x at the figure's left edge, so the numbers in the drawing are short and positive.
        self.motion = motion.movedAlongFloor(by: -Bounds(frames: motion.frames).minX)
    }

    /// Cushions raise the joint that rests on them, so the body is lowered onto the cushion, not through it.
    static func cushioning(_ props: [ExerciseFigure.Prop]) -> [Joint: Double] {
        var extra: [Joint: Double] = [:]
        if props.contains(.headCushion) { extra[.head] = 4 }
        if props.contains(.kneeCushion) { extra[.leftKnee] = 3; extra[.rightKnee] = 3 }
        return extra
    }

    /// The picture's own size in CSS pixels (three per figure unit), as written on the SVG: pages put it on the
    /// img so nothing shifts while it loads.
    public var pixelSize: (width: Int, height: Int) { Self.pixels(box()) }

    static func pixels(_ box: Bounds) -> (width: Int, height: Int) {
        (Int((box.width * 3).rounded()), Int((box.height * 3).rounded()))
    }

    /// Everything drawn: the body in every frame, the arrow, the props, room for the label.
    func box() -> Bounds {
        var covered = Bounds(frames: motion.frames)
        if let joint = figure.arrow, let (start, control, end) = ArrowDrawing.geometry(for: joint, motion: motion) {
            for p in [start, control, end] { covered.include(x: p.x, y: p.y) }
        }
        if figure.props.contains(.doorway) {
            let door = PropDrawing.doorway(at: motion.startFrame)
            covered.include(x: door.x + door.width, y: door.height)
        }
        var bounds = covered.padded(4, top: figure.label == nil ? 4 : 11)
        if let label = figure.label {
            // About 3.4 units a character at the label's 6-unit bold type; widen narrow (standing) figures to fit it.
            let needed = Double(label.count) * 3.4 + 4
            if bounds.width < needed {
                bounds.minX -= (needed - bounds.width) / 2
                bounds.maxX = bounds.minX + needed
            }
        }
        return bounds
    }

    /// The animated figure (with stills for reduced motion), or only the two stills, e.g. for print.
    public func svg(title: String, animated: Bool = true) -> String {
        let order = drawingOrder()
        let bounds = box()
        let stills = StillLayout(start: motion.startFrame, end: motion.endFrame, box: bounds)
        // Picture units to SVG units: x from the box's left edge, y turned to grow upward from the floor.
        func placement(scale: Double = 1, shift: Double = 0) -> String {
            "matrix(\(k(scale)) 0 0 \(k(-scale)) \(n(shift - bounds.minX)) \(n(bounds.maxY)))"
        }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(bounds.width)) \(n(bounds.height))\""
        let size = Self.pixels(bounds)
        out += " width=\"\(size.width)\" height=\"\(size.height)\" role=\"img\">"
        out +=
            "<title>\(XMLText.escaped(title))</title><desc>\(XMLText.escaped(figure.description))</desc><style>\(FigureStyle.css)</style>"
        if animated {
            out +=
                "<g class=\"v\" transform=\"\(placement())\">"
                + scene(order: order, frame: motion.startFrame, animated: true, floorFrom: bounds.minX, floorTo: bounds.maxX)
                + "</g><g class=\"s\">"
        } else {
            out += "<g>"
        }
        out += "<g transform=\"\(placement(scale: stills.scale, shift: stills.firstShift))\">"
        out += scene(
            order: order, frame: motion.startFrame, animated: false, floorFrom: stills.first.minX - 3, floorTo: stills.first.maxX + 3,
            arrow: false)
        out += "</g>"
        out += "<g transform=\"\(placement(scale: stills.scale, shift: stills.secondShift))\">"
        out +=
            scene(
                order: order, frame: motion.endFrame, animated: false, floorFrom: stills.second.minX - 3, floorTo: stills.second.maxX + 3,
                arrow: true) + "</g></g>"
        if let label = figure.label {
            out += "<text x=\"2\" y=\"7\">\(XMLText.escaped(label))</text>"
        }
        return out + "</svg>"
    }

    /// Chains from the farthest to the nearest, so near limbs cover far ones, each with its classes. A far limb
    /// exactly behind a near one (both legs, seen from the side) is left out, and so are girdle strokes that stay a
    /// single point (hips seen from the side): they could never be seen, and they would double the bytes.
    func drawingOrder() -> [(chain: FigureStyle.Chain, classes: String)] {
        let shown = visibleChains()
        let trunkDepth = depth(FigureStyle.chains.first { $0.part == .trunk }!)
        return
            shown
            .map { chain in (chain, depth(chain)) }
            .sorted { $0.1 < $1.1 }
            .map { chain, z in
                var classes = "b \(chain.weight)"
                if figure.moving.contains(chain.part) { classes += " m" }
                if z < trunkDepth - 2, chain.part != .head { classes += " f" }
                return (chain, classes)
            }
    }

    /// The chains worth drawing, nearest last; see `drawingOrder`.
    func visibleChains() -> [FigureStyle.Chain] {
        let frames = motion.frames
        let trimmed = FigureStyle.chains.map { chain -> FigureStyle.Chain in
            guard chain.strokes.count > 1 else { return chain }
            let strokes = chain.strokes.filter { stroke in frames.contains { frame in Set(stroke.map { point(frame[$0]!) }).count > 1 } }
            return FigureStyle.Chain(part: chain.part, weight: chain.weight, strokes: strokes)
        }
        var seen: Set<[String]> = []
        var visible: [FigureStyle.Chain] = []
        for chain in trimmed.sorted(by: { depth($0) > depth($1) }) {
            let drawn = [chain.weight, figure.moving.contains(chain.part) ? "m" : ""] + frames.map { path(chain.strokes, in: $0) }
            if seen.insert(drawn).inserted { visible.append(chain) }
        }
        return visible
    }

    /// How near a chain is on average over the motion (larger is nearer the viewer).
    func depth(_ chain: FigureStyle.Chain) -> Double {
        let joints = chain.strokes.flatMap { $0 }
        let total = motion.frames.reduce(0.0) { sum, frame in sum + joints.reduce(0.0) { $0 + frame[$1]!.z } }
        return total / Double(joints.count * motion.frames.count)
    }

    /// One complete picture: floor, props, body; animated from `frame` through the motion, or still at `frame`.
    func scene(
        order: [(chain: FigureStyle.Chain, classes: String)], frame: FigureMotion.Frame, animated: Bool, floorFrom: Double, floorTo: Double,
        arrow: Bool = true
    ) -> String {
        var out = "<path class=\"g\" d=\"M\(n(floorFrom)),0H\(n(floorTo))\"/>" + PropDrawing.behind(figure.props, frame: motion.startFrame)
        for (index, entry) in order.enumerated() {
            out += element(classes: entry.classes, frame: frame, animated: animated) { path(entry.chain.strokes, in: $0) }
            if index == 0, figure.props.contains(.kneeSqueeze) { out += PropDrawing.kneeSqueeze(frame: frame) }
        }
        if figure.props.contains(.band) {
            out += element(classes: "r", frame: frame, animated: animated) { PropDrawing.band(in: $0) }
        }
        if arrow, let joint = figure.arrow { out += ArrowDrawing.arrow(for: joint, motion: motion) }
        return out
    }

    /// A path element; when animated and the shape changes, it carries one SMIL animation over all frames.
    func element(classes: String, frame: FigureMotion.Frame, animated: Bool, shape: (FigureMotion.Frame) -> String) -> String {
        let first = shape(frame)
        guard animated else { return "<path class=\"\(classes)\" d=\"\(first)\"/>" }
        let values = motion.frames.map(shape)
        guard Set(values).count > 1 else { return "<path class=\"\(classes)\" d=\"\(first)\"/>" }
        // Hundredths of the loop are fine enough (a 7 s loop: 0.07 s). The shape comes from the animation from
        // time 0, so the element needs no `d` of its own.
        let keyTimes = motion.times.enumerated().map { $0.offset == motion.times.count - 1 ? "1" : k($0.element, places: 2) }
        return "<path class=\"\(classes)\"><animate attributeName=\"d\" dur=\"\(k(motion.seconds))s\" repeatCount=\"indefinite\""
            + " keyTimes=\"\(keyTimes.joined(separator: ";"))\" values=\"\(values.joined(separator: ";"))\"/></path>"
    }

    func path(_ strokes: [[Joint]], in frame: FigureMotion.Frame) -> String {
        strokes.map { stroke in "M" + stroke.map { point(frame[$0]!) }.joined(separator: " ") }.joined()
    }
}

/// A point rounded to whole units: the figure is about 90 units tall and drawn a few hundred pixels high, so a
/// unit is a pixel or two and the rounding can't be seen. The body is drawn inside a group that turns y upward and
/// starts x at the figure's left edge, so nearly every number is short and has no minus sign.
func point(_ p: Vector3) -> String { "\(n(p.x)),\(n(p.y))" }

/// A whole number as text ("-0" never appears).
func n(_ value: Double) -> String {
    let rounded = Int(value.rounded())
    return String(rounded)
}

/// A short decimal: up to three places (or `places`), no trailing zeros.
func k(_ value: Double, places: Int = 3) -> String {
    var text = String(format: "%.\(places)f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    if text.hasPrefix("0.") { text.removeFirst() }
    return text
}
