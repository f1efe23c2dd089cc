/// The combinations of a sweep (or several experiments) in one loss chart, so they compare on
/// one pair of axes. Each series has its own colour and dash pattern (`SeriesPalette`); its seed
/// runs are thin, its highlighted run bold; the legend names the series as the caller words it
/// ("learning rate = 0.01"). By default only test loss is drawn; with `.trainingAndTest` the
/// training curves follow in a lighter tint of the series colour.
public struct OverlayLossChart: AxisSharing {
    public struct Series: Sendable, Hashable {
        /// Printed as given in the legend.
        public var label: String
        public var runs: [LossChart.Run]
        /// Index into `runs` drawn bold; `nil` picks the median run by final loss.
        public var highlightedRun: Int?
        /// Where the bold run reached the threshold (marked with a dot on the threshold); `nil`
        /// finds the first epoch at or below the threshold.
        public var reachedAtEpoch: Double?

        public init(label: String, runs: [LossChart.Run], highlightedRun: Int? = nil, reachedAtEpoch: Double? = nil) {
            self.label = label
            self.runs = runs
            self.highlightedRun = highlightedRun
            self.reachedAtEpoch = reachedAtEpoch
        }

        /// The bold run's index.
        public var resolvedHighlightedRun: Int? {
            if let highlightedRun, runs.indices.contains(highlightedRun) { return highlightedRun }
            return LossChart.medianRun(runs)
        }
    }

    public enum Curves: Sendable, Hashable {
        case test
        case trainingAndTest
    }

    public var series: [Series]
    public var curves: Curves
    public var title: String?
    public var xAxisTitle: String
    public var yAxisTitle: String
    public var logarithmic: Bool
    /// A target line; its label is printed as given ("test loss ≤ 0.02"). Its `reachedAtEpoch`
    /// is not used: each series has its own.
    public var threshold: LossChart.Threshold?
    /// What the bold run of each series is, for the legend note.
    public var highlightDescription: String
    public var xDomain: ClosedRange<Double>?
    public var yDomain: ClosedRange<Double>?
    public var size: Size
    public var theme: ChartTheme

    public init(
        series: [Series], curves: Curves = .test, title: String? = nil, xAxisTitle: String = "Epoch",
        yAxisTitle: String? = nil, logarithmic: Bool = false, threshold: LossChart.Threshold? = nil,
        highlightDescription: String = "median", xDomain: ClosedRange<Double>? = nil,
        yDomain: ClosedRange<Double>? = nil, size: Size = Size(width: 520, height: 340),
        theme: ChartTheme = .standard
    ) {
        self.series = series
        self.curves = curves
        self.title = title
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle ?? (curves == .test ? "Test loss" : "Loss")
        self.logarithmic = logarithmic
        self.threshold = threshold
        self.highlightDescription = highlightDescription
        self.xDomain = xDomain
        self.yDomain = yDomain
        self.size = size
        self.theme = theme
    }

    static let thresholdColor = Color(hex: 0x444444)

    private func shownCurves(_ run: LossChart.Run) -> [(curve: LossChart.Curve, isTest: Bool)] {
        var shown: [(LossChart.Curve, Bool)] = []
        if curves == .trainingAndTest, let training = run.training { shown.append((training, false)) }
        if let test = run.test ?? (curves == .test ? run.training : nil) { shown.append((test, true)) }
        return shown
    }

    /// The stroke of one curve: series colour and dash; bold or thin; training in a light tint.
    public func stroke(series index: Int, highlighted: Bool, test: Bool) -> StrokeStyle {
        var style = SeriesPalette.stroke(index, width: highlighted ? 2.25 : 0.9)
        if !test { style.color = style.color.mixed(with: .white, fraction: 0.5) }
        if !highlighted { style.color = style.color.withAlpha(0.4) }
        return style
    }

    // MARK: - Layout

    private var legend: Legend {
        var entries = series.indices.map {
            LegendEntry(label: series[$0].label, sample: .line(stroke(series: $0, highlighted: true, test: true)))
        }
        if curves == .trainingAndTest {
            let grey = Color(hex: 0x555555)
            entries.append(LegendEntry(label: "test loss", sample: .line(StrokeStyle(color: grey, width: 2.25))))
            entries.append(
                LegendEntry(
                    label: "training loss (light)",
                    sample: .line(StrokeStyle(color: grey.mixed(with: .white, fraction: 0.5), width: 2.25))))
        }
        let seeds = Set(series.map(\.runs.count))
        if let most = seeds.max(), most > 1 {
            let count = seeds.count == 1 ? "\(most) seeds" : "the seeds"
            entries.append(LegendEntry(label: "bold: \(highlightDescription) of \(count), thin: the others", sample: .none))
        }
        return Legend(entries: entries, style: theme.legendStyle)
    }

    public var dataExtent: DataExtent {
        let all = series.flatMap { $0.runs.flatMap { shownCurves($0).map(\.curve) } }
        return LossAxes.extent(of: all, threshold: threshold?.value, logarithmic: logarithmic)
    }

    private var axes: CartesianAxes {
        LossAxes.axes(
            extent: dataExtent, xDomain: xDomain, yDomain: yDomain, logarithmic: logarithmic,
            xTitle: xAxisTitle, yTitle: yAxisTitle, theme: theme)
    }

    private func layout(measuring metrics: some TextMeasuring) -> (TitledFrame, Rect, PlotGeometry) {
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: metrics)
        let (legendRect, below) = legend.placedAbove(in: frame.content, gap: 4, measuring: metrics)
        return (frame, legendRect, axes.geometry(in: below, measuring: metrics))
    }

    public func geometry(measuring metrics: some TextMeasuring) -> PlotGeometry { layout(measuring: metrics).2 }

    /// Where each series' bold run meets the threshold (nil where it does not).
    public var thresholdCrossings: [(epoch: Double, value: Double)?] {
        series.map { series in
            guard let threshold, let index = series.resolvedHighlightedRun,
                let curve = shownCurves(series.runs[index]).last?.curve
            else { return nil }
            var own = threshold
            own.reachedAtEpoch = series.reachedAtEpoch
            return curve.crossing(of: own)
        }
    }

    // MARK: - Drawing

    public func draw<C: Canvas>(on canvas: inout C) {
        fillBackground(theme.background, on: &canvas)
        let (frame, legendRect, geometry) = layout(measuring: canvas)
        let axes = self.axes
        let plot = geometry.plotRect
        axes.drawBackground(geometry, on: &canvas)

        let crossings = thresholdCrossings
        var thin: [(points: [Point?], style: StrokeStyle)] = []
        var bold: [(points: [Point?], style: StrokeStyle)] = []
        for (index, series) in series.enumerated() {
            let highlighted = series.resolvedHighlightedRun
            for (runIndex, run) in series.runs.enumerated() {
                for (curve, isTest) in shownCurves(run) {
                    let isBold = runIndex == highlighted
                    let keep = isBold && isTest ? crossings[index].flatMap { c in curve.epochs.firstIndex(of: c.epoch) } : nil
                    let entry = (
                        LossAxes.drawablePoints(curve, geometry, keeping: keep),
                        stroke(series: index, highlighted: isBold, test: isTest)
                    )
                    if isBold { bold.append(entry) } else { thin.append(entry) }
                }
            }
        }
        canvas.save()
        canvas.clip(to: plot.insetBy(dx: -1, dy: -1))
        // All thin curves under all bold ones, so no series' bold run hides under another's seeds.
        for (points, style) in thin + bold { canvas.stroke(.polyline(points), with: style) }
        var markers: [Rect] = []
        if let threshold, let y = geometry.positionIfDrawable(x: geometry.xScale.lower, y: threshold.value)?.y {
            canvas.stroke(
                .line(from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y)),
                with: StrokeStyle(color: Self.thresholdColor, width: 1, dash: [6, 4]))
            for (index, crossing) in crossings.enumerated() {
                guard let crossing, let point = geometry.positionIfDrawable(x: crossing.epoch, y: crossing.value) else {
                    continue
                }
                PointMarker(
                    shape: .circle, radius: 4, fill: SeriesPalette.color(index),
                    outline: StrokeStyle(color: .white, width: 1.25)
                ).draw(at: point, on: &canvas)
                markers.append(Rect(x: point.x - 5, y: point.y - 5, width: 10, height: 10))
            }
        }
        canvas.restore()

        if let threshold, let y = geometry.positionIfDrawable(x: geometry.xScale.lower, y: threshold.value)?.y,
            y >= plot.minY - 0.5, y <= plot.maxY + 0.5
        {
            var placer = LabelPlacer(bounds: plot.insetBy(dx: 2, dy: 2), curves: LossAxes.obstacles(bold + thin))
            placer.occupied = markers
            let label = HaloLabel(
                text: threshold.label ?? "target \(NumberFormatting.shortest(threshold.value))",
                style: TextStyle(size: theme.annotationStyle.size, color: Self.thresholdColor))
            if let box = placer.place(LossAxes.candidates(alongLineAt: y, in: plot, size: label.size(measuring: canvas))) {
                label.draw(in: box, on: &canvas)
            }
        }
        axes.drawAxes(geometry, frame: frame.content, on: &canvas)
        legend.draw(in: legendRect, on: &canvas)
        frame.drawTitle(on: &canvas)
    }
}
