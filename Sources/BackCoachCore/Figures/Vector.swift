import Foundation

/// A point or direction in the figure's 3D space: x to the right of the picture, y up, z toward the viewer.
/// Units are about 2 cm, so a standing figure is about 90 units tall.
public struct Vector3: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var z: Double

    public init(_ x: Double, _ y: Double, _ z: Double) {
        self.x = x
        self.y = y
        self.z = z
    }

    static let zero = Vector3(0, 0, 0)

    static func + (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x + b.x, a.y + b.y, a.z + b.z) }
    static func - (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x - b.x, a.y - b.y, a.z - b.z) }
    static func * (a: Vector3, s: Double) -> Vector3 { Vector3(a.x * s, a.y * s, a.z * s) }

    var length: Double { (x * x + y * y + z * z).squareRoot() }
}

/// A 3×3 rotation, stored by columns: the images of the x, y and z axes.
struct Rotation: Sendable {
    var columns: (Vector3, Vector3, Vector3)

    static let identity = Rotation(columns: (Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, 1)))

    /// Rotation by `degrees` about the x axis (counter-clockwise looking from +x toward the origin).
    static func aboutX(_ degrees: Double) -> Rotation {
        let (s, c) = sinCos(degrees)
        return Rotation(columns: (Vector3(1, 0, 0), Vector3(0, c, s), Vector3(0, -s, c)))
    }

    static func aboutY(_ degrees: Double) -> Rotation {
        let (s, c) = sinCos(degrees)
        return Rotation(columns: (Vector3(c, 0, -s), Vector3(0, 1, 0), Vector3(s, 0, c)))
    }

    static func aboutZ(_ degrees: Double) -> Rotation {
        let (s, c) = sinCos(degrees)
        return Rotation(columns: (Vector3(c, s, 0), Vector3(-s, c, 0), Vector3(0, 0, 1)))
    }

    static func * (r: Rotation, v: Vector3) -> Vector3 {
        r.columns.0 * v.x + r.columns.1 * v.y + r.columns.2 * v.z
    }

    static func * (a: Rotation, b: Rotation) -> Rotation {
        Rotation(columns: (a * b.columns.0, a * b.columns.1, a * b.columns.2))
    }

    private static func sinCos(_ degrees: Double) -> (Double, Double) {
        let radians = degrees * .pi / 180
        return (sin(radians), cos(radians))
    }
}
