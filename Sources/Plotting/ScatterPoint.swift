/// One data point of a 2-D data set: position, value (a class label ±1 or a regression target,
/// shaded with the heat-map palette) and whether it belongs to the test split.
public struct ScatterPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var value: Double
    public var isTest: Bool

    public init(x: Double, y: Double, value: Double, isTest: Bool = false) {
        self.x = x
        self.y = y
        self.value = value
        self.isTest = isTest
    }
}

/// Draws points the Playground's way: fill = the value's heat-map shade (opacity 0.9);
/// training points with a white outline (opacity 0.8), test points with a black one (0.6).
/// `distinctTestShape` also draws test points as diamonds (used where no heat map is behind).
struct ScatterPointsLayer: Sendable {
    var points: [ScatterPoint]
    var domain: ClosedRange<Double>
    var radius: Double
    var distinctTestShape: Bool

    func marker(for point: ScatterPoint) -> PointMarker {
        let fill = PlaygroundPalette.heatMapColor(for: point.value).withAlpha(0.9)
        let outline = point.isTest
            ? StrokeStyle(color: Color.black.withAlpha(0.6), width: 1)
            : StrokeStyle(color: Color.white.withAlpha(0.8), width: 1)
        let shape: PointMarker.Shape = point.isTest && distinctTestShape ? .diamond : .circle
        return PointMarker(shape: shape, radius: radius, fill: fill, outline: outline)
    }

    func draw<C: Canvas>(_ geometry: PlotGeometry, on canvas: inout C) {
        // Test first, training on top: the training points are what the network learned from,
        // and with a small training share (10 %) they would vanish under the test points.
        for point in points.filter(\.isTest) + points.filter({ !$0.isTest }) {
            guard domain.contains(point.x), domain.contains(point.y) else { continue }
            marker(for: point).draw(at: geometry.position(x: point.x, y: point.y), on: &canvas)
        }
    }
}
