import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Plotting
import Testing

@testable import Workbook

/// `show: [runs]`: every run of a seed or reset study side by side.
@Suite("Every run side by side")
struct RunsFigureTests {
    /// Each block (one per `runs-of` kind) has one panel per run — seeds × (resets + 1) per
    /// combination — titled as the results table names the run, and exactly the representative
    /// run of each combination is marked.
    @Test func panelsNumberSeedsTimesResetsPlusOne() throws {
        let book = try FixtureBook("inside")
        defer { book.remove() }
        try book.build()
        for (id, kinds) in [("resets", [FigureKind.boundary, .loss]), ("rates", [.boundary])] {
            let remade = try RemadeFigure(.runs, of: id, in: book)
            let settings = remade.spec.base
            let perCombination = settings.seedCount * (settings.resetCount + 1)
            let blocks: [SmallMultiples]
            if let stack = remade.figure as? FigureStack {
                blocks = stack.figures.compactMap { $0 as? SmallMultiples }
            } else {
                blocks = [try #require(remade.figure as? SmallMultiples)]
            }
            #expect(blocks.count == kinds.count)
            #expect(remade.spec.runsOf == kinds)
            for block in blocks {
                #expect(block.panels.count == perCombination * remade.panels.count)
                for (p, panel) in remade.panels.enumerated() {
                    let titles = block.panels[(p * perCombination)..<((p + 1) * perCombination)].map { $0.title ?? "" }
                    let names = panel.results.runs.map(CombinationResults.name)
                    for (k, title) in titles.enumerated() {
                        let isMedian = k == panel.results.representativeIndex
                        #expect(title == names[k] + (isMedian ? RunsFigure.marker : ""))
                    }
                }
                if remade.panels.count > 1 { #expect(block.rowHeaders == remade.panels.map(\.title)) }
            }
        }
        // The page describes every run in words, from the same analysis.
        let page = try book.page("02-runs.html")
        #expect(page.contains("seed 2, reset 2: "))
    }

    /// `runs-of` without `show: [runs]`, or naming a figure that cannot be drawn per run, is an
    /// error at its line.
    @Test func runsOfIsChecked() {
        let plan = HandSetWeightsTests.analyse(
            """
            ```{experiment} a
            runs-of: [boundary]
            ```

            ```{experiment} b
            show: [runs]
            runs-of: [boundary, weights]
            ```

            """)
        #expect(plan.diagnostics.has(.figureNotShown, at: "Chapters/01-a.md:6:"))
        #expect(plan.diagnostics.has(.unknownFigure, at: "Chapters/01-a.md:11:"))
    }
}
