/// A scatter plot of a 2-D data set over [−6, 6]² without a heat map, e.g. "Training data (10 %)".
/// Training points are circles with a white outline, test points diamonds with a black outline.
public struct DataChart: Figure {
    public var points: [ScatterPoint]
    public var title: String?
    public var xAxisTitle: String
    public var yAxisTitle: String
    public var domain: ClosedRange<Double>
    /// Adds a legend row telling training and test markers apart (only when both are present).
    public var showsLegend: Bool
    public var size: Size
    public var theme: ChartTheme

    public init(
        points: [ScatterPoint], title: String? = nil, xAxisTitle: String = "X₁", yAxisTitle: String = "X₂",
        domain: ClosedRange<Double> = -6...6, showsLegend: Bool = true,
        size: Size = Size(width: 320, height: 340), theme: ChartTheme = .standard
    ) {
        self.points = points
        self.title = title
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.domain = domain
        self.showsLegend = showsLegend
        self.size = size
        self.theme = theme
    }

    private var axes: CartesianAxes {
        .plane(domain: domain, xTitle: xAxisTitle, yTitle: yAxisTitle, theme: theme, showsGrid: true)
    }

    /// Tells the classes apart by shape and colour (positive blue circle, negative orange
    /// square), and, when both are shown, training (solid) from test (hollow) points.
    private var legend: Legend? {
        let trainingCount = points.filter { !$0.isTest }.count
        let testCount = points.count - trainingCount
        guard showsLegend else { return nil }
        var entries: [LegendEntry] = []
        if ScatterPointsLayer.isClassification(points) {
            let white = StrokeStyle(color: .white, width: 1)
            entries.append(
                LegendEntry(
                    label: "positive",
                    sample: .marker(
                        PointMarker(
                            shape: .circle, radius: 3.5, fill: PlaygroundPalette.heatMapColor(for: 1).withAlpha(0.9), outline: white))))
            entries.append(
                LegendEntry(
                    label: "negative",
                    sample: .marker(
                        PointMarker(
                            shape: .square, radius: 3.1, fill: PlaygroundPalette.heatMapColor(for: -1).withAlpha(0.9), outline: white))))
        }
        if trainingCount > 0, testCount > 0 {
            // Neutral grey samples: these entries explain solid against hollow, not colour.
            let grey = Color(hex: 0x9a9a9a)
            entries.append(
                LegendEntry(
                    label: "training (\(trainingCount))",
                    sample: .marker(
                        PointMarker(
                            shape: .circle, radius: 3.5, fill: grey.withAlpha(0.9), outline: StrokeStyle(color: .white, width: 1)))))
            entries.append(
                LegendEntry(
                    label: "test (\(testCount))",
                    sample: .marker(
                        PointMarker(
                            shape: .circle, radius: 3.5, fill: grey.withAlpha(0.3),
                            outline: StrokeStyle(color: Color.black.withAlpha(0.8), width: 1.3)))))
        }
        return entries.isEmpty ? nil : Legend(entries: entries, style: theme.legendStyle)
    }

    private func layout(measuring metrics: some TextMeasuring) -> (TitledFrame, Rect?, PlotGeometry) {
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: metrics)
        var content = frame.content
        var legendRect: Rect?
        if let legend {
            let height = legend.height(maxWidth: content.width, measuring: metrics)
            legendRect = Rect(x: content.minX, y: content.minY, width: content.width, height: height)
            content = content.inset(top: height + 4)
        }
        return (frame, legendRect, axes.geometry(in: content, measuring: metrics))
    }

    public func geometry(measuring metrics: some TextMeasuring) -> PlotGeometry { layout(measuring: metrics).2 }

    public func draw<C: Canvas>(on canvas: inout C) {
        fillBackground(theme.background, on: &canvas)
        let (frame, legendRect, geometry) = layout(measuring: canvas)
        let axes = self.axes
        axes.drawBackground(geometry, on: &canvas)
        canvas.save()
        canvas.clip(to: geometry.plotRect)
        let radius = max(2, 3.5 * geometry.plotRect.width / 260)
        ScatterPointsLayer(points: points, domain: domain, radius: radius, distinctTestShape: true)
            .draw(geometry, on: &canvas)
        canvas.restore()
        axes.drawAxes(geometry, frame: frame.content, on: &canvas)
        if let legend, let legendRect { legend.draw(in: legendRect, on: &canvas) }
        frame.drawTitle(on: &canvas)
    }
}
