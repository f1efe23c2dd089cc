/// A grid of panels, each any figure with its own caption, all cells the same size so panels
/// compare at a glance (e.g. boundary and loss for several learning rates). A two-setting sweep
/// gets labelled rows and columns: a header over each column ("hidden = [4]") and one left of
/// each row, reading upwards ("activation = relu"). Headers and captions are printed as given.
/// Panels keep the size they are given (`panelSize`): the page shows the figure at its natural
/// size, so text inside a panel stays at least 11 px.
public struct SmallMultiples: Figure {
    public struct Panel: Sendable {
        public var title: String?
        public var figure: any Figure

        public init(title: String? = nil, figure: any Figure) {
            self.title = title
            self.figure = figure
        }
    }

    public var panels: [Panel]
    public var columns: Int
    public var title: String?
    /// Headers over the columns, left to right; empty for none.
    public var columnHeaders: [String]
    /// Headers left of the rows, top to bottom; empty for none.
    public var rowHeaders: [String]
    /// One legend for all panels, under the title (panels then leave theirs out, e.g.
    /// `LossChart.showsLegend = false`); empty for none.
    public var legend: [LegendEntry] = []
    public var size: Size
    public var spacing: Double
    public var theme: ChartTheme
    /// Lines a panel's caption may wrap onto (a restacked grid's captions carry the row and
    /// column headers too, see ``restacked(columns:)``).
    public var captionLines = 1

    public init(
        panels: [Panel], columns: Int, title: String? = nil, columnHeaders: [String] = [],
        rowHeaders: [String] = [], size: Size, spacing: Double = 10, theme: ChartTheme = .standard
    ) {
        self.panels = panels
        self.columns = max(1, columns)
        self.title = title
        self.columnHeaders = columnHeaders
        self.rowHeaders = rowHeaders
        self.size = size
        self.spacing = spacing
        self.theme = theme
    }

    /// Sizes the whole figure from the size each panel's figure should get.
    public init(
        panels: [Panel], columns: Int, panelSize: Size, title: String? = nil, columnHeaders: [String] = [],
        rowHeaders: [String] = [], spacing: Double = 10, theme: ChartTheme = .standard, captionLines: Int = 1
    ) {
        let columns = max(1, columns)
        let rows = (panels.count + columns - 1) / columns
        let captionHeight = panels.contains { $0.title != nil } ? Self.captionHeight(lines: captionLines) : 0
        let titleHeight = title == nil ? 0 : 26.0
        let headerHeight = columnHeaders.isEmpty ? 0 : Self.headerBand
        let headerWidth = rowHeaders.isEmpty ? 0 : Self.headerBand
        let width = Double(columns) * panelSize.width + Double(columns - 1) * spacing + 2 * theme.padding + headerWidth
        let height =
            Double(rows) * (panelSize.height + captionHeight) + Double(max(0, rows - 1)) * spacing
            + 2 * theme.padding + titleHeight + headerHeight
        self.init(
            panels: panels, columns: columns, title: title, columnHeaders: columnHeaders, rowHeaders: rowHeaders,
            size: Size(width: width, height: height), spacing: spacing, theme: theme)
        self.captionLines = max(1, captionLines)
    }

    /// A grid for a two-setting sweep: `rows[i][j]` is the panel of row setting i and column
    /// setting j (`nil` leaves the cell empty), with row and column headers.
    public init(
        rows: [[(any Figure)?]], rowHeaders: [String], columnHeaders: [String], panelSize: Size,
        title: String? = nil, spacing: Double = 10, theme: ChartTheme = .standard
    ) {
        let columns = max(1, rows.map(\.count).max() ?? 1, columnHeaders.count)
        var panels: [Panel] = []
        for row in rows {
            for column in 0..<columns {
                let figure = column < row.count ? row[column] : nil
                panels.append(Panel(figure: figure ?? EmptyPanel(size: panelSize)))
            }
        }
        self.init(
            panels: panels, columns: columns, panelSize: panelSize, title: title, columnHeaders: columnHeaders,
            rowHeaders: rowHeaders, spacing: spacing, theme: theme)
    }

    static let captionHeight = 22.0
    /// A caption's band: 22 px for one line (11.5 px bold and its gap), 14 px more per line.
    static func captionHeight(lines: Int) -> Double { captionHeight + 14 * Double(max(0, lines - 1)) }
    /// Room for one line of header text (12.5 px bold) and its gap.
    static let headerBand = 24.0
    var captionStyle: TextStyle { TextStyle(size: 11.5, weight: .bold, color: Color(hex: 0x333333)) }
    var headerStyle: TextStyle { TextStyle(size: 12.5, weight: .bold, color: Color(hex: 0x222222)) }

    public var rows: Int { (panels.count + columns - 1) / columns }

    /// The area the cells share: inside the title and legend, right of the row headers, below
    /// the column headers.
    private func cellArea(measuring metrics: some TextMeasuring) -> Rect {
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: metrics)
        let legendHeight = legendBand(measuring: metrics)
        return frame.content.inset(
            top: legendHeight + (columnHeaders.isEmpty ? 0 : Self.headerBand),
            left: rowHeaders.isEmpty ? 0 : Self.headerBand)
    }

    private func legendBand(measuring metrics: some TextMeasuring) -> Double {
        guard !legend.isEmpty else { return 0 }
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: metrics)
        return Legend(entries: legend, style: theme.legendStyle).height(maxWidth: frame.content.width, measuring: metrics)
            + 6
    }

    /// Grows the figure so the shared legend fits above the panels without shrinking them.
    public func withLegend(_ entries: [LegendEntry]) -> SmallMultiples {
        var copy = self
        copy.legend = entries
        copy.size.height += copy.legendBand(measuring: ApproximateFontMetrics())
        return copy
    }

    /// The cell rectangles (caption plus figure) in panel order.
    public func cellRects(measuring metrics: some TextMeasuring) -> [Rect] {
        let area = cellArea(measuring: metrics)
        let width = (area.width - spacing * Double(columns - 1)) / Double(columns)
        let height = (area.height - spacing * Double(max(0, rows - 1))) / Double(max(1, rows))
        return panels.indices.map { index in
            Rect(
                x: (area.minX + Double(index % columns) * (width + spacing)).rounded(),
                y: (area.minY + Double(index / columns) * (height + spacing)).rounded(),
                width: width.rounded(.down), height: height.rounded(.down))
        }
    }

    public func draw<C: Canvas>(on canvas: inout C) {
        fillBackground(theme.background, on: &canvas)
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: canvas)
        let cells = cellRects(measuring: canvas)
        for (panel, cell) in zip(panels, cells) {
            var top = cell.minY
            if let title = panel.title {
                let fitted = FittedText.fit(
                    title, style: captionStyle, maxWidth: cell.width, maximumLines: captionLines,
                    measuring: canvas)
                fitted.draw(on: &canvas, centerX: cell.midX, top: top)
                // Captions that may wrap take their whole band, so the panels of a row stay level.
                top += (captionLines > 1 ? max(fitted.height, Self.captionHeight(lines: captionLines) - 4) : fitted.height) + 2
            }
            var figure = panel.figure
            figure.size = Size(width: cell.width, height: max(0, cell.maxY - top))
            canvas.save()
            canvas.translate(x: cell.minX, y: top)
            canvas.clip(to: Rect(x: 0, y: 0, width: figure.size.width, height: figure.size.height))
            figure.draw(on: &canvas)
            canvas.restore()
        }
        drawHeaders(cells: cells, on: &canvas)
        if !legend.isEmpty {
            let band = legendBand(measuring: canvas) - 6
            Legend(entries: legend, style: theme.legendStyle)
                .draw(
                    in: Rect(x: frame.content.minX, y: frame.content.minY, width: frame.content.width, height: band),
                    on: &canvas)
        }
        frame.drawTitle(on: &canvas)
    }

    private func drawHeaders<C: Canvas>(cells: [Rect], on canvas: inout C) {
        let area = cellArea(measuring: canvas)
        for (column, header) in columnHeaders.prefix(columns).enumerated() where column < cells.count {
            let cell = cells[column]
            let fitted = FittedText.fit(
                header, style: headerStyle, maxWidth: cell.width, maximumLines: 1,
                measuring: canvas)
            fitted.draw(on: &canvas, centerX: cell.midX, top: area.minY - Self.headerBand + 2)
        }
        for (row, header) in rowHeaders.prefix(rows).enumerated() where row * columns < cells.count {
            let cell = cells[row * columns]
            let fitted = FittedText.fit(
                header, style: headerStyle, maxWidth: cell.height, maximumLines: 1,
                measuring: canvas)
            let x = area.minX - Self.headerBand / 2
            canvas.drawText(
                fitted.lines.first ?? "", at: Point(x: x, y: cell.midY), style: fitted.style,
                anchor: .center, rotation: -Double.pi / 2)
        }
    }
}

/// An empty cell of a grid: a combination that has no figure, or a timeline row that stopped
/// earlier than its neighbours.
public struct EmptyPanel: Figure {
    public var size: Size
    public init(size: Size) { self.size = size }
    public func draw<C: Canvas>(on canvas: inout C) {}
}
