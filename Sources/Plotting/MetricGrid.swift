/// A two-setting sweep as a table of coloured cells ("heat table"): rows = one setting, columns =
/// the other, each cell coloured by a metric on a sequential palette and showing the number as
/// the caller formatted it (so it matches the results table), in black or white, whichever
/// contrasts more. Cells without a value ("not reached") are light grey. A colour bar under the
/// grid gives the scale.
public struct MetricGrid: Figure {
    public struct Cell: Sendable, Hashable {
        /// The value that sets the colour; `nil` for no value (drawn grey).
        public var value: Double?
        /// The text in the cell, printed as given ("212", "0.018", "not reached").
        public var label: String
        /// Drawn bold with a dark outline, e.g. the best combination.
        public var isEmphasised: Bool

        public init(value: Double?, label: String, isEmphasised: Bool = false) {
            self.value = value
            self.label = label
            self.isEmphasised = isEmphasised
        }
    }

    public enum Shading: Sendable, Hashable {
        /// Larger values darker (e.g. accuracy).
        case higherIsDarker
        /// Smaller values darker (e.g. epochs to target or loss, where small is good).
        case lowerIsDarker
    }

    /// `cells[row][column]`.
    public var cells: [[Cell]]
    public var rowHeaders: [String]
    public var columnHeaders: [String]
    /// The row setting's name, printed above the row headers (e.g. "activation").
    public var rowTitle: String?
    /// The column setting's name, printed above the column headers (e.g. "hidden layers").
    public var columnTitle: String?
    /// What the colour shows, printed by the colour bar (e.g. "median epochs to test loss ≤ 0.02").
    public var metricName: String
    public var shading: Shading
    public var logarithmic: Bool
    /// Fixes the colour scale's range; `nil` fits the values.
    public var valueRange: ClosedRange<Double>?
    public var palette: SequentialPalette
    public var title: String?
    public var size: Size
    public var theme: ChartTheme

    public init(
        cells: [[Cell]], rowHeaders: [String], columnHeaders: [String], rowTitle: String? = nil,
        columnTitle: String? = nil, metricName: String, shading: Shading = .higherIsDarker,
        logarithmic: Bool = false, valueRange: ClosedRange<Double>? = nil,
        palette: SequentialPalette = .yellowGreenBlue, title: String? = nil, cellSize: Size = Size(width: 92, height: 40),
        theme: ChartTheme = .standard
    ) {
        self.cells = cells
        self.rowHeaders = rowHeaders
        self.columnHeaders = columnHeaders
        self.rowTitle = rowTitle
        self.columnTitle = columnTitle
        self.metricName = metricName
        self.shading = shading
        self.logarithmic = logarithmic
        self.valueRange = valueRange
        self.palette = palette
        self.title = title
        self.theme = theme
        self.size = Size(width: 0, height: 0)
        self.size = naturalSize(cellSize: cellSize, measuring: ApproximateFontMetrics())
    }

    var columnCount: Int { max(columnHeaders.count, cells.map(\.count).max() ?? 0) }
    var rowCount: Int { max(rowHeaders.count, cells.count) }
    var headerStyle: TextStyle { TextStyle(size: 12, weight: .bold, color: Color(hex: 0x333333)) }
    var settingStyle: TextStyle { TextStyle(size: 11.5, color: Color(hex: 0x555555)) }
    var cellStyle: TextStyle { TextStyle(size: 12.5, color: .black) }
    static let missingColor = Color(hex: 0xeeeeee)
    static let colorBarHeight = 12.0

    private func rowHeaderWidth(_ metrics: some TextMeasuring) -> Double {
        let widest = rowHeaders.map { metrics.measure($0, style: headerStyle).width }.max() ?? 0
        let title = rowTitle.map { metrics.measure($0, style: settingStyle).width } ?? 0
        return max(widest, title) + 12
    }

    private func headerHeight(_ metrics: some TextMeasuring) -> Double {
        let line = metrics.measure("Hg", style: headerStyle).height + 6
        return (columnTitle == nil && rowTitle == nil ? 0 : line) + (columnHeaders.isEmpty ? 0 : line)
    }

    private func legendHeight(_ metrics: some TextMeasuring) -> Double {
        12 + Self.colorBarHeight + 3 + metrics.measure("0", style: theme.tickLabelStyle).height
            + 4 + metrics.measure("Hg", style: theme.legendStyle).height
    }

    private func naturalSize(cellSize: Size, measuring metrics: some TextMeasuring) -> Size {
        let widestLabel = cells.flatMap { $0.map { metrics.measure($0.label, style: cellStyle).width } }.max() ?? 0
        let widestHeader = columnHeaders.map { metrics.measure($0, style: headerStyle).width }.max() ?? 0
        let cellWidth = max(cellSize.width, widestLabel + 16, widestHeader + 12)
        let gridWidth = rowHeaderWidth(metrics) + Double(columnCount) * cellWidth
        let metricWidth = metrics.measure(metricName, style: theme.legendStyle).width
        let titleHeight = title.map { _ in metrics.measure("Hg", style: theme.titleStyle).height * 1.1 + 6 } ?? 0
        let width = max(gridWidth, metricWidth, 240) + 2 * theme.padding
        let height =
            titleHeight + headerHeight(metrics) + Double(rowCount) * cellSize.height + legendHeight(metrics)
            + 2 * theme.padding
        return Size(width: width.rounded(.up), height: height.rounded(.up))
    }

    /// Colour-scale range: the given one, or the finite values' range (positive ones on a log scale).
    public var resolvedRange: ClosedRange<Double>? {
        valueRange ?? DataExtent.range(of: cells.flatMap { $0.compactMap(\.value) }.filter { !logarithmic || $0 > 0 })
    }

    /// The fill of a cell with `value`.
    public func fill(for value: Double?) -> Color {
        guard let value, value.isFinite, let range = resolvedRange else { return Self.missingColor }
        var t: Double
        if logarithmic {
            guard value > 0, range.lowerBound > 0 else { return Self.missingColor }
            let (low, high) = (log10Of(range.lowerBound), log10Of(range.upperBound))
            t = high > low ? (log10Of(value) - low) / (high - low) : 0.5
        } else {
            t = range.upperBound > range.lowerBound ? (value - range.lowerBound) / (range.upperBound - range.lowerBound) : 0.5
        }
        if shading == .lowerIsDarker { t = 1 - t }
        // The ends of the ramp are kept off pure white and the darkest navy, so every cell is a colour.
        return palette.color(at: 0.08 + 0.84 * max(0, min(1, t)))
    }

    /// The grid's cell rectangles, `[row][column]`.
    public func cellRects(measuring metrics: some TextMeasuring) -> [[Rect]] {
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: metrics)
        let left = frame.content.minX + rowHeaderWidth(metrics)
        let top = frame.content.minY + headerHeight(metrics)
        let width = max(0, frame.content.maxX - left) / Double(max(1, columnCount))
        let height = max(0, frame.content.maxY - legendHeight(metrics) - top) / Double(max(1, rowCount))
        return (0..<rowCount).map { row in
            (0..<columnCount).map { column in
                Rect(
                    x: (left + Double(column) * width).rounded(), y: (top + Double(row) * height).rounded(),
                    width: width.rounded(.down), height: height.rounded(.down))
            }
        }
    }

    public func draw<C: Canvas>(on canvas: inout C) {
        fillBackground(theme.background, on: &canvas)
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: canvas)
        let rects = cellRects(measuring: canvas)
        guard let firstRow = rects.first, let first = firstRow.first, let last = firstRow.last else {
            frame.drawTitle(on: &canvas)
            return
        }
        var emphasised: [Rect] = []
        for (row, rowRects) in rects.enumerated() {
            for (column, rect) in rowRects.enumerated() {
                let cell = row < cells.count && column < cells[row].count ? cells[row][column] : nil
                let color = fill(for: cell?.value)
                canvas.fill(rect, with: color)
                canvas.stroke(.rect(rect), with: StrokeStyle(color: .white, width: 1.5))
                guard let cell else { continue }
                var style = cellStyle
                style.color = cell.value == nil ? Color(hex: 0x555555) : SequentialPalette.textColor(on: color)
                if cell.isEmphasised {
                    style.weight = .bold
                    emphasised.append(rect.insetBy(dx: 1.5, dy: 1.5))
                }
                let fitted = FittedText.fit(
                    cell.label, style: style, maxWidth: rect.width - 8, maximumLines: 1,
                    measuring: canvas)
                canvas.drawText(fitted.lines.first ?? "", at: rect.center, style: fitted.style, anchor: .center)
            }
        }
        for rect in emphasised { canvas.stroke(.rect(rect), with: StrokeStyle(color: Color(hex: 0x111111), width: 2)) }

        let lineHeight = canvas.measure("Hg", style: headerStyle).height + 6
        for (column, header) in columnHeaders.enumerated() where column < firstRow.count {
            let rect = firstRow[column]
            let fitted = FittedText.fit(
                header, style: headerStyle, maxWidth: rect.width - 4, maximumLines: 1,
                measuring: canvas)
            canvas.drawText(
                fitted.lines.first ?? "", at: Point(x: rect.midX, y: rect.minY - 4), style: fitted.style,
                anchor: .bottom)
        }
        let titleY = first.minY - (columnHeaders.isEmpty ? 0 : lineHeight) - 4
        if let columnTitle {
            let span = Rect(x: first.minX, y: 0, width: last.maxX - first.minX, height: 0)
            let fitted = FittedText.fit(
                columnTitle, style: settingStyle, maxWidth: span.width, maximumLines: 1,
                measuring: canvas)
            canvas.drawText(
                fitted.lines.first ?? "", at: Point(x: span.midX, y: titleY), style: fitted.style,
                anchor: .bottom)
        }
        if let rowTitle {
            canvas.drawText(
                rowTitle, at: Point(x: frame.content.minX, y: first.minY - 4), style: settingStyle,
                anchor: .bottomLeading)
        }
        for (row, header) in rowHeaders.enumerated() where row < rects.count {
            let rect = rects[row][0]
            canvas.drawText(header, at: Point(x: rect.minX - 8, y: rect.midY), style: headerStyle, anchor: .trailing)
        }
        let gridBottom = rects.last?.first?.maxY ?? first.maxY
        drawColorBar(below: gridBottom, from: first.minX, to: last.maxX, in: frame.content, on: &canvas)
        frame.drawTitle(on: &canvas)
    }

    /// The scale: a bar of the palette with ticks and the metric's name under it.
    private func drawColorBar<C: Canvas>(
        below top: Double, from left: Double, to right: Double, in content: Rect,
        on canvas: inout C
    ) {
        guard let range = resolvedRange else { return }
        let width = min(280, max(120, right - left))
        let bar = Rect(
            x: ((left + right) / 2 - width / 2).rounded(), y: (top + 12).rounded(), width: width,
            height: Self.colorBarHeight)
        let steps = 64
        let colors = (0..<steps).map { step -> Color in
            let t = Double(step) / Double(steps - 1)
            return fill(for: value(at: t, in: range))
        }
        canvas.drawCells(PixelGrid(width: steps, height: 1, pixels: colors), in: bar)
        canvas.stroke(.rect(bar), with: StrokeStyle(color: theme.frameColor, width: 0.5))
        let ticks =
            logarithmic
            ? NiceTicks.logarithmic(lower: range.lowerBound, upper: range.upperBound).1
            : NiceTicks.linear(lower: range.lowerBound, upper: range.upperBound, targetCount: 4).1
        var shown = ticks.filter { $0.value >= range.lowerBound - 1e-12 && $0.value <= range.upperBound + 1e-12 }
        if shown.count < 2 {
            shown = [
                Tick(value: range.lowerBound, label: NumberFormatting.shortest(range.lowerBound, maximumDigits: 3)),
                Tick(value: range.upperBound, label: NumberFormatting.shortest(range.upperBound, maximumDigits: 3)),
            ]
        }
        var lastRight = -Double.infinity
        for tick in shown {
            let t = fraction(of: tick.value, in: range)
            let x = bar.minX + t * bar.width
            canvas.stroke(
                .line(from: Point(x: x, y: bar.maxY), to: Point(x: x, y: bar.maxY + 3)),
                with: StrokeStyle(color: theme.frameColor, width: 1))
            let labelWidth = canvas.measure(tick.label, style: theme.tickLabelStyle).width
            guard x - labelWidth / 2 > lastRight + 4 else { continue }
            canvas.drawText(tick.label, at: Point(x: x, y: bar.maxY + 3), style: theme.tickLabelStyle, anchor: .top)
            lastRight = x + labelWidth / 2
        }
        let captionY = bar.maxY + 3 + canvas.measure("0", style: theme.tickLabelStyle).height + 4
        let fitted = FittedText.fit(
            metricName, style: theme.legendStyle, maxWidth: content.width, maximumLines: 1,
            measuring: canvas)
        fitted.draw(on: &canvas, centerX: bar.midX, top: captionY)
    }

    /// Position 0…1 of `value` along the colour bar (left = low values).
    private func fraction(of value: Double, in range: ClosedRange<Double>) -> Double {
        if logarithmic {
            let (low, high) = (log10Of(range.lowerBound), log10Of(range.upperBound))
            return high > low ? (log10Of(value) - low) / (high - low) : 0.5
        }
        return range.upperBound > range.lowerBound ? (value - range.lowerBound) / (range.upperBound - range.lowerBound) : 0.5
    }

    private func value(at t: Double, in range: ClosedRange<Double>) -> Double {
        if logarithmic {
            let (low, high) = (log10Of(range.lowerBound), log10Of(range.upperBound))
            return powerOf10Fractional(low + t * (high - low))
        }
        return range.lowerBound + t * (range.upperBound - range.lowerBound)
    }
}
