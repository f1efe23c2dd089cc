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

    public init(points: [ScatterPoint], title: String? = nil, xAxisTitle: String = "X₁", yAxisTitle: String = "X₂",
                domain: ClosedRange<Double> = -6...6, showsLegend: Bool = true,
                size: Size = Size(width: 320, height: 340), theme: ChartTheme = .standard) {
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

    private var legend: Legend? {
        let trainingCount = points.filter { !$0.isTest }.count
        let testCount = points.count - trainingCount
        guard showsLegend, trainingCount > 0, testCount > 0 else { return nil }
        // Neutral grey samples: the legend explains shapes; colour is the value, as in the plot.
        let grey = Color(hex: 0x9a9a9a)
        let training = PointMarker(shape: .circle, radius: 3.5, fill: grey,
                                   outline: StrokeStyle(color: .white, width: 1))
        let test = PointMarker(shape: .diamond, radius: 3.5, fill: grey,
                               outline: StrokeStyle(color: Color.black.withAlpha(0.6), width: 1))
        return Legend(entries: [
            LegendEntry(label: "training (\(trainingCount))", sample: .marker(training)),
            LegendEntry(label: "test (\(testCount))", sample: .marker(test)),
        ], style: theme.legendStyle)
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
