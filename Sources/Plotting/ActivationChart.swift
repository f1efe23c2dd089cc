/// Activation functions f and their derivatives f′ from sampled values: f solid, f′ dashed.
/// Either one panel per function (shared y range, so shapes compare) or all in one panel, each
/// function in its own colour and marker.
public struct ActivationChart: Figure {
    public struct Function: Sendable, Hashable {
        public var name: String
        public var x: [Double]
        public var values: [Double]
        /// f′ at the same `x`; optional.
        public var derivative: [Double]?

        public init(name: String, x: [Double], values: [Double], derivative: [Double]? = nil) {
            precondition(
                x.count == values.count && (derivative?.count ?? x.count) == x.count,
                "an activation curve needs one value (and derivative) per x")
            self.name = name
            self.x = x
            self.values = values
            self.derivative = derivative
        }
    }

    public enum Arrangement: Sendable, Hashable {
        /// All functions in one panel, told apart by colour and marker.
        case overlaid
        /// One panel per function, `columns` per row.
        case panels(columns: Int)
    }

    public var functions: [Function]
    public var arrangement: Arrangement
    public var title: String?
    /// Fixes the y range (values outside are clipped); `nil` fits all curves.
    public var yRange: ClosedRange<Double>?
    public var size: Size
    public var theme: ChartTheme

    public init(
        functions: [Function], arrangement: Arrangement = .panels(columns: 2), title: String? = nil,
        yRange: ClosedRange<Double>? = nil, size: Size = Size(width: 520, height: 360),
        theme: ChartTheme = .standard
    ) {
        self.functions = functions
        self.arrangement = arrangement
        self.title = title
        self.yRange = yRange
        self.size = size
        self.theme = theme
    }

    /// Series colours, all darker than the page and different in lightness from each other.
    static let seriesColors: [Color] = [0x0877bd, 0xd9700a, 0x222222, 0x2e8b57, 0x8e44ad, 0x7f6000].map { Color(hex: $0) }
    static let markerShapes: [PointMarker.Shape] = [.circle, .square, .diamond]

    private func axes(for functions: [Function], yTitle: String?) -> CartesianAxes {
        let xs = self.functions.flatMap(\.x).filter(\.isFinite)
        let ys = self.functions.flatMap { $0.values + ($0.derivative ?? []) }.filter(\.isFinite)
        let (xScale, xTicks) = NiceTicks.linear(lower: xs.min() ?? -1, upper: xs.max() ?? 1, targetCount: 5)
        var (yScale, yTicks) = NiceTicks.linear(
            lower: yRange?.lowerBound ?? ys.min() ?? -1,
            upper: yRange?.upperBound ?? ys.max() ?? 1, targetCount: 4)
        if let yRange {
            // A fixed range is kept exactly; only the ticks inside it remain.
            yScale = AxisScale(lower: yRange.lowerBound, upper: yRange.upperBound)
            yTicks = yTicks.filter { yRange.contains($0.value) }
        }
        var emphasisedX = xTicks, emphasisedY = yTicks
        for index in emphasisedX.indices where emphasisedX[index].value == 0 { emphasisedX[index].isEmphasised = true }
        for index in emphasisedY.indices where emphasisedY[index].value == 0 { emphasisedY[index].isEmphasised = true }
        return CartesianAxes(
            xScale: xScale, yScale: yScale, xTicks: emphasisedX, yTicks: emphasisedY, xTitle: "x",
            yTitle: yTitle, theme: theme, showsGrid: true)
    }

    private func styles(forFunctionAt index: Int, overlaid: Bool) -> (f: StrokeStyle, derivative: StrokeStyle) {
        let color = overlaid ? Self.seriesColors[index % Self.seriesColors.count] : Self.seriesColors[0]
        let derivativeColor = overlaid ? color : Self.seriesColors[1]
        return (
            StrokeStyle(color: color, width: 2, lineJoin: .round),
            StrokeStyle(color: derivativeColor, width: 1.6, dash: [5, 3], lineJoin: .round)
        )
    }

    private var legend: Legend {
        switch arrangement {
        case .overlaid:
            var entries: [LegendEntry] = []
            for (index, function) in functions.enumerated() {
                let styles = self.styles(forFunctionAt: index, overlaid: true)
                entries.append(LegendEntry(label: function.name, sample: .line(styles.f)))
                if function.derivative != nil {
                    entries.append(LegendEntry(label: function.name + "′", sample: .line(styles.derivative)))
                }
            }
            return Legend(entries: entries, style: theme.legendStyle)
        case .panels:
            let styles = self.styles(forFunctionAt: 0, overlaid: false)
            var entries = [LegendEntry(label: "f(x)", sample: .line(styles.f))]
            if functions.contains(where: { $0.derivative != nil }) {
                entries.append(LegendEntry(label: "f′(x)", sample: .line(styles.derivative)))
            }
            return Legend(entries: entries, style: theme.legendStyle)
        }
    }

    public func draw<C: Canvas>(on canvas: inout C) {
        fillBackground(theme.background, on: &canvas)
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: canvas)
        let legend = self.legend
        let (legendRect, content) = legend.placedAbove(in: frame.content, gap: 6, measuring: canvas)
        legend.draw(in: legendRect, on: &canvas)

        switch arrangement {
        case .overlaid:
            drawPanel(functions: Array(functions.enumerated()), caption: nil, overlaid: true, in: content, on: &canvas)
        case .panels(let requestedColumns):
            let columns = max(1, min(requestedColumns, functions.count))
            let rows = (functions.count + columns - 1) / columns
            let gap = 12.0
            let cellWidth = (content.width - gap * Double(columns - 1)) / Double(columns)
            let cellHeight = (content.height - gap * Double(max(0, rows - 1))) / Double(max(1, rows))
            for (index, function) in functions.enumerated() {
                let cell = Rect(
                    x: content.minX + Double(index % columns) * (cellWidth + gap),
                    y: content.minY + Double(index / columns) * (cellHeight + gap),
                    width: cellWidth, height: cellHeight)
                drawPanel(functions: [(index, function)], caption: function.name, overlaid: false, in: cell, on: &canvas)
            }
        }
        frame.drawTitle(on: &canvas)
    }

    private func drawPanel<C: Canvas>(
        functions: [(Int, Function)], caption: String?, overlaid: Bool, in cell: Rect,
        on canvas: inout C
    ) {
        var area = cell
        if let caption {
            let fitted = FittedText.fit(
                caption, style: theme.axisTitleStyle.withSize(11.5), maxWidth: cell.width,
                maximumLines: 1, measuring: canvas)
            var style = fitted.style
            style.weight = .bold
            canvas.drawText(fitted.lines.first ?? "", at: Point(x: cell.midX, y: cell.minY), style: style, anchor: .top)
            area = cell.inset(top: fitted.height + 3)
        }
        let axes = self.axes(for: functions.map(\.1), yTitle: nil)
        let geometry = axes.geometry(in: area, measuring: canvas)
        axes.drawBackground(geometry, on: &canvas)
        canvas.save()
        canvas.clip(to: geometry.plotRect)
        for (index, function) in functions {
            let styles = self.styles(forFunctionAt: index, overlaid: overlaid)
            let curve = zip(function.x, function.values).map { geometry.positionIfDrawable(x: $0.0, y: $0.1) }
            canvas.stroke(.polyline(curve), with: styles.f)
            if let derivative = function.derivative {
                let points = zip(function.x, derivative).map { geometry.positionIfDrawable(x: $0.0, y: $0.1) }
                canvas.stroke(.polyline(points), with: styles.derivative)
            }
        }
        canvas.restore()
        axes.drawAxes(geometry, frame: area, on: &canvas)
    }
}
