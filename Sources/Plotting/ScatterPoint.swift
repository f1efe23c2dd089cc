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
/// Classes differ in shape as well as colour, so they stay apart in greyscale print and for
/// readers who do not tell orange from blue: positive (+1) points are circles, negative (−1)
/// ones squares (only when every value is ±1; regression values are all circles).
/// `distinctTestShape` (where no heat map is behind, as in the data figure) also draws test
/// points hollow: a pale fill inside a dark outline.
struct ScatterPointsLayer: Sendable {
    var points: [ScatterPoint]
    var domain: ClosedRange<Double>
    var radius: Double
    var distinctTestShape: Bool

    static func classShape(for value: Double, classification: Bool) -> PointMarker.Shape {
        classification && value < 0 ? .square : .circle
    }

    static func isClassification(_ points: [ScatterPoint]) -> Bool {
        !points.isEmpty && points.allSatisfy { $0.value == 1 || $0.value == -1 }
    }

    func marker(for point: ScatterPoint, classification: Bool) -> PointMarker {
        let hollow = point.isTest && distinctTestShape
        let fill = PlaygroundPalette.heatMapColor(for: point.value).withAlpha(hollow ? 0.3 : 0.9)
        let outline =
            point.isTest
            ? StrokeStyle(color: Color.black.withAlpha(hollow ? 0.8 : 0.6), width: hollow ? 1.3 : 1)
            : StrokeStyle(color: Color.white.withAlpha(0.8), width: 1)
        // A square of the same half-width looks larger than the circle; shrink it to match areas.
        let shape = Self.classShape(for: point.value, classification: classification)
        return PointMarker(shape: shape, radius: shape == .square ? radius * 0.89 : radius, fill: fill, outline: outline)
    }

    func draw<C: Canvas>(_ geometry: PlotGeometry, on canvas: inout C) {
        let classification = Self.isClassification(points)
        // Test first, training on top: the training points are what the network learned from,
        // and with a small training share (10 %) they would vanish under the test points.
        let ordered = points.filter(\.isTest) + points.filter { !$0.isTest }
        let markers = ordered.compactMap { point -> PlacedMarker? in
            guard domain.contains(point.x), domain.contains(point.y) else { return nil }
            return PlacedMarker(
                center: geometry.position(x: point.x, y: point.y),
                marker: marker(for: point, classification: classification))
        }
        canvas.drawMarkers(markers)
    }
}
