/// What loss charts (one experiment or several overlaid) share: the axes fitted to curves or to
/// a shared range, the curves' simplified canvas points, and candidate spots for labels.
enum LossAxes {
    static func extent(of curves: [LossChart.Curve], threshold: Double?, logarithmic: Bool) -> DataExtent {
        let x = DataExtent.range(of: curves.lazy.flatMap(\.epochs))
        var y = DataExtent.range(of: curves.lazy.flatMap(\.values).filter { !logarithmic || $0 > 0 })
        if let threshold, threshold.isFinite, !logarithmic || threshold > 0 { y = DataExtent.union(y, threshold...threshold) }
        return DataExtent(x: x, y: y)
    }

    /// Epochs on a linear axis; losses on a linear axis from 0 (or below, for negative values) or
    /// on a log axis over whole decades. A given domain replaces the data's extent.
    static func axes(
        extent: DataExtent, xDomain: ClosedRange<Double>?, yDomain: ClosedRange<Double>?,
        logarithmic: Bool, xTitle: String?, yTitle: String?, theme: ChartTheme
    ) -> CartesianAxes {
        let x = xDomain ?? extent.x
        let (xScale, xTicks) = NiceTicks.linear(lower: x?.lowerBound ?? 0, upper: x?.upperBound ?? 1, targetCount: 6)
        let (yScale, yTicks): (AxisScale, [Tick])
        if logarithmic {
            var y = yDomain ?? extent.y
            if let domain = y, domain.lowerBound <= 0 {
                y = domain.upperBound > 0 ? (extent.y?.lowerBound ?? domain.upperBound / 100)...domain.upperBound : extent.y
            }
            (yScale, yTicks) = NiceTicks.logarithmic(lower: y?.lowerBound ?? 0.01, upper: y?.upperBound ?? 1)
        } else {
            let y = yDomain ?? extent.y
            (yScale, yTicks) = NiceTicks.linear(
                lower: min(0, y?.lowerBound ?? 0), upper: y?.upperBound ?? 1,
                targetCount: 5)
        }
        return CartesianAxes(
            xScale: xScale, yScale: yScale, xTicks: xTicks, yTicks: yTicks, xTitle: xTitle,
            yTitle: yTitle, theme: theme, showsGrid: true)
    }

    /// The curve in canvas units, simplified to what the output shows (`PolylineSimplifier`);
    /// `nil` entries are gaps (non-finite values, or values ≤ 0 on a log axis).
    static func drawablePoints(_ curve: LossChart.Curve, _ geometry: PlotGeometry, keeping index: Int?) -> [Point?] {
        let points = zip(curve.epochs, curve.values).map { geometry.positionIfDrawable(x: $0.0, y: $0.1) }
        return PolylineSimplifier.simplify(points, keeping: index.map { [$0] } ?? [])
    }

    /// Drawn curves as obstacles for labels: bold ones (1.5 units and wider) weigh most.
    static func obstacles(_ drawn: [(points: [Point?], style: StrokeStyle)]) -> [LabelPlacer.Curve] {
        drawn.flatMap { points, style in
            runs(of: points).map {
                LabelPlacer.Curve(points: $0, weight: style.width >= 1.5 ? LabelPlacer.boldWeight : LabelPlacer.thinWeight)
            }
        }
    }

    /// The unbroken runs of a polyline with gaps.
    static func runs(of points: [Point?]) -> [[Point]] {
        var runs: [[Point]] = [[]]
        for point in points {
            if let point { runs[runs.count - 1].append(point) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        return runs.filter { $0.count > 1 }
    }

    /// Boxes of `size` around a marker at `point`: below-right first (curves come down from the
    /// upper left), then the other diagonals, then one step further out.
    static func candidates(around point: Point, size: Size) -> [(box: Rect, penalty: Double)] {
        var boxes: [(Rect, Double)] = []
        for (level, distance) in [6.0, 6 + size.height, 6 + 2 * size.height].enumerated() {
            for (order, (dx, dy)) in [(1.0, 1.0), (1.0, -1.0), (-1.0, 1.0), (-1.0, -1.0)].enumerated() {
                let x = dx > 0 ? point.x + 6 : point.x - 6 - size.width
                let y = dy > 0 ? point.y + distance : point.y - distance - size.height
                boxes.append((Rect(origin: Point(x: x, y: y), size: size), 3 * Double(level) + 0.1 * Double(order)))
            }
        }
        return boxes
    }

    /// Boxes of `size` just above or below a horizontal line at `y`: at the right end first,
    /// then the left end, then in between; then one and two label heights further away, for
    /// when bold curves hug the line everywhere (a thin curve alone does not push a label away).
    static func candidates(alongLineAt y: Double, in plot: Rect, size: Size) -> [(box: Rect, penalty: Double)] {
        var boxes: [(Rect, Double)] = []
        let inset = 4.0
        let positions = [1.0, 0.0, 0.5, 0.75, 0.25]
        for level in 0..<3 {
            let gap = 2 + Double(level) * size.height
            for (order, fraction) in positions.enumerated() {
                let x = plot.minX + inset + fraction * (plot.width - 2 * inset - size.width)
                let penalty = 3 * Double(level) + 0.1 * Double(order)
                boxes.append((Rect(x: x, y: y - gap - size.height, width: size.width, height: size.height), penalty))
                boxes.append((Rect(x: x, y: y + gap, width: size.width, height: size.height), penalty + 0.05))
            }
        }
        return boxes
    }

    /// Boxes of `size` in the plot's corners and along its top and bottom edges.
    static func candidates(inCornersOf plot: Rect, size: Size) -> [Rect] {
        let inset = 4.0
        let left = plot.minX + inset, right = plot.maxX - inset - size.width, middle = plot.midX - size.width / 2
        let top = plot.minY + inset, bottom = plot.maxY - inset - size.height
        return [(left, top), (right, top), (middle, top), (left, bottom), (right, bottom), (middle, bottom)]
            .map { Rect(x: $0.0, y: $0.1, width: size.width, height: size.height) }
    }
}
