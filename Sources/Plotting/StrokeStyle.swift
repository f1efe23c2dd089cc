/// How a path's outline is drawn. Dash patterns carry meaning beyond colour (training vs test
/// loss, f vs f′), so series stay distinguishable in greyscale print.
public struct StrokeStyle: Sendable, Hashable {
    public enum LineCap: Sendable, Hashable { case butt, round, square }
    public enum LineJoin: Sendable, Hashable { case miter, round, bevel }

    public var color: Color
    public var width: Double
    /// Alternating on/off lengths in canvas units; empty means solid.
    public var dash: [Double]
    public var dashOffset: Double
    public var lineCap: LineCap
    public var lineJoin: LineJoin

    public init(
        color: Color, width: Double = 1, dash: [Double] = [], dashOffset: Double = 0,
        lineCap: LineCap = .butt, lineJoin: LineJoin = .round
    ) {
        self.color = color
        self.width = width
        self.dash = dash
        self.dashOffset = dashOffset
        self.lineCap = lineCap
        self.lineJoin = lineJoin
    }
}
