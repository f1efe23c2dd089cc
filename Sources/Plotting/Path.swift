/// A vector outline made of straight and cubic Bézier segments, in canvas units.
/// Circles are built from four Béziers so every backend draws exactly the same outline.
public struct Path: Sendable, Hashable {
    public enum Element: Sendable, Hashable {
        case move(Point)
        case line(Point)
        case curve(to: Point, control1: Point, control2: Point)
        case close
    }

    public private(set) var elements: [Element] = []

    public init() {}

    public var isEmpty: Bool { elements.isEmpty }

    public mutating func move(to point: Point) { elements.append(.move(point)) }
    public mutating func line(to point: Point) { elements.append(.line(point)) }
    public mutating func curve(to point: Point, control1: Point, control2: Point) {
        elements.append(.curve(to: point, control1: control1, control2: control2))
    }
    public mutating func close() { elements.append(.close) }

    public mutating func append(_ other: Path) { elements.append(contentsOf: other.elements) }

    public mutating func addRect(_ rect: Rect) {
        move(to: Point(x: rect.minX, y: rect.minY))
        line(to: Point(x: rect.maxX, y: rect.minY))
        line(to: Point(x: rect.maxX, y: rect.maxY))
        line(to: Point(x: rect.minX, y: rect.maxY))
        close()
    }

    public mutating func addCircle(center: Point, radius: Double) {
        let k = 0.5522847498 * radius  // control distance for a quarter circle
        let (cx, cy, r) = (center.x, center.y, radius)
        move(to: Point(x: cx + r, y: cy))
        curve(to: Point(x: cx, y: cy + r), control1: Point(x: cx + r, y: cy + k), control2: Point(x: cx + k, y: cy + r))
        curve(to: Point(x: cx - r, y: cy), control1: Point(x: cx - k, y: cy + r), control2: Point(x: cx - r, y: cy + k))
        curve(to: Point(x: cx, y: cy - r), control1: Point(x: cx - r, y: cy - k), control2: Point(x: cx - k, y: cy - r))
        curve(to: Point(x: cx + r, y: cy), control1: Point(x: cx + k, y: cy - r), control2: Point(x: cx + r, y: cy - k))
        close()
    }

    public static func rect(_ rect: Rect) -> Path {
        var path = Path()
        path.addRect(rect)
        return path
    }

    public static func circle(center: Point, radius: Double) -> Path {
        var path = Path()
        path.addCircle(center: center, radius: radius)
        return path
    }

    public static func line(from start: Point, to end: Point) -> Path {
        var path = Path()
        path.move(to: start)
        path.line(to: end)
        return path
    }

    /// A diamond (square turned 45°) whose corners lie `radius` from the centre.
    public static func diamond(center: Point, radius: Double) -> Path {
        var path = Path()
        path.move(to: Point(x: center.x, y: center.y - radius))
        path.line(to: Point(x: center.x + radius, y: center.y))
        path.line(to: Point(x: center.x, y: center.y + radius))
        path.line(to: Point(x: center.x - radius, y: center.y))
        path.close()
        return path
    }

    /// Connects the points in order; consecutive runs are split wherever `points` holds `nil`
    /// (used to leave gaps at non-finite values, e.g. after a divergence).
    public static func polyline(_ points: [Point?]) -> Path {
        var path = Path()
        var penDown = false
        for point in points {
            guard let point else { penDown = false; continue }
            if penDown { path.line(to: point) } else { path.move(to: point); penDown = true }
        }
        return path
    }
}
