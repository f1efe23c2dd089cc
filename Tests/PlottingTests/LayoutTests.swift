import CairoRendering
import Plotting
import Testing

/// Layout checks against the real font metrics, through a recording canvas (no rendering).
@Suite struct LayoutTests {
    static let figures: [(String, any Figure)] = [
        ("boundary", SampleFigures.boundary()),
        ("network", SampleFigures.network()),
        ("loss", SampleFigures.loss()),
        ("loss-log", SampleFigures.loss(logarithmic: true)),
        ("activation", SampleFigures.activation()),
        ("activation-overlaid", SampleFigures.activation(arrangement: .overlaid)),
        ("data", SampleFigures.data()),
        ("small-multiples", SampleFigures.smallMultiples()),
    ]

    static func record(_ figure: any Figure) -> RecordingCanvas {
        var canvas = RecordingCanvas(size: figure.size, metrics: sharedRenderer.fontMetrics)
        figure.draw(on: &canvas)
        return canvas
    }

    @Test(arguments: figures.map(\.0))
    func labelsDoNotOverlap(name: String) {
        let figure = Self.figures.first { $0.0 == name }!.1
        let placed = Self.record(figure).placedTexts
        for (index, first) in placed.enumerated() {
            for second in placed[(index + 1)...] where first.box.insetBy(dx: 0.5, dy: 1).intersects(second.box.insetBy(dx: 0.5, dy: 1)) {
                Issue.record("\(name): “\(first.text)” \(first.box) overlaps “\(second.text)” \(second.box)")
            }
        }
    }

    @Test(arguments: figures.map(\.0))
    func labelsStayInsideTheFigure(name: String) {
        let figure = Self.figures.first { $0.0 == name }!.1
        let bounds = Rect(x: 0, y: 0, width: figure.size.width, height: figure.size.height)
        for text in Self.record(figure).placedTexts {
            #expect(
                text.box.minX >= bounds.minX - 0.5 && text.box.maxX <= bounds.maxX + 0.5
                    && text.box.minY >= bounds.minY - 0.5 && text.box.maxY <= bounds.maxY + 0.5,
                "\(name): “\(text.text)” at \(text.box) leaves the figure")
        }
    }

    @Test func longTitlesWrapOrShrinkToFit() {
        var chart = SampleFigures.loss()
        chart.size = Size(width: 240, height: 220)
        chart.title = "A deliberately long title that cannot possibly fit on a single line of a small chart"
        let canvas = Self.record(chart)
        let titleLines = canvas.placedTexts.filter { $0.box.minY < 50 && $0.text.contains(" ") }
        #expect(titleLines.count >= 2)
        for line in titleLines { #expect(line.box.width <= 240 - 16 + 0.5) }
    }

    @Test func crowdedTicksAreThinned() {
        var chart = SampleFigures.boundary(title: nil)
        chart.size = Size(width: 150, height: 150)
        let labels = Self.record(chart).texts
        #expect(labels.contains("0"))
        #expect(!labels.contains("−5"))
    }

    @Test func pointsOutsideTheDomainAreNotDrawn() {
        let chart = BoundaryChart(
            values: SampleFigures.grid { _, _ in 0 },
            points: [ScatterPoint(x: 7, y: 0, value: 1), ScatterPoint(x: 0, y: 0, value: 1)])
        var canvas = RecordingCanvas(size: chart.size)
        chart.draw(on: &canvas)
        let pointFills = canvas.commands.filter {
            if case .fill(_, let color) = $0 { return color.alpha == 0.9 } else { return false }
        }
        #expect(pointFills.count == 1)
    }

    @Test func smallMultiplesCellsDoNotOverlap() {
        let figure = SampleFigures.smallMultiples()
        let cells = figure.cellRects(measuring: sharedRenderer.fontMetrics)
        #expect(cells.count == 6)
        for (index, cell) in cells.enumerated() {
            for other in cells[(index + 1)...] { #expect(!cell.intersects(other)) }
            #expect(cell.width == cells[0].width && cell.height == cells[0].height)
        }
    }

    @Test func medianRunIsHighlighted() {
        let finals = [0.3, 0.1, 0.5, 0.2, 0.4]
        let runs = finals.map { LossChart.Run(test: LossChart.Curve(values: [1, 0.6, $0])) }
        var chart = LossChart(runs: runs, threshold: LossChart.Threshold(value: 0.35))
        #expect(chart.resolvedHighlightedRun == 0)  // final 0.3 is the median
        #expect(chart.thresholdCrossing?.epoch == 2)
        chart.highlightedRun = 2
        #expect(chart.thresholdCrossing == nil)  // run 2 ends at 0.5, above the threshold
    }
}
