import PlaygroundTrainer
import Plotting

/// The figures of an experiment or a comparison: one panel per ``ResultPanel``, each showing the
/// representative run chosen by the results analysis, panels on common axes unless the author
/// asked for `axes: independent`.
struct ExperimentPanels {
    let panels: [ResultPanel]
    let display: PanelDisplay
    let store: RunStore

    func make(_ kind: FigureKind) throws -> any Figure {
        var figures: [(String, any Figure)] = []
        for panel in panels {
            let runs = try panel.jobs.map { try store.result($0) }
            let c = panel.settings.configuration
            let representative = runs[panel.results.representativeIndex]
            let figure: any Figure
            switch kind {
            case .boundary:
                figure = FigureFactory.boundary(
                    configuration: c, run: representative, showTestData: display.showTestData, discretize: display.discretize)
            case .network:
                figure = FigureFactory.network(configuration: c, run: representative)
            case .loss:
                figure = FigureFactory.loss(
                    configuration: c, runs: runs, representative: panel.results.representativeIndex,
                    logarithmic: display.logScale)
            case .data, .activations:
                figure = FigureFactory.data(
                    configuration: c, seed: representative.seed, showTestData: display.showTestData, title: nil)
            }
            figures.append((panel.title, figure))
        }
        if figures.count == 1 { return figures[0].1 }
        return FigureFactory.grid(figures, panelSize: figures[0].1.size)
    }
}
