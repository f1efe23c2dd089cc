import Plotting
import Testing

/// A grid laid out again for a narrower screen or page keeps every panel at its size, so its
/// text keeps its 11 px (ReadableLayout in the workbook chooses the widths).
@Suite struct RestackingTests {
    let metrics = sharedRenderer.fontMetrics

    @Test func oneColumnStacksEveryPanelAndCarriesTheHeadersIntoTheCaptions() {
        let grid = SampleFigures.sweepGrid()
        let stacked = grid.restacked(columns: 1)
        #expect(stacked.columns == 1 && stacked.panels.count == 9)
        #expect(stacked.rowHeaders.isEmpty && stacked.columnHeaders.isEmpty)
        #expect(stacked.panels[4].title == "activation = sigmoid · hidden = [4]")
        #expect(stacked.size.width < grid.size.width / 2)
        // The legend and the title stay; the text is as large as the grid's.
        #expect(stacked.legend.count == grid.legend.count && stacked.title == grid.title)
        #expect(stacked.smallestTextSize(metrics: metrics) == grid.smallestTextSize(metrics: metrics))
        // Each panel is drawn at the grid's panel size.
        let cells = stacked.cellRects(measuring: metrics)
        #expect(cells.allSatisfy { abs($0.width - 230) <= 1 })
    }

    @Test func aFormerRowStartsANewRowAndEmptyCellsAreDropped() {
        let panel = { (title: String) in SmallMultiples.Panel(title: title, figure: EmptyTestPanel()) }
        // A timeline sweep: the first combination has three snapshots, the second two (and a blank).
        let grid = SmallMultiples(
            panels: [
                panel("a1"), panel("a2"), panel("a3"), panel("b1"), panel("b2"),
                .init(figure: EmptyPanel(size: Size(width: 100, height: 100))),
            ],
            columns: 3, panelSize: Size(width: 100, height: 100), rowHeaders: ["seed 1", "seed 2"])
        let restacked = grid.restacked(columns: 2)
        let titles = restacked.panels.map { $0.figure is EmptyPanel ? "-" : ($0.title ?? "") }
        #expect(titles == ["seed 1 · a1", "seed 1 · a2", "seed 1 · a3", "-", "seed 2 · b1", "seed 2 · b2"])
    }

    @Test func fittingShrinksPanelsALittleOrTakesFewerColumns() {
        let grid = SampleFigures.sweepGrid()
        // Just too wide: the same three columns, panels a little narrower.
        let slightly = grid.fitting(maxWidth: grid.size.width - 30)
        #expect(slightly.columns == 3 && slightly.size.width <= grid.size.width - 30)
        #expect(slightly.smallestTextSize(metrics: metrics) == grid.smallestTextSize(metrics: metrics))
        // Far too wide: fewer columns at the panels' own size.
        let narrow = grid.fitting(maxWidth: 560)
        #expect(narrow.columns == 2 && narrow.size.width <= 560)
        #expect(grid.fitting(maxWidth: grid.size.width).size == grid.size)
    }
}

private struct EmptyTestPanel: Figure {
    var size = Size(width: 100, height: 100)
    func draw<C: Canvas>(on canvas: inout C) {}
}
