/// Where a chart's plot area ended up and how data maps into it. Charts expose this so callers
/// (and tests) know exactly which canvas point shows which data point.
public struct PlotGeometry: Sendable, Hashable {
    public var plotRect: Rect
    public var xScale: AxisScale
    public var yScale: AxisScale

    public init(plotRect: Rect, xScale: AxisScale, yScale: AxisScale) {
        self.plotRect = plotRect
        self.xScale = xScale
        self.yScale = yScale
    }

    public func canvasX(_ x: Double) -> Double { plotRect.minX + xScale.normalized(x) * plotRect.width }
    public func canvasY(_ y: Double) -> Double { plotRect.maxY - yScale.normalized(y) * plotRect.height }

    public func position(x: Double, y: Double) -> Point { Point(x: canvasX(x), y: canvasY(y)) }

    /// `nil` for points a log scale cannot show (non-positive) or that are not finite.
    public func positionIfDrawable(x: Double, y: Double) -> Point? {
        guard x.isFinite, y.isFinite else { return nil }
        let point = position(x: x, y: y)
        return point.x.isFinite && point.y.isFinite ? point : nil
    }
}
