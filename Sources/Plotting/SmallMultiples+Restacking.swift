/// A grid laid out again with fewer columns, so that its panels keep their size (and their
/// text its 11 px) on a narrower screen or page: a phone gets the panels one under another, a
/// projector or a printed page a grid no wider than it can show at full size.
extension SmallMultiples {
    /// The size every panel's figure was made at (the cell it is drawn into has that size).
    public var panelSize: Size? {
        panels.first { !($0.figure is EmptyPanel) }?.figure.size
    }

    /// The same panels in `columns` columns. A grid's row and column headers no longer line up
    /// with its cells, so they move into each panel's caption ("seed = 2 · epoch 100 · …"),
    /// which may wrap onto two lines; each former row starts a new row of its own, so a
    /// timeline's combinations never share one; empty cells are dropped. The legend and the
    /// title stay. Asking for as many columns as the grid has returns it unchanged.
    public func restacked(columns newColumns: Int) -> SmallMultiples {
        let newColumns = max(1, newColumns)
        guard newColumns < columns, let panelSize else { return self }
        let hasHeaders = !rowHeaders.isEmpty || !columnHeaders.isEmpty
        var cells: [Panel] = []
        for row in 0..<rows {
            var line: [Panel] = []
            for column in 0..<columns {
                let index = row * columns + column
                guard index < panels.count, !(panels[index].figure is EmptyPanel) else { continue }
                let parts = [
                    row < rowHeaders.count ? rowHeaders[row] : nil,
                    column < columnHeaders.count ? columnHeaders[column] : nil,
                    panels[index].title,
                ].compactMap { $0 }
                line.append(Panel(title: parts.isEmpty ? nil : parts.joined(separator: " · "), figure: panels[index].figure))
            }
            // A former row that does not fill its last new row is padded, so the next starts afresh.
            if hasHeaders, line.count % newColumns != 0 {
                line += Array(repeating: Panel(figure: EmptyPanel(size: panelSize)), count: newColumns - line.count % newColumns)
            }
            cells += line
        }
        while let last = cells.last, last.figure is EmptyPanel { cells.removeLast() }
        var grid = SmallMultiples(
            panels: cells, columns: newColumns, panelSize: panelSize, title: title, spacing: spacing, theme: theme,
            captionLines: hasHeaders ? 2 : captionLines)
        if !legend.isEmpty { grid = grid.withLegend(legend) }
        return grid
    }

    /// The grid no wider than `maxWidth`, with as many columns as can be kept: for each
    /// column count from its own down, the panels drawn up to ``largestShrink`` narrower (text
    /// keeps its size, only the plots shrink) when that is enough; one column when nothing is.
    /// Fewer, taller rows cost paper and scrolling, so columns are kept before panel size.
    public func fitting(maxWidth: Double) -> SmallMultiples {
        guard size.width > maxWidth, panelSize != nil else { return self }
        for candidate in stride(from: columns, through: 1, by: -1) {
            let grid = restacked(columns: candidate)
            guard let panel = grid.panelSize else { continue }
            if grid.size.width <= maxWidth { return grid }
            let margins = grid.size.width - Double(candidate) * panel.width
            let shrunkWidth = ((maxWidth - margins) / Double(candidate)).rounded(.down)
            if shrunkWidth >= panel.width * (1 - Self.largestShrink) { return grid.resized(panelWidth: shrunkWidth) }
        }
        return restacked(columns: 1)
    }

    /// How much narrower (a fraction) ``fitting(maxWidth:)`` may draw panels to keep a column.
    public static let largestShrink = 0.25

    /// The same grid with every panel `panelWidth` wide and its height scaled alike. A caption
    /// that no longer fits on one line ("epoch 2191 · train 0.018 · test 0.020") gets a second
    /// rather than an ellipsis.
    func resized(panelWidth: Double) -> SmallMultiples {
        guard let panelSize, panelSize.width > 0 else { return self }
        let size = Size(width: panelWidth, height: (panelSize.height * panelWidth / panelSize.width).rounded(.down))
        var cells = panels
        for index in cells.indices { cells[index].figure.size = size }
        let metrics = ApproximateFontMetrics()
        let wraps = cells.contains { panel in
            panel.title.map { metrics.measure($0, style: captionStyle).width > panelWidth } ?? false
        }
        var grid = SmallMultiples(
            panels: cells, columns: columns, panelSize: size, title: title, columnHeaders: columnHeaders,
            rowHeaders: rowHeaders, spacing: spacing, theme: theme, captionLines: wraps ? max(captionLines, 2) : captionLines)
        if !legend.isEmpty { grid = grid.withLegend(legend) }
        return grid
    }
}
