/// A grid of panels, each any figure with its own caption, all cells the same size so panels
/// compare at a glance (e.g. boundary and loss for several learning rates).
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
    public var size: Size
    public var spacing: Double
    public var theme: ChartTheme

    public init(panels: [Panel], columns: Int, title: String? = nil, size: Size, spacing: Double = 10,
                theme: ChartTheme = .standard) {
        self.panels = panels
        self.columns = max(1, columns)
        self.title = title
        self.size = size
        self.spacing = spacing
        self.theme = theme
    }

    /// Sizes the whole figure from the size each panel's figure should get.
    public init(panels: [Panel], columns: Int, panelSize: Size, title: String? = nil, spacing: Double = 10,
                theme: ChartTheme = .standard) {
        let columns = max(1, columns)
        let rows = (panels.count + columns - 1) / columns
        let captionHeight = panels.contains { $0.title != nil } ? 22.0 : 0
        let titleHeight = title == nil ? 0 : 26.0
        let width = Double(columns) * panelSize.width + Double(columns - 1) * spacing + 2 * theme.padding
        let height = Double(rows) * (panelSize.height + captionHeight) + Double(max(0, rows - 1)) * spacing
            + 2 * theme.padding + titleHeight
        self.init(panels: panels, columns: columns, title: title, size: Size(width: width, height: height),
                  spacing: spacing, theme: theme)
    }

    public var rows: Int { (panels.count + columns - 1) / columns }

    /// The cell rectangles (caption plus figure) in panel order.
    public func cellRects(measuring metrics: some TextMeasuring) -> [Rect] {
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: metrics)
        let area = frame.content
        let width = (area.width - spacing * Double(columns - 1)) / Double(columns)
        let height = (area.height - spacing * Double(max(0, rows - 1))) / Double(max(1, rows))
        return panels.indices.map { index in
            Rect(x: (area.minX + Double(index % columns) * (width + spacing)).rounded(),
                 y: (area.minY + Double(index / columns) * (height + spacing)).rounded(),
                 width: width.rounded(.down), height: height.rounded(.down))
        }
    }

    public func draw<C: Canvas>(on canvas: inout C) {
        fillBackground(theme.background, on: &canvas)
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: canvas)
        let captionStyle = TextStyle(size: 11.5, weight: .bold, color: Color(hex: 0x333333))
        for (panel, cell) in zip(panels, cellRects(measuring: canvas)) {
            var top = cell.minY
            if let title = panel.title {
                let fitted = FittedText.fit(title, style: captionStyle, maxWidth: cell.width, maximumLines: 1,
                                            measuring: canvas)
                fitted.draw(on: &canvas, centerX: cell.midX, top: top)
                top += fitted.height + 2
            }
            var figure = panel.figure
            figure.size = Size(width: cell.width, height: max(0, cell.maxY - top))
            canvas.save()
            canvas.translate(x: cell.minX, y: top)
            canvas.clip(to: Rect(x: 0, y: 0, width: figure.size.width, height: figure.size.height))
            figure.draw(on: &canvas)
            canvas.restore()
        }
        frame.drawTitle(on: &canvas)
    }
}
