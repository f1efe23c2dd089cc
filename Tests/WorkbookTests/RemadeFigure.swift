import ChapterMarkdown
import Foundation
import LabbookTestSupport
import Plotting
import Testing

@testable import Workbook

/// One figure of a built fixture book, made again as a value from the runs its build cached,
/// with what it was made from: tests inspect what the build drew without reading pixels.
struct RemadeFigure {
    let spec: ExperimentSpec
    let store: RunStore
    let results: [CombinationResults]
    let panels: [ResultPanel]
    let figure: any Figure

    /// Requires every run of experiment `id` to be in the cache of `book` (built before).
    init(_ kind: FigureKind, of id: String, in book: FixtureBook) throws {
        let plan = Builder(options: book.options).check()
        store = RunStore(cache: BuildCache(root: book.cache))
        spec = try #require(plan.experiments[id]?.spec)
        #expect(store.loadCached(spec.combinations.flatMap(\.jobs)).isEmpty, "runs of \(id) missing from the cache")
        results = ResultsAnalysis.analyse([spec], store: store)[id]
        panels = ResultPanel.panels(of: spec, results: results)
        figure = try ExperimentPanels(
            panels: panels, display: spec.display, sweep: spec.sweep, resultMetric: .testLoss, store: store,
            evaluations: RunEvaluations()
        ).make(kind)
    }
}
