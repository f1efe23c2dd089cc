/// Points placed by two hidden neurons' outputs instead of their inputs, with the input
/// plane's grid lines carried into that plane (the warped grid) and, where the output is a
/// function of these two neurons, its values as the background: the picture of how a hidden
/// layer bends the plane until the classes can be split by a line. Plotting knows nothing of
/// networks: this gets coordinates, polylines and a grid of values.
public struct HiddenSpaceChart: Figure {
    /// The background and points, on the axes of the two neurons.
    public var plane: BoundaryChart
    /// The input plane's grid lines, each as points in the neurons' coordinates.
    public var gridLines: [[Point]]
    public var size: Size {
        get { plane.size }
        set { plane.size = newValue }
    }

    public init(plane: BoundaryChart, gridLines: [[Point]]) {
        self.plane = plane
        self.gridLines = gridLines
    }

    public func draw<C: Canvas>(on canvas: inout C) {
        plane.draw(on: &canvas)
        let geometry = plane.geometry(measuring: canvas)
        canvas.save()
        canvas.clip(to: geometry.plotRect)
        let style = StrokeStyle(color: Color(hex: 0x555555), width: 0.7)
        for line in gridLines where line.count > 1 {
            var path = Path()
            path.move(to: geometry.position(x: line[0].x, y: line[0].y))
            for point in line.dropFirst() { path.line(to: geometry.position(x: point.x, y: point.y)) }
            canvas.stroke(path, with: style)
        }
        canvas.restore()
    }
}
