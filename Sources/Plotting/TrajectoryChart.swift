/// Many values followed over the epochs of one run (every weight and bias of a network): thin
/// lines, one colour per group (a layer), biases dashed, with marked epochs as grey verticals
/// labelled at the top. Lines are simplified to what the pixels can show.
public struct TrajectoryChart: Figure {
    public struct Line: Sendable {
        /// `values[e]` = the value after epoch e.
        public var values: [Double]
        /// Index of the group (colour) the line belongs to.
        public var group: Int
        /// Drawn dashed (a bias among weights).
        public var isDashed: Bool

        public init(values: [Double], group: Int, isDashed: Bool = false) {
            self.values = values
            self.group = group
            self.isDashed = isDashed
        }
    }

    public var lines: [Line]
    /// One legend label per group, in group order.
    public var groupLabels: [String]
    /// Epochs marked by a vertical line.
    public var markedEpochs: [Int]
    public var title: String?
    public var xAxisTitle: String
    public var yAxisTitle: String
    public var size: Size
    public var theme: ChartTheme
    /// The axes' ranges when panels share them (nil: this chart's own epochs and values).
    public var lastEpochShown: Int?
    public var valueRange: ClosedRange<Double>?

    public init(
        lines: [Line], groupLabels: [String], markedEpochs: [Int] = [], title: String? = nil,
        xAxisTitle: String = "Epoch", yAxisTitle: String = "Value",
        size: Size = Size(width: 640, height: 380), theme: ChartTheme = .standard
    ) {
        self.lines = lines
        self.groupLabels = groupLabels
        self.markedEpochs = markedEpochs
        self.title = title
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.size = size
        self.theme = theme
    }

    /// The last epoch of any line: with ``lastEpochShown`` unset, the x axis ends there.
    public var lastEpoch: Int { max(1, (lines.map(\.values.count).max() ?? 1) - 1) }

    /// The finite values of every line, with 0 (the axis always shows zero).
    public var valueExtent: ClosedRange<Double> {
        let values = lines.flatMap(\.values).filter(\.isFinite)
        return min(values.min() ?? -1, 0)...max(values.max() ?? 1, 0)
    }

    /// Charts drawn side by side on one epoch axis and one value axis, so a run that stopped
    /// early looks shorter and weights of different runs compare by position. With
    /// `epochs: false` each keeps its own epoch axis (a run that stopped at epoch 184 beside
    /// one of 3000 would be squeezed into 6 % of a shared one) and only the values are shared.
    public static func sharingAxes(_ charts: [TrajectoryChart], epochs shareEpochs: Bool = true) -> [TrajectoryChart] {
        guard let first = charts.first else { return charts }
        let epoch = charts.map(\.lastEpoch).max() ?? first.lastEpoch
        let low = charts.map(\.valueExtent.lowerBound).min() ?? 0
        let high = charts.map(\.valueExtent.upperBound).max() ?? 0
        return charts.map { chart in
            var shared = chart
            if shareEpochs { shared.lastEpochShown = epoch }
            shared.valueRange = low...high
            return shared
        }
    }

    /// The scales of the drawn axes (one for all panels after ``sharingAxes(_:)``).
    public var scales: (x: AxisScale, y: AxisScale) {
        let axes = self.axes
        return (axes.xScale, axes.yScale)
    }

    private var axes: CartesianAxes {
        let extent = valueRange ?? valueExtent
        let low = extent.lowerBound, high = extent.upperBound
        let (xScale, xTicks) = NiceTicks.linear(lower: 0, upper: Double(lastEpochShown ?? lastEpoch))
        let (yScale, yTicks) = NiceTicks.linear(lower: low, upper: high == low ? low + 1 : high)
        let emphasisedY = yTicks.map { Tick(value: $0.value, label: $0.label, isEmphasised: $0.value == 0) }
        return CartesianAxes(
            xScale: xScale, yScale: yScale, xTicks: xTicks, yTicks: emphasisedY, xTitle: xAxisTitle, yTitle: yAxisTitle,
            theme: theme, showsGrid: true)
    }

    private var legend: Legend {
        let entries =
            groupLabels.indices.map {
                LegendEntry(label: groupLabels[$0], sample: .line(SeriesPalette.stroke($0, width: 1.5)))
            } + (lines.contains(where: \.isDashed) ? [LegendEntry(label: "dashed: biases", sample: .none)] : [])
        return Legend(entries: entries, style: theme.legendStyle)
    }

    public func draw<C: Canvas>(on canvas: inout C) {
        fillBackground(theme.background, on: &canvas)
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: canvas)
        let legend = self.legend
        let (legendRect, below) = legend.placedAbove(in: frame.content, gap: 6, measuring: canvas)
        legend.draw(in: legendRect, on: &canvas)
        let axes = self.axes
        let geometry = axes.geometry(in: below, measuring: canvas)
        axes.drawBackground(geometry, on: &canvas)

        canvas.save()
        canvas.clip(to: geometry.plotRect)
        let markStyle = StrokeStyle(color: Color(hex: 0x9a9a9a), width: 1, dash: [3, 3])
        for epoch in markedEpochs {
            var path = Path()
            let x = geometry.canvasX(Double(epoch))
            path.move(to: Point(x: x, y: geometry.plotRect.minY))
            path.line(to: Point(x: x, y: geometry.plotRect.maxY))
            canvas.stroke(path, with: markStyle)
        }
        for line in lines {
            let points = line.values.enumerated().map { geometry.positionIfDrawable(x: Double($0.offset), y: $0.element) }
            var path = Path()
            var drawing = false
            for point in PolylineSimplifier.simplify(points) {
                guard let point else { drawing = false; continue }
                if drawing { path.line(to: point) } else { path.move(to: point) }
                drawing = true
            }
            let color = SeriesPalette.color(line.group)
            canvas.stroke(path, with: StrokeStyle(color: color, width: 1.1, dash: line.isDashed ? [4, 2.5] : []))
        }
        canvas.restore()
        axes.drawAxes(geometry, frame: frame.content, on: &canvas)
        // Labels right to left, leaving out any that would touch the one to its right: log-spaced
        // epochs crowd together near 0 on a linear axis, and the last epoch matters most.
        let labelStyle = TextStyle(size: ChartTheme.minimumTextSize, color: Color(hex: 0x666666))
        var leftEdge = Double.infinity
        for epoch in markedEpochs.sorted().reversed() {
            let x = geometry.canvasX(Double(epoch))
            let width = canvas.measure(String(epoch), style: labelStyle).width
            let labelX = min(x, geometry.plotRect.maxX - width / 2 - 1)
            guard labelX + width / 2 + 3 < leftEdge else { continue }
            canvas.drawText(String(epoch), at: Point(x: labelX, y: geometry.plotRect.minY + 2), style: labelStyle, anchor: .top)
            leftEdge = labelX - width / 2
        }
        frame.drawTitle(on: &canvas)
    }
}
