/// A result against the setting that was varied: "how does the learning rate change the epochs
/// to converge?". x = the setting's values (numbers on a linear or log axis, or named categories
/// evenly spaced), y = a metric. For each value: the median over seeds as a dot (joined by a line
/// for numbers), the min–max range over seeds as a whisker (and a light band for numbers), and
/// the runs that did not reach the target within the budget as an open triangle in a row above
/// the plot, labelled `censoredLabel`, with "k/n" beside it. A legend explains every marker used.
/// Several series (one per value of a second setting) get their own colour, dash and offset.
///
/// The chart draws the numbers it is given: medians, ranges and counts come from the caller's
/// one analysis of the runs, so the chart always agrees with the tables beside it.
public struct ResultChart: AxisSharing {
    public enum Settings: Sendable, Hashable {
        /// Numeric values of the setting; log axes suit learning and regularization rates.
        case numeric([Double], logarithmic: Bool)
        /// Named values (relu, sigmoid, tanh; [2], [4], [3,3]) in the given order.
        case categorical([String])

        var count: Int {
            switch self {
            case .numeric(let values, _): return values.count
            case .categorical(let names): return names.count
            }
        }
    }

    /// The outcome for one value of the setting.
    public struct Result: Sendable, Hashable {
        /// Index into the chart's settings.
        public var setting: Int
        /// The median over seeds; `nil` when the median run did not reach the target.
        public var median: Double?
        /// Lowest and highest value over the seeds that have one.
        public var range: ClosedRange<Double>?
        /// Runs that did not reach the target within the budget.
        public var censored: Int
        /// All runs (seeds) of this setting.
        public var runs: Int

        public init(setting: Int, median: Double?, range: ClosedRange<Double>? = nil, censored: Int = 0, runs: Int = 1) {
            self.setting = setting
            self.median = median
            self.range = range
            self.censored = censored
            self.runs = runs
        }
    }

    public struct Series: Sendable, Hashable {
        /// Printed as given in the legend (e.g. "hidden = [4]"); `nil` for a single unnamed series.
        public var label: String?
        public var results: [Result]

        public init(label: String? = nil, results: [Result]) {
            self.label = label
            self.results = results
        }
    }

    public var settings: Settings
    public var series: [Series]
    public var title: String?
    /// The setting's name, e.g. "learning rate".
    public var xAxisTitle: String
    /// The metric, e.g. "epochs to test loss ≤ 0.02".
    public var yAxisTitle: String
    public var logarithmicY: Bool
    /// Whether a linear y axis starts at 0 (true for epochs and losses; false for accuracies near 1).
    public var yIncludesZero: Bool
    /// The label of the row for runs that did not reach the target.
    public var censoredLabel: String
    /// What the dot is, for the legend, e.g. "median of 5 seeds".
    public var medianDescription: String
    /// Fixes the x range of numeric settings; `nil` fits the values.
    public var xDomain: ClosedRange<Double>?
    public var yDomain: ClosedRange<Double>?
    public var size: Size
    public var theme: ChartTheme

    public init(
        settings: Settings, series: [Series], title: String? = nil, xAxisTitle: String, yAxisTitle: String,
        logarithmicY: Bool = false, yIncludesZero: Bool = true, censoredLabel: String = "not reached",
        medianDescription: String = "median", xDomain: ClosedRange<Double>? = nil,
        yDomain: ClosedRange<Double>? = nil, size: Size = Size(width: 480, height: 320),
        theme: ChartTheme = .standard
    ) {
        self.settings = settings
        self.series = series
        self.title = title
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.logarithmicY = logarithmicY
        self.yIncludesZero = yIncludesZero
        self.censoredLabel = censoredLabel
        self.medianDescription = medianDescription
        self.xDomain = xDomain
        self.yDomain = yDomain
        self.size = size
        self.theme = theme
    }

    /// One series' results against a setting.
    public init(
        settings: Settings, results: [Result], title: String? = nil, xAxisTitle: String, yAxisTitle: String,
        logarithmicY: Bool = false, size: Size = Size(width: 480, height: 320)
    ) {
        self.init(
            settings: settings, series: [Series(results: results)], title: title, xAxisTitle: xAxisTitle,
            yAxisTitle: yAxisTitle, logarithmicY: logarithmicY, size: size)
    }

    // MARK: - Scales

    public var dataExtent: DataExtent {
        var x: ClosedRange<Double>?
        if case .numeric(let values, let logarithmic) = settings {
            x = DataExtent.range(of: values.filter { !logarithmic || $0 > 0 })
        }
        let ys = series.flatMap { $0.results.flatMap { [$0.median, $0.range?.lowerBound, $0.range?.upperBound] } }
            .compactMap { $0 }.filter { !logarithmicY || $0 > 0 }
        return DataExtent(x: x, y: DataExtent.range(of: ys))
    }

    private var hasCensored: Bool { series.contains { $0.results.contains { $0.censored > 0 || $0.median == nil } } }

    /// x in data units for setting `index`: the value itself, or `index` for categories.
    func xValue(_ index: Int) -> Double? {
        switch settings {
        case .numeric(let values, _): return values.indices.contains(index) ? values[index] : nil
        case .categorical(let names): return names.indices.contains(index) ? Double(index) : nil
        }
    }

    private var xAxis: (AxisScale, [Tick]) {
        switch settings {
        case .categorical(let names):
            let ticks = names.enumerated().map { Tick(value: Double($0.offset), label: $0.element) }
            return (AxisScale(lower: -0.5, upper: Double(max(1, names.count)) - 0.5), ticks)
        case .numeric(let values, let logarithmic):
            let shown = values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
            let ticks = shown.map { Tick(value: $0, label: NumberFormatting.shortest($0)) }
            let range = xDomain ?? dataExtent.x ?? (logarithmic ? 0.1...1 : 0...1)
            if logarithmic {
                let low = log10Of(range.lowerBound), high = log10Of(range.upperBound)
                let pad = high > low ? (high - low) * 0.08 : 0.5
                return (AxisScale(kind: .logarithmic, lower: pow10(low - pad), upper: pow10(high + pad)), ticks)
            }
            let pad =
                range.upperBound > range.lowerBound
                ? (range.upperBound - range.lowerBound) * 0.08
                : max(0.5, abs(range.lowerBound) * 0.5)
            return (AxisScale(lower: range.lowerBound - pad, upper: range.upperBound + pad), ticks)
        }
    }

    private func axes(measuring metrics: some TextMeasuring) -> CartesianAxes {
        let (xScale, xTicks) = xAxis
        let y = yDomain ?? dataExtent.y
        let (yScale, yTicks): (AxisScale, [Tick])
        if logarithmicY {
            (yScale, yTicks) = NiceTicks.logarithmic(lower: y?.lowerBound ?? 0.01, upper: y?.upperBound ?? 1)
        } else {
            let lower = yIncludesZero ? min(0, y?.lowerBound ?? 0) : (y?.lowerBound ?? 0)
            (yScale, yTicks) = NiceTicks.linear(lower: lower, upper: y?.upperBound ?? 1, targetCount: 5)
        }
        var axes = CartesianAxes(
            xScale: xScale, yScale: yScale, xTicks: xTicks, yTicks: yTicks, xTitle: xAxisTitle,
            yTitle: yAxisTitle, theme: theme, showsGrid: true)
        if hasCensored { axes.minimumYLabelWidth = metrics.measure(censoredLabel, style: theme.tickLabelStyle).width }
        return axes
    }

    // MARK: - Layout

    private var seriesCount: Int { series.count }

    private func color(_ index: Int) -> Color { seriesCount > 1 ? SeriesPalette.color(index) : Color(hex: 0x0072b2) }

    private var legend: Legend {
        var entries: [LegendEntry] = []
        if seriesCount > 1 {
            for (index, series) in series.enumerated() {
                entries.append(
                    LegendEntry(
                        label: series.label ?? "series \(index + 1)",
                        sample: .line(SeriesPalette.stroke(index, width: 2))))
            }
        }
        let neutral = seriesCount > 1 ? Color(hex: 0x555555) : color(0)
        entries.append(
            LegendEntry(
                label: medianDescription,
                sample: .marker(
                    PointMarker(
                        shape: .circle, radius: 4, fill: neutral,
                        outline: StrokeStyle(color: .white, width: 1)))))
        if series.contains(where: { $0.results.contains { $0.range != nil } }) {
            entries.append(LegendEntry(label: "min–max over seeds", sample: .range(neutral)))
        }
        if hasCensored {
            entries.append(
                LegendEntry(
                    label: "k/n: seeds \(censoredLabel)",
                    sample: .marker(triangle(neutral, filled: false))))
        }
        if series.contains(where: { $0.results.contains { $0.median == nil } }) {
            entries.append(LegendEntry(label: "median \(censoredLabel)", sample: .marker(triangle(neutral, filled: true))))
        }
        return Legend(entries: entries, style: theme.legendStyle)
    }

    /// Open: some runs did not reach the target; filled: the median run did not either.
    private func triangle(_ color: Color, filled: Bool) -> PointMarker {
        PointMarker(
            shape: .triangleDown, radius: 4.5, fill: filled ? color : .white,
            outline: StrokeStyle(color: color, width: 1.5))
    }

    private struct Layout {
        var frame: TitledFrame
        var legendRect: Rect
        var geometry: PlotGeometry
        var censoredRow: Rect?
    }

    private func layout(measuring metrics: some TextMeasuring) -> Layout {
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: metrics)
        let (legendRect, belowLegend) = legend.placedAbove(in: frame.content, gap: 4, measuring: metrics)
        // Several series: each triangle gets its count under it, so the row holds two lines.
        let line = metrics.measure("Hg", style: theme.tickLabelStyle).height
        let rowHeight = hasCensored ? (seriesCount > 1 ? line + 28 : line + 16) : 0
        let content = belowLegend.inset(top: rowHeight)
        let geometry = axes(measuring: metrics).geometry(in: content, measuring: metrics)
        let row =
            hasCensored
            ? Rect(
                x: geometry.plotRect.minX, y: geometry.plotRect.minY - rowHeight, width: geometry.plotRect.width,
                height: rowHeight - 6)
            : nil
        return Layout(frame: frame, legendRect: legendRect, geometry: geometry, censoredRow: row)
    }

    public func geometry(measuring metrics: some TextMeasuring) -> PlotGeometry { layout(measuring: metrics).geometry }

    /// Canvas x of setting `index` in series `seriesIndex`: series side by side around the value.
    public func canvasX(setting index: Int, series seriesIndex: Int, geometry: PlotGeometry) -> Double? {
        guard let value = xValue(index), let x = geometry.positionIfDrawable(x: value, y: geometry.yScale.lower)?.x
        else { return nil }
        guard seriesCount > 1 else { return x }
        // Wide enough apart for a triangle and its "k/n" count each.
        let step = min(26, geometry.plotRect.width / Double(max(1, settings.count)) / Double(seriesCount + 1))
        return x + (Double(seriesIndex) - Double(seriesCount - 1) / 2) * step
    }

    // MARK: - Drawing

    /// Canvas y of a metric value; `nil` where the scale cannot show it (≤ 0 on a log axis).
    private func canvasY(_ value: Double, _ geometry: PlotGeometry) -> Double? {
        let y = geometry.canvasY(value)
        return value.isFinite && y.isFinite ? y : nil
    }

    public func draw<C: Canvas>(on canvas: inout C) {
        fillBackground(theme.background, on: &canvas)
        let layout = self.layout(measuring: canvas)
        let geometry = layout.geometry
        let plot = geometry.plotRect
        let axes = self.axes(measuring: canvas)
        axes.drawBackground(geometry, on: &canvas)
        if let row = layout.censoredRow { drawCensoredRowFrame(row, on: &canvas) }

        canvas.save()
        canvas.clip(to: plot.insetBy(dx: -6, dy: -1))
        for (index, series) in series.enumerated() { drawRanges(series, index: index, geometry: geometry, on: &canvas) }
        for (index, series) in series.enumerated() { drawMedians(series, index: index, geometry: geometry, on: &canvas) }
        canvas.restore()
        if let row = layout.censoredRow { drawCensored(in: row, geometry: geometry, on: &canvas) }

        axes.drawAxes(geometry, frame: layout.frame.content, on: &canvas)
        legend.draw(in: layout.legendRect, on: &canvas)
        layout.frame.drawTitle(on: &canvas)
    }

    private func ordered(_ series: Series) -> [Result] {
        series.results.filter { xValue($0.setting) != nil }.sorted { xValue($0.setting)! < xValue($1.setting)! }
    }

    private func drawRanges<C: Canvas>(_ series: Series, index: Int, geometry: PlotGeometry, on canvas: inout C) {
        let color = self.color(index)
        let results = ordered(series)
        if case .numeric = settings {
            // A light band between consecutive ranges.
            var run: [(Double, ClosedRange<Double>)] = []
            func flush() {
                defer { run = [] }
                guard run.count > 1 else { return }
                var path = Path()
                let top = run.compactMap { x, r in canvasY(r.upperBound, geometry).map { Point(x: x, y: $0) } }
                let bottom = run.reversed().compactMap { x, r in
                    canvasY(r.lowerBound, geometry).map { Point(x: x, y: $0) }
                }
                guard top.count == run.count, bottom.count == run.count else { return }
                for (i, point) in (top + bottom).enumerated() { i == 0 ? path.move(to: point) : path.line(to: point) }
                path.close()
                canvas.fill(path, with: color.withAlpha(seriesCount > 1 ? 0.08 : 0.14))
            }
            for result in results {
                if let range = result.range, let x = canvasX(setting: result.setting, series: index, geometry: geometry) {
                    run.append((x, range))
                } else {
                    flush()
                }
            }
            flush()
        }
        let whisker = StrokeStyle(color: color, width: 1.5)
        for result in results {
            guard let range = result.range, let x = canvasX(setting: result.setting, series: index, geometry: geometry),
                let low = canvasY(range.lowerBound, geometry),
                let high = canvasY(range.upperBound, geometry)
            else { continue }
            canvas.stroke(.line(from: Point(x: x, y: low), to: Point(x: x, y: high)), with: whisker)
            for y in [low, high] {
                canvas.stroke(.line(from: Point(x: x - 4, y: y), to: Point(x: x + 4, y: y)), with: whisker)
            }
        }
    }

    private func drawMedians<C: Canvas>(_ series: Series, index: Int, geometry: PlotGeometry, on canvas: inout C) {
        let color = self.color(index)
        var points: [Point?] = []
        for result in ordered(series) {
            guard let median = result.median, let x = canvasX(setting: result.setting, series: index, geometry: geometry),
                let y = canvasY(median, geometry)
            else { points.append(nil); continue }
            points.append(Point(x: x, y: y))
        }
        if case .numeric = settings {
            canvas.stroke(
                .polyline(points),
                with: seriesCount > 1
                    ? SeriesPalette.stroke(index, width: 2)
                    : StrokeStyle(color: color, width: 2, lineJoin: .round))
        }
        let marker = PointMarker(shape: .circle, radius: 4, fill: color, outline: StrokeStyle(color: .white, width: 1))
        for point in points.compactMap({ $0 }) { marker.draw(at: point, on: &canvas) }
    }

    private func drawCensoredRowFrame<C: Canvas>(_ row: Rect, on canvas: inout C) {
        canvas.fill(row, with: Color(hex: 0xf4f4f4))
        canvas.drawText(
            censoredLabel, at: Point(x: row.minX - theme.tickLength - 3, y: row.midY),
            style: theme.tickLabelStyle, anchor: .trailing)
    }

    /// Open triangles where runs did not reach the target, with "k/n" beside them where there is room.
    private func drawCensored<C: Canvas>(in row: Rect, geometry: PlotGeometry, on canvas: inout C) {
        var placer = LabelPlacer(bounds: row.insetBy(dx: -2, dy: -1))
        var triangles: [(Point, PointMarker, String)] = []
        for (index, series) in series.enumerated() {
            for result in series.results where result.censored > 0 || result.median == nil {
                guard let x = canvasX(setting: result.setting, series: index, geometry: geometry) else { continue }
                let point = Point(x: x, y: seriesCount > 1 ? row.minY + 9 : row.midY)
                triangles.append(
                    (
                        point, triangle(color(index), filled: result.median == nil),
                        "\(result.censored)/\(result.runs)"
                    ))
                placer.occupied.append(Rect(x: x - 6, y: point.y - 6, width: 12, height: 12))
            }
        }
        let style = TextStyle(size: theme.tickLabelStyle.size, color: Color(hex: 0x333333))
        for (point, marker, text) in triangles {
            marker.draw(at: point, on: &canvas)
            let extents = canvas.measure(text, style: style)
            let top = row.midY - extents.height / 2
            let candidates =
                seriesCount > 1
                ? [Rect(x: point.x - extents.width / 2, y: point.y + 7, width: extents.width, height: extents.height)]
                : [
                    Rect(x: point.x + 7, y: top, width: extents.width, height: extents.height),
                    Rect(x: point.x - 7 - extents.width, y: top, width: extents.width, height: extents.height),
                ]
            guard let box = placer.place(candidates) else { continue }
            canvas.drawText(text, at: Point(x: box.minX, y: box.minY), style: style, anchor: .topLeading)
        }
    }
}

@inline(__always) private func pow10(_ exponent: Double) -> Double { powerOf10Fractional(exponent) }
