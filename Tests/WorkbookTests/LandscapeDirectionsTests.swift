import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Plotting
import Testing

@testable import Workbook

/// `landscape-directions: initial` and a sweep's landscapes on one colour scale.
@Suite("Landscape directions and colour scale")
struct LandscapeDirectionsTests {
    /// Toward the initial weights the path starts at (1, 0) exactly and ends at the centre,
    /// which is still the final training loss bit for bit; the range defaults to 1.5. A sweep's
    /// panels share one colour scale, from the lowest to the highest loss of all of them, and
    /// each panel's colour bar is cut at that scale's edges.
    @Test func thePathStartsAtOneZeroAndSweepsShareAColourScale() throws {
        let book = try FixtureBook("inside-time")
        defer { book.remove() }
        try book.build()
        let home = try RemadeFigure(.landscape, of: "path-home", in: book)
        let chart = try #require((home.figure as? DescribedFigure)?.figure as? LandscapeChart)
        let run = try home.store.result(home.panels[0].jobs[0])
        #expect(chart.range == 1.5)
        #expect(chart.path.first == Point(x: 1, y: 0))
        #expect(chart.path.last == Point(x: 0, y: 0))
        #expect(chart.losses[3][3] == run.finalTrainLoss)

        let sweep = try RemadeFigure(.landscape, of: "space-sweep", in: book)
        let grid = try #require((sweep.figure as? DescribedFigure)?.figure as? SmallMultiples)
        let charts = try grid.panels.map { try #require($0.figure as? LandscapeChart) }
        #expect(charts.count == 4)
        let all = charts.flatMap { $0.losses.flatMap { $0 } }.filter { $0.isFinite && $0 > 0 }
        let scale = try #require(all.min())...(try #require(all.max()))
        #expect(charts.allSatisfy { $0.scale == scale })
        #expect(Set(charts.map(\.ownScale)).count > 1, "the panels differ on their own")
        #expect(charts.allSatisfy { $0.bandEdges.first == scale.lowerBound && $0.bandEdges.last == scale.upperBound })
        for (chart, panel) in zip(charts, sweep.panels) {
            let final = try sweep.store.result(panel.jobs[panel.results.representativeIndex]).finalTrainLoss
            #expect(chart.losses[2][2] == final)
        }
    }

    /// The key takes `random` or `initial`, belongs to the landscape figure, and a bad value is
    /// an error at its line.
    @Test func theDirectionsAreChecked() {
        let plan = HandSetWeightsTests.analyse(
            """
            ```{experiment} a
            hidden: [2]
            landscape-directions: toward-start
            show: [landscape]
            ```

            ```{experiment} b
            hidden: [2]
            landscape-directions: initial
            ```

            ```{experiment} c
            hidden: [2]
            landscape-directions: initial
            landscape-range: 2
            show: [landscape]
            ```

            """)
        #expect(plan.diagnostics.has(.badValue, at: "Chapters/01-a.md:7:"))
        #expect(plan.diagnostics.has(.figureNotShown, at: "Chapters/01-a.md:13:"))
        let c = plan.experiments["c"]?.spec.landscape
        #expect(c?.directions == .initial && c?.range == 2)
    }
}
