/// Training and test loss over epochs, for one or several runs (seeds). With several runs the
/// highlighted one (by default the median by final loss) is bold and the others thin.
/// Test loss is near-black and solid, training loss grey (#777) and dashed: told apart by
/// lightness and dash, not only colour.
public struct LossChart: AxisSharing {
    /// One loss curve. Non-finite values (divergence) leave a gap; on a log scale so do values ≤ 0.
    public struct Curve: Sendable, Hashable {
        public var epochs: [Double]
        public var values: [Double]

        public init(epochs: [Double], values: [Double]) {
            precondition(epochs.count == values.count, "a loss curve needs one epoch per value")
            self.epochs = epochs
            self.values = values
        }

        /// Values at epochs 0, 1, 2, … (the Playground records the epoch-0 loss first).
        public init(values: [Double], firstEpoch: Int = 0) {
            self.init(epochs: values.indices.map { Double(firstEpoch + $0) }, values: values)
        }

        /// The first epoch whose value is at or below `threshold`.
        public func firstEpoch(atOrBelow threshold: Double) -> (epoch: Double, value: Double)? {
            zip(epochs, values).first { $0.1.isFinite && $0.1 <= threshold }.map { ($0.0, $0.1) }
        }

        var lastFiniteValue: Double? { values.last(where: \.isFinite) }
    }

    /// One training run: its training and test curves (either may be absent).
    public struct Run: Sendable, Hashable {
        public var label: String?
        public var training: Curve?
        public var test: Curve?

        public init(label: String? = nil, training: Curve? = nil, test: Curve? = nil) {
            self.label = label
            self.training = training
            self.test = test
        }

        /// The curve thresholds and medians are judged on: test loss if present, else training loss.
        var primary: Curve? { test ?? training }
    }

    /// A target loss: a dashed line at `value` and a marker where the highlighted run first meets it.
    public struct Threshold: Sendable, Hashable {
        public var value: Double
        /// Defaults to "target 0.05"-style text.
        public var label: String?
        /// The epoch to mark; `nil` finds the first epoch of the highlighted run's test (else
        /// training) curve at or below `value`.
        public var reachedAtEpoch: Double?

        public init(value: Double, label: String? = nil, reachedAtEpoch: Double? = nil) {
            self.value = value
            self.label = label
            self.reachedAtEpoch = reachedAtEpoch
        }
    }

    public var runs: [Run]
    /// Index into `runs` drawn bold; `nil` picks the median run by final loss.
    public var highlightedRun: Int?
    /// What the bold run is, for the legend ("median" unless the caller picked another).
    public var highlightDescription = "median"
    public var title: String?
    public var xAxisTitle: String
    public var yAxisTitle: String
    public var logarithmic: Bool
    public var threshold: Threshold?
    /// Adds the note "diverged at epoch N".
    public var divergedAtEpoch: Int?
    /// Draws the legend above the plot. Panels of a grid turn it off and the grid shows
    /// `legendEntries` once (`SmallMultiples.legend`).
    public var showsLegend = true
    /// Fixes the epoch range (e.g. shared by the panels of one comparison); `nil` fits the data.
    public var xDomain: ClosedRange<Double>?
    /// Fixes the loss range; `nil` fits the data. On a log scale only its positive part counts.
    public var yDomain: ClosedRange<Double>?
    public var size: Size
    public var theme: ChartTheme

    public init(
        runs: [Run], highlightedRun: Int? = nil, title: String? = nil, xAxisTitle: String = "Epoch",
        yAxisTitle: String = "Loss", logarithmic: Bool = false, threshold: Threshold? = nil,
        divergedAtEpoch: Int? = nil, xDomain: ClosedRange<Double>? = nil, yDomain: ClosedRange<Double>? = nil,
        size: Size = Size(width: 420, height: 280), theme: ChartTheme = .standard
    ) {
        self.runs = runs
        self.highlightedRun = highlightedRun
        self.title = title
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.logarithmic = logarithmic
        self.threshold = threshold
        self.divergedAtEpoch = divergedAtEpoch
        self.xDomain = xDomain
        self.yDomain = yDomain
        self.size = size
        self.theme = theme
    }

    /// A single run's training and test loss.
    public init(
        training: Curve?, test: Curve?, title: String? = nil, logarithmic: Bool = false,
        threshold: Threshold? = nil, divergedAtEpoch: Int? = nil,
        size: Size = Size(width: 420, height: 280)
    ) {
        self.init(
            runs: [Run(training: training, test: test)], title: title, logarithmic: logarithmic,
            threshold: threshold, divergedAtEpoch: divergedAtEpoch, size: size)
    }

    // MARK: - Styles

    static let testColor = Color(hex: 0x111111)
    static let trainingColor = Color(hex: 0x777777)
    static let thresholdColor = Color(hex: 0x0877bd)
    static let divergenceColor = Color(hex: 0xb34d00)

    private func stroke(test: Bool, highlighted: Bool) -> StrokeStyle {
        let width = highlighted ? 2.0 : 0.9
        let color = test ? Self.testColor : Self.trainingColor
        return StrokeStyle(
            color: highlighted || runs.count == 1 ? color : color.withAlpha(0.45),
            width: runs.count == 1 ? 1.5 : width, dash: test ? [] : [5, 3], lineJoin: .round)
    }

    /// The index of the bold run: the given one, or the median by final loss (lower median).
    public var resolvedHighlightedRun: Int? {
        if let highlightedRun, runs.indices.contains(highlightedRun) { return highlightedRun }
        return Self.medianRun(runs)
    }

    /// The run whose final loss is the lower median, ties by index; `nil` for no runs.
    static func medianRun(_ runs: [Run]) -> Int? {
        var ranked: [(index: Int, loss: Double)] = []
        for (index, run) in runs.enumerated() {
            if let loss = run.primary?.lastFiniteValue { ranked.append((index, loss)) }
        }
        ranked.sort { (a, b) in a.loss != b.loss ? a.loss < b.loss : a.index < b.index }
        guard !ranked.isEmpty else { return runs.isEmpty ? nil : 0 }
        return ranked[(ranked.count - 1) / 2].index
    }

    /// Where the threshold marker goes, if the highlighted run reaches the threshold.
    public var thresholdCrossing: (epoch: Double, value: Double)? {
        guard let threshold, let index = resolvedHighlightedRun, let curve = runs[index].primary else { return nil }
        return curve.crossing(of: threshold)
    }

    // MARK: - Layout

    private var legend: Legend {
        Legend(entries: showsLegend ? legendEntries : [], style: theme.legendStyle)
    }

    /// What the legend explains: test and training line styles, and which run is bold.
    public var legendEntries: [LegendEntry] {
        var entries: [LegendEntry] = []
        let neutralWidth = StrokeStyle(color: Self.testColor, width: 1.5)
        if runs.contains(where: { $0.test != nil }) {
            entries.append(LegendEntry(label: "Test loss", sample: .line(neutralWidth)))
        }
        if runs.contains(where: { $0.training != nil }) {
            var training = neutralWidth
            training.color = Self.trainingColor
            training.dash = [5, 3]
            entries.append(LegendEntry(label: "Training loss", sample: .line(training)))
        }
        if runs.count > 1 {
            entries.append(LegendEntry(label: "bold: \(highlightDescription) of \(runs.count) runs", sample: .none))
        }
        return entries
    }

    /// The epochs and losses of every curve (and the threshold), before any shared range applies.
    public var dataExtent: DataExtent {
        LossAxes.extent(
            of: runs.flatMap { [$0.training, $0.test].compactMap { $0 } }, threshold: threshold?.value,
            logarithmic: logarithmic)
    }

    private var axes: CartesianAxes {
        LossAxes.axes(
            extent: dataExtent, xDomain: xDomain, yDomain: yDomain, logarithmic: logarithmic,
            xTitle: xAxisTitle, yTitle: yAxisTitle, theme: theme)
    }

    private func layout(measuring metrics: some TextMeasuring) -> (TitledFrame, Rect, PlotGeometry) {
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: metrics)
        let (legendRect, below) = legend.placedAbove(in: frame.content, gap: 4, measuring: metrics)
        let content = legendRect.height > 0 ? below : frame.content
        return (frame, legendRect, axes.geometry(in: content, measuring: metrics))
    }

    /// Where the plot area lies and how epochs and losses map into it.
    public func geometry(measuring metrics: some TextMeasuring) -> PlotGeometry { layout(measuring: metrics).2 }

    // MARK: - Drawing

    public func draw<C: Canvas>(on canvas: inout C) {
        fillBackground(theme.background, on: &canvas)
        let (frame, legendRect, geometry) = layout(measuring: canvas)
        let axes = self.axes
        let plot = geometry.plotRect
        axes.drawBackground(geometry, on: &canvas)

        let highlighted = resolvedHighlightedRun
        let crossing = thresholdCrossing
        // Thin runs first, the bold one last so it stays on top; training under test.
        let order = runs.indices.filter { $0 != highlighted } + (highlighted.map { [$0] } ?? [])
        var drawn: [(points: [Point?], style: StrokeStyle)] = []
        for index in order {
            let run = runs[index]
            for (curve, isTest) in [(run.training, false), (run.test, true)] {
                guard let curve else { continue }
                // The marked crossing stays an exact vertex of the bold curve it sits on.
                let marksCrossing = index == highlighted && (isTest || run.test == nil)
                let keep = marksCrossing ? crossing.flatMap { c in curve.epochs.firstIndex(of: c.epoch) } : nil
                drawn.append(
                    (
                        LossAxes.drawablePoints(curve, geometry, keeping: keep),
                        stroke(test: isTest, highlighted: index == highlighted)
                    ))
            }
        }
        canvas.save()
        canvas.clip(to: plot.insetBy(dx: -1, dy: -1))
        for (points, style) in drawn { canvas.stroke(.polyline(points), with: style) }
        let marker = drawThreshold(geometry, crossing: crossing, on: &canvas)
        canvas.restore()

        var placer = LabelPlacer(bounds: plot.insetBy(dx: 2, dy: 2), curves: LossAxes.obstacles(drawn))
        if let marker { placer.occupied.append(marker) }
        drawLabels(geometry, crossing: crossing, placer: &placer, on: &canvas)
        axes.drawAxes(geometry, frame: frame.content, on: &canvas)
        legend.draw(in: legendRect, on: &canvas)
        frame.drawTitle(on: &canvas)
    }

    /// The dashed threshold line and the crossing marker; returns the marker's box.
    private func drawThreshold<C: Canvas>(
        _ geometry: PlotGeometry, crossing: (epoch: Double, value: Double)?,
        on canvas: inout C
    ) -> Rect? {
        guard let threshold, let y = geometry.positionIfDrawable(x: geometry.xScale.lower, y: threshold.value)?.y
        else { return nil }
        let plot = geometry.plotRect
        canvas.stroke(
            .line(from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y)),
            with: StrokeStyle(color: Self.thresholdColor, width: 1.25, dash: [6, 4]))
        guard let crossing, let point = geometry.positionIfDrawable(x: crossing.epoch, y: crossing.value) else { return nil }
        canvas.stroke(
            .line(from: Point(x: point.x, y: plot.maxY), to: point),
            with: StrokeStyle(color: Self.thresholdColor.withAlpha(0.6), width: 1, dash: [2, 3]))
        let marker = PointMarker(
            shape: .circle, radius: 3.5, fill: Self.thresholdColor,
            outline: StrokeStyle(color: .white, width: 1))
        marker.draw(at: point, on: &canvas)
        return Rect(x: point.x - 4.5, y: point.y - 4.5, width: 9, height: 9)
    }

    /// The "epoch N" label, the threshold's label and the divergence note, placed by `placer`
    /// so they stay in the plot, apart from each other and off the curves where there is room.
    private func drawLabels<C: Canvas>(
        _ geometry: PlotGeometry, crossing: (epoch: Double, value: Double)?,
        placer: inout LabelPlacer, on canvas: inout C
    ) {
        let plot = geometry.plotRect
        let style = TextStyle(size: theme.annotationStyle.size, color: Self.thresholdColor)
        let boldStyle = TextStyle(size: style.size, weight: .bold, color: Self.thresholdColor)
        if let crossing, let point = geometry.positionIfDrawable(x: crossing.epoch, y: crossing.value),
            plot.insetBy(dx: -1, dy: -1).contains(point)
        {
            let label = HaloLabel(
                text: "epoch \(NumberFormatting.shortest(crossing.epoch, maximumDigits: 2))",
                style: boldStyle)
            if let box = placer.place(LossAxes.candidates(around: point, size: label.size(measuring: canvas))) {
                label.draw(in: box, on: &canvas)
            }
        }
        if let threshold, let y = geometry.positionIfDrawable(x: geometry.xScale.lower, y: threshold.value)?.y,
            y >= plot.minY - 0.5, y <= plot.maxY + 0.5
        {
            let label = HaloLabel(
                text: threshold.label ?? "target \(NumberFormatting.shortest(threshold.value))",
                style: style)
            if let box = placer.place(LossAxes.candidates(alongLineAt: y, in: plot, size: label.size(measuring: canvas))) {
                label.draw(in: box, on: &canvas)
            }
        }
        if let divergedAtEpoch {
            let label = HaloLabel(
                text: "diverged at epoch \(divergedAtEpoch)",
                style: TextStyle(
                    size: theme.annotationStyle.size, weight: .bold,
                    color: Self.divergenceColor))
            if let box = placer.place(LossAxes.candidates(inCornersOf: plot, size: label.size(measuring: canvas))) {
                label.draw(in: box, on: &canvas)
            }
        }
    }
}

extension LossChart.Curve {
    /// The point a threshold marks: its given epoch, or the first epoch at or below its value.
    func crossing(of threshold: LossChart.Threshold) -> (epoch: Double, value: Double)? {
        if let epoch = threshold.reachedAtEpoch {
            guard let at = epochs.firstIndex(where: { $0 >= epoch }) else { return nil }
            return (epochs[at], values[at].isFinite ? values[at] : threshold.value)
        }
        return firstEpoch(atOrBelow: threshold.value)
    }
}
