/// A pair of axes around a rectangular plot area: reserves room for tick labels and axis titles
/// (measured, not guessed), then draws frame, ticks, labels and optional grid lines. Tick labels
/// that would collide are thinned to every 2nd (3rd, …) tick, keeping the emphasised one.
struct CartesianAxes: Sendable {
    var xScale: AxisScale
    var yScale: AxisScale
    var xTicks: [Tick]
    var yTicks: [Tick]
    var xTitle: String?
    var yTitle: String?
    var theme: ChartTheme
    var squarePlot = false
    var showsGrid = false
    var plotBackground: Color? = nil
    /// Room kept left of the plot for labels drawn beside it that are not ticks (a result
    /// chart's "not reached" row), so the y title clears them too.
    var minimumYLabelWidth = 0.0

    /// Square axes over the Playground's plane (both axes the same integer-ticked domain), as
    /// the boundary and data charts use.
    static func plane(
        domain: ClosedRange<Double>, xTitle: String, yTitle: String, theme: ChartTheme, showsGrid: Bool
    ) -> CartesianAxes {
        let low = Int(domain.lowerBound.rounded(.up)), high = Int(domain.upperBound.rounded(.down))
        let ticks = NiceTicks.integers(from: low, through: high)
        let scale = AxisScale(lower: domain.lowerBound, upper: domain.upperBound)
        return CartesianAxes(
            xScale: scale, yScale: scale, xTicks: ticks, yTicks: ticks, xTitle: xTitle, yTitle: yTitle,
            theme: theme, squarePlot: true, showsGrid: showsGrid, plotBackground: PlaygroundPalette.background)
    }

    private var titleGap: Double { 5 }
    private var labelGap: Double { 3 }

    /// Lays the plot area out inside `frame`.
    func geometry(in frame: Rect, measuring metrics: some TextMeasuring) -> PlotGeometry {
        let tickHeight = metrics.measure("0", style: theme.tickLabelStyle).height
        let titleHeight = metrics.measure("Hg", style: theme.axisTitleStyle).height
        let widestYLabel = max(
            minimumYLabelWidth,
            yTicks.map { metrics.measure($0.label, style: style(for: $0)).width }.max() ?? 0)
        let lastXLabel = xTicks.last.map { metrics.measure($0.label, style: style(for: $0)).width } ?? 0

        let left = (yTitle == nil ? 0 : titleHeight + titleGap) + widestYLabel + theme.tickLength + labelGap
        let bottom = (xTitle == nil ? 0 : titleHeight + titleGap) + tickHeight + theme.tickLength + labelGap
        let top = tickHeight / 2 + 1
        let right = max(lastXLabel / 2, 4)

        var plot = frame.inset(top: top, left: left, bottom: bottom, right: right)
        if squarePlot {
            let side = min(plot.width, plot.height)
            // Centred across, top-aligned: panels in a row keep their plots level under their titles.
            plot = Rect(x: plot.minX + (plot.width - side) / 2, y: plot.minY, width: side, height: side)
        }
        // Whole canvas units keep 1-unit frame lines crisp at 1× and 2×.
        let x0 = plot.minX.rounded(), y0 = plot.minY.rounded()
        plot = Rect(x: x0, y: y0, width: (plot.maxX - x0).rounded(.down), height: (plot.maxY - y0).rounded(.down))
        return PlotGeometry(plotRect: plot, xScale: xScale, yScale: yScale)
    }

    private func style(for tick: Tick) -> TextStyle {
        tick.isEmphasised ? theme.emphasisedTickLabelStyle : theme.tickLabelStyle
    }

    /// Fills the plot background and grid lines: call before drawing data.
    func drawBackground<C: Canvas>(_ geometry: PlotGeometry, on canvas: inout C) {
        let plot = geometry.plotRect
        if let plotBackground { canvas.fill(plot, with: plotBackground) }
        guard showsGrid else { return }
        let grid = StrokeStyle(color: theme.gridColor, width: 1)
        for tick in xTicks where inside(geometry.canvasX(tick.value), plot.minX, plot.maxX) {
            let x = geometry.canvasX(tick.value)
            canvas.stroke(.line(from: Point(x: x, y: plot.minY), to: Point(x: x, y: plot.maxY)), with: grid)
        }
        for tick in yTicks where inside(geometry.canvasY(tick.value), plot.minY, plot.maxY) {
            let y = geometry.canvasY(tick.value)
            canvas.stroke(.line(from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y)), with: grid)
        }
    }

    /// Frame, ticks, tick labels and titles: call after drawing data so they stay on top.
    func drawAxes<C: Canvas>(_ geometry: PlotGeometry, frame: Rect, on canvas: inout C) {
        let plot = geometry.plotRect
        let tickStroke = StrokeStyle(color: theme.frameColor, width: 1)
        let emphasisedStroke = StrokeStyle(color: Color(hex: 0x444444), width: 1)
        let tickLength = theme.tickLength
        // The frame and the ticks of one colour as one path each, the labels after them: they
        // never overlap, so this draws the same and writes a few vector elements, not dozens.
        var frameAndTicks = Path.rect(plot)
        var emphasisedTicks = Path()
        var labels: [(String, Point, TextStyle, TextAnchor)] = []

        let xPositions = xTicks.map { geometry.canvasX($0.value) }
        let xWidest = xTicks.map { canvas.measure($0.label, style: style(for: $0)).width }.max() ?? 0
        let xShown = thinned(xTicks, positions: xPositions, labelSize: xWidest + 6)
        for (index, tick) in xTicks.enumerated() where inside(xPositions[index], plot.minX, plot.maxX) {
            let x = xPositions[index]
            let line = Path.line(from: Point(x: x, y: plot.maxY), to: Point(x: x, y: plot.maxY + tickLength))
            if tick.isEmphasised { emphasisedTicks.append(line) } else { frameAndTicks.append(line) }
            if xShown.contains(index) {
                labels.append((tick.label, Point(x: x, y: plot.maxY + tickLength + labelGap), style(for: tick), .top))
            }
        }

        let yPositions = yTicks.map { geometry.canvasY($0.value) }
        let labelHeight = canvas.measure("0", style: theme.tickLabelStyle).height
        let yShown = thinned(yTicks, positions: yPositions, labelSize: labelHeight + 2)
        for (index, tick) in yTicks.enumerated() where inside(yPositions[index], plot.minY, plot.maxY) {
            let y = yPositions[index]
            let line = Path.line(from: Point(x: plot.minX - tickLength, y: y), to: Point(x: plot.minX, y: y))
            if tick.isEmphasised { emphasisedTicks.append(line) } else { frameAndTicks.append(line) }
            if yShown.contains(index) {
                labels.append((tick.label, Point(x: plot.minX - tickLength - labelGap, y: y), style(for: tick), .trailing))
            }
        }
        canvas.stroke(frameAndTicks, with: tickStroke)
        if !emphasisedTicks.isEmpty { canvas.stroke(emphasisedTicks, with: emphasisedStroke) }
        for (text, point, style, anchor) in labels { canvas.drawText(text, at: point, style: style, anchor: anchor) }

        if let xTitle {
            let tickHeight = canvas.measure("0", style: theme.tickLabelStyle).height
            let y = plot.maxY + tickLength + labelGap + tickHeight + titleGap
            canvas.drawText(xTitle, at: Point(x: plot.midX, y: y), style: theme.axisTitleStyle, anchor: .top)
        }
        if let yTitle {
            let widest = max(
                minimumYLabelWidth,
                yTicks.indices.filter { yShown.contains($0) }
                    .map { canvas.measure(yTicks[$0].label, style: style(for: yTicks[$0])).width }.max() ?? 0)
            let x = plot.minX - tickLength - labelGap - widest - titleGap
            canvas.drawText(
                yTitle, at: Point(x: x, y: plot.midY), style: theme.axisTitleStyle, anchor: .bottom,
                rotation: -Double.pi / 2)
        }
    }

    private func inside(_ value: Double, _ low: Double, _ high: Double) -> Bool {
        value >= low - 0.5 && value <= high + 0.5
    }

    /// Indices of ticks whose labels are drawn: every k-th tick, k the smallest stride whose
    /// labels do not collide, counted from the emphasised tick (or the first).
    private func thinned(_ ticks: [Tick], positions: [Double], labelSize: Double) -> Set<Int> {
        guard ticks.count > 1 else { return Set(ticks.indices) }
        var spacing = Double.infinity
        for index in 1..<positions.count { spacing = min(spacing, abs(positions[index] - positions[index - 1])) }
        guard spacing > 0 else { return [0] }
        let stride = max(1, Int((labelSize / spacing).rounded(.up)))
        let reference = ticks.firstIndex(where: \.isEmphasised) ?? 0
        return Set(ticks.indices.filter { ($0 - reference) % stride == 0 })
    }
}
