import PlaygroundTrainer
import Plotting

/// Figures of one experiment, for `labbook train --figure … --out …` and the gallery.
public enum ExperimentFigure: String, CaseIterable, Sendable {
    case boundary, network, loss, data

    /// The figure for the given runs of one configuration; where one run is shown it is the
    /// representative run of the results analysis (``CombinationResults``).
    public func make(
        configuration: TrainingConfiguration, runs: [RunResult], showTestData: Bool = false,
        discretize: Bool = false, logScale: Bool = false, title: String? = nil
    ) -> any Figure {
        let analysis = CombinationResults(
            runs: runs.map(\.digest), epochBudget: configuration.epochs, stopRule: configuration.stopRule)
        let representative = runs[analysis.representativeIndex]
        let evaluation = { RunEvaluation.compute(configuration: configuration, run: representative) }
        switch self {
        case .boundary:
            return FigureFactory.boundary(
                evaluation: evaluation(), showTestData: showTestData, discretize: discretize, title: title)
        case .network:
            return FigureFactory.network(
                configuration: configuration, run: representative, evaluation: evaluation(), title: title)
        case .loss:
            return FigureFactory.loss(
                configuration: configuration, runs: runs, representative: analysis.representativeIndex,
                logarithmic: logScale, title: title)
        case .data:
            return FigureFactory.data(
                configuration.makeData(seed: representative.seed).0, showTestData: showTestData, title: title)
        }
    }

    /// Activation curves and derivatives (`labbook activations`).
    public static func activations(
        _ functions: [Activation] = [.relu, .sigmoid, .tanh, .linear], range: ClosedRange<Double> = -5...5,
        derivatives: Bool = true
    ) -> any Figure {
        FigureFactory.activations(functions, range: range, derivatives: derivatives)
    }

    /// Side-by-side panels.
    public static func smallMultiples(_ panels: [(String, any Figure)]) -> any Figure {
        FigureFactory.grid(panels, panelSize: panels[0].1.size)
    }
}
