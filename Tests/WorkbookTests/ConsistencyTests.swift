import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Plotting
import Testing

@testable import Workbook

/// A page never contradicts itself: for every combination of a sweep whose seeds partly miss
/// the target, the table's median, the loss figure's bold run and marked epoch, the boundary
/// figure's run, the inline value and the alt texts name the same run and number.
@Suite("One analysis on the page")
struct ConsistencyTests {
    @Test func tableFiguresValuesAndAltTextsNameTheSameRun() throws {
        let book = try FixtureBook("consistency")
        defer { book.remove() }
        try book.build()
        let page = try book.page("01-spread.html")
        let plan = Builder(options: book.options).check()
        let spec = try #require(plan.experiments["spread"]?.spec)
        let store = RunStore(cache: BuildCache(root: book.cache))
        #expect(store.loadCached(spec.combinations.flatMap(\.jobs)).isEmpty)
        let results = ResultsAnalysis.analyse([spec], store: store)["spread"]
        // The fixture is only a test of the rule if some seeds miss the target (8 seeds: even).
        #expect(results.contains { $0.reachedCount > 0 && $0.notReachedCount > 0 })

        let panels = ResultPanel.panels(of: spec, results: results)
        let loss = try ExperimentPanels(
            panels: panels, display: spec.display, sweep: spec.sweep, resultMetric: .epochs, store: store,
            evaluations: RunEvaluations()
        ).make(.loss)
        let charts = try #require(loss as? SmallMultiples).panels.compactMap { $0.figure as? LossChart }
        #expect(charts.count == 2)
        for (index, r) in results.enumerated() {
            let run = r.representative
            // Loss figure: the bold curve is the representative run, its marked epoch the median.
            #expect(charts[index].highlightedRun == r.representativeIndex)
            #expect(charts[index].threshold?.reachedAtEpoch == r.medianEpochs.map(Double.init))
            // Inline value and table cell.
            let valueText = r.medianEpochs.map(String.init) ?? "not reached"
            #expect(page.contains("title=\"from experiment spread\">\(valueText)</span>"))
            let cell = r.medianEpochs.map { "<td class=\"num\">\($0)" } ?? "<td class=\"num lb-not-reached\">not reached in 3000"
            #expect(page.contains(cell))
            // Alt texts of the loss and boundary figures name the same seed and epoch.
            let target = r.medianEpochs.map { "reached test loss ≤ 0.02 at epoch \($0)" } ?? "did not reach test loss ≤ 0.02 in 3000 epochs"
            // (In the alt text, or — where the alt text has no room — in the long description.)
            let combination = "For learning rate = \(spec.sweep[0].values[index].text), "
            #expect(
                page.contains(
                    combination
                        + "8 seeds, of which \(r.reachedCount) reached the target; the bold curve is median seed \(run.seed), which \(target)"
                ))
            #expect(page.contains(combination + "median seed \(run.seed) \(target)"))
        }
        // Every panel of the loss figure shares one epoch axis and one loss axis.
        #expect(Set(charts.map { $0.xDomain }).count == 1 && charts[0].xDomain != nil)
        #expect(Set(charts.map { $0.yDomain }).count == 1 && charts[0].yDomain != nil)
    }
}
