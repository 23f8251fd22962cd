/// The area a figure covers, in picture units (y up, floor at 0).
struct Bounds {
    var minX: Double
    var maxX: Double
    var maxY: Double
    /// Below the floor line, room for the floor's own stroke.
    var minY: Double = -2

    init(minX: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.maxX = maxX
        self.maxY = maxY
    }

    /// Everything any frame draws, limb thickness included.
    init(frames: [FigureMotion.Frame]) {
        minX = .infinity
        maxX = -.infinity
        maxY = 0
        for frame in frames {
            for (joint, p) in frame {
                let r = FigureStyle.radius(of: joint)
                minX = min(minX, p.x - r)
                maxX = max(maxX, p.x + r)
                maxY = max(maxY, p.y + r)
            }
        }
    }

    var width: Double { maxX - minX }
    var height: Double { maxY - minY }

    func padded(_ side: Double, top: Double) -> Bounds {
        var copy = Bounds(minX: minX - side, maxX: maxX + side, maxY: maxY + top)
        copy.minY = minY
        return copy
    }

    mutating func include(x: Double, y: Double) {
        minX = min(minX, x)
        maxX = max(maxX, x)
        maxY = max(maxY, y)
    }
}

/// Where the start and end stills go when they share the animated figure's box: side by side, standing on one
/// floor line, scaled down together only as far as needed to fit.
struct StillLayout {
    let first: Bounds
    let second: Bounds
    let scale: Double
    let firstShift: Double
    let secondShift: Double

    init(start: FigureMotion.Frame, end: FigureMotion.Frame, box: Bounds) {
        first = Bounds(frames: [start]).padded(2, top: 0)
        second = Bounds(frames: [end]).padded(2, top: 0)
        let gap = 6.0
        let across = (box.width - gap) / (first.width + second.width)
        let high = (box.height - 12) / max(first.maxY, second.maxY)
        scale = min(1, across, high)
        let used = scale * (first.width + second.width) + gap
        let left = box.minX + (box.width - used) / 2
        firstShift = left - scale * first.minX
        secondShift = left + scale * first.width + gap - scale * second.minX
    }
}
