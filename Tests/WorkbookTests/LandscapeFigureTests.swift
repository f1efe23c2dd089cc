import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Plotting
import Testing

@testable import Workbook

/// `show: [landscape]`: the loss around the final weights and the path training took.
@Suite("Loss landscape figure")
struct LandscapeFigureTests {
    /// The centre cell is the run's final training loss bit for bit (the centre is the final
    /// network untouched, evaluated by the trainer's own loss code); the path, from the run
    /// trained again, ends at the centre exactly; the grid is 31 × 31; the page's alt text is
    /// short and names no experiment ID.
    @Test func theCentreIsTheFinalLossAndThePathEndsThere() throws {
        let book = try FixtureBook("inside")
        defer { book.remove() }
        try book.build()
        let remade = try RemadeFigure(.landscape, of: "maps", in: book)
        let described = try #require(remade.figure as? DescribedFigure)
        let chart = try #require(described.figure as? LandscapeChart)
        let run = try remade.store.result(remade.panels[0].jobs[0])
        let grid = LandscapeSpec().grid
        #expect(chart.losses.count == grid && chart.losses.allSatisfy { $0.count == grid })
        #expect(chart.losses[grid / 2][grid / 2] == run.finalTrainLoss)
        #expect(Set(chart.losses.flatMap { $0 }).count > grid, "the loss varies over the slice")
        let end = try #require(chart.path.last)
        #expect(end.x == 0 && end.y == 0)
        #expect(chart.path.count == run.epochsRun + 1, "30 epochs and epoch 0: every epoch is a point")
        #expect(described.label.contains(ValueFormatting.loss(run.finalTrainLoss)))
        let page = try book.page("03-inside.html")
        let alt = try #require(
            page.components(separatedBy: "alt=\"").dropFirst().first { $0.hasPrefix("The loss landscape") }?.components(separatedBy: "\"")
                .first)
        #expect(alt.count <= 250, "\(alt.count): \(alt)")
        #expect(!alt.contains("maps"), "the alt text does not name the experiment's ID")
    }

    /// The grid is an odd whole number from 5 to 101, the range a number from 0.01 to 10; both
    /// belong to the landscape figure; bad values are errors at their line.
    @Test func theGridAndRangeAreChecked() {
        let plan = HandSetWeightsTests.analyse(
            """
            ```{experiment} a
            hidden: [2]
            landscape-grid: 30
            landscape-range: 0
            show: [landscape]
            ```

            ```{experiment} b
            hidden: [2]
            landscape-grid: 21
            ```

            ```{experiment} c
            hidden: [2]
            landscape-grid: 21
            landscape-range: 0.5
            show: [landscape]
            ```

            """)
        #expect(plan.diagnostics.has(.badValue, at: "Chapters/01-a.md:7:"))
        #expect(plan.diagnostics.has(.badValue, at: "Chapters/01-a.md:8:"))
        #expect(plan.diagnostics.has(.figureNotShown, at: "Chapters/01-a.md:14:"))
        let c = plan.experiments["c"]?.spec.landscape
        #expect(c?.grid == 21 && c?.range == 0.5)
    }
}
