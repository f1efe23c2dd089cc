/// The symbol drawn for one data point. Training and test points differ in shape as well as in
/// outline, so they stay apart in greyscale print.
public struct PointMarker: Sendable, Hashable {
    /// `triangleDown` points at the edge it sits on: a result chart's "not reached" row.
    public enum Shape: Sendable, Hashable { case circle, diamond, square, triangleDown }

    public var shape: Shape
    public var radius: Double
    public var fill: Color
    public var outline: StrokeStyle?

    public init(shape: Shape, radius: Double, fill: Color, outline: StrokeStyle?) {
        self.shape = shape
        self.radius = radius
        self.fill = fill
        self.outline = outline
    }

    public func path(at center: Point) -> Path {
        switch shape {
        case .circle: return .circle(center: center, radius: radius)
        case .diamond: return .diamond(center: center, radius: radius * 1.3)
        case .triangleDown:
            let r = radius * 1.25
            var path = Path()
            path.move(to: Point(x: center.x - r, y: center.y - r * 0.7))
            path.line(to: Point(x: center.x + r, y: center.y - r * 0.7))
            path.line(to: Point(x: center.x, y: center.y + r))
            path.close()
            return path
        case .square:
            return .rect(Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius))
        }
    }

    public func draw<C: Canvas>(at center: Point, on canvas: inout C) {
        let outlinePath = path(at: center)
        canvas.fill(outlinePath, with: fill)
        if let outline { canvas.stroke(outlinePath, with: outline) }
    }
}
