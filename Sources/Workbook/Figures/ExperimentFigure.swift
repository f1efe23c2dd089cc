import PlaygroundTrainer
import Plotting

/// The figures drawn panel by panel from one combination's runs: in a build, one panel per
/// combination (``ExperimentPanels``); on the command line, `labbook train --figure … --out …`
/// and the gallery. One drawing serves both, so the CLI's figures are the book's.
public enum ExperimentFigure: String, CaseIterable, Sendable {
    case boundary, network, loss, data

    /// The per-combination figure of a kind, or nil for a kind drawn from all the panels at
    /// once (or from no runs): the switch a new ``FigureKind`` must answer here.
    init?(_ kind: FigureKind) {
        switch kind {
        case .boundary: self = .boundary
        case .network: self = .network
        case .loss: self = .loss
        case .data: self = .data
        case .lossOverlay, .result, .metricGrid, .activations, .boundaryTimeline, .networkTimeline, .weights, .neuron, .runs, .backprop,
            .neuronMaps, .hiddenSpace, .landscape:
            return nil
        }
    }

    /// The kind of figure this is, for captions and the book's figure tasks.
    public var kind: FigureKind {
        switch self {
        case .boundary: .boundary
        case .network: .network
        case .loss: .loss
        case .data: .data
        }
    }

    /// What the figure shows, for the command line's help.
    public var summary: String {
        switch self {
        case .boundary: "the representative run's decision boundary over the data"
        case .network: "the representative run's network, every neuron's output over the plane"
        case .loss: "training and test loss per epoch of every run"
        case .data: "the data set's points"
        }
    }

    /// The figure for the given runs of one configuration; where one run is shown it is the
    /// representative run of the results analysis (``CombinationResults``).
    public func make(
        configuration: TrainingConfiguration, runs: [RunResult], showTestData: Bool = false,
        discretize: Bool = false, logScale: Bool = false, title: String? = nil
    ) -> any Figure {
        let analysis = CombinationResults(
            runs: runs.map(\.digest), epochBudget: configuration.epochs, stopRule: configuration.stopRule)
        let representative = runs[analysis.representativeIndex]
        return draw(
            configuration: configuration, runs: runs, representative: analysis.representativeIndex,
            display: PanelDisplay(showTestData: showTestData, discretize: discretize, logScale: logScale),
            evaluation: { RunEvaluation.compute(configuration: configuration, run: representative) },
            data: { configuration.makeData(seed: representative.seed).0 }, title: title)
    }

    /// One panel: `runs` of one configuration, `representative` the index of the run shown
    /// where one is; `evaluation` and `data` are asked for only by the figures that need them.
    func draw(
        configuration: TrainingConfiguration, runs: [RunResult], representative: Int, display: PanelDisplay,
        evaluation: () -> RunEvaluation, data: () -> DataSplit, title: String?
    ) -> any Figure {
        switch self {
        case .boundary:
            return FigureFactory.boundary(
                evaluation: evaluation(), showTestData: display.showTestData, discretize: display.discretize, title: title)
        case .network:
            var diagram = FigureFactory.network(
                configuration: configuration, run: runs[representative], evaluation: evaluation(), title: title)
            if display.weightsOnLinks {
                diagram.showsValues = true
                diagram.size = NetworkDiagram.labelledSize
            }
            return diagram
        case .loss:
            return FigureFactory.loss(
                configuration: configuration, runs: runs, representative: representative,
                logarithmic: display.logScale, title: title)
        case .data:
            return FigureFactory.data(data(), showTestData: display.showTestData, title: title)
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

extension ExperimentFigure {
    /// A boundary (or network) timeline of a recorded run, as a build draws it: for `labbook
    /// bench`, which times the drawing apart from the training (``recordTimeline``).
    public static func timeline(network: Bool, configuration: TrainingConfiguration, recorded: RecordedRun) -> any Figure {
        let kind: FigureKind = network ? .networkTimeline : .boundaryTimeline
        let data = configuration.makeData(seed: recorded.result.seed).0
        let panels = recorded.snapshots.map { snapshot in
            SmallMultiples.Panel(
                title: TimelineFigures.title(snapshot),
                figure: TimelineFigures.snapshotFigure(
                    kind, configuration: configuration, data: data, snapshot: snapshot, display: PanelDisplay()))
        }
        return TimelineFigures.layout(kind, panels: panels)
    }

    /// The epoch slider's frames of a recorded run, one per snapshot.
    public static func sliderFrames(network: Bool, configuration: TrainingConfiguration, recorded: RecordedRun) -> [any Figure] {
        let data = configuration.makeData(seed: recorded.result.seed).0
        return recorded.snapshots.map { snapshot in
            TimelineFigures.snapshotFigure(
                network ? .networkTimeline : .boundaryTimeline, configuration: configuration, data: data,
                snapshot: snapshot, display: PanelDisplay(), boundarySize: TimelineFigures.boundaryFrameSize)
        }
    }

    /// One run of `configuration` recording `snapshots` log-spaced epochs up to its budget.
    public static func recordTimeline(configuration: TrainingConfiguration, snapshots: Int) -> RecordedRun {
        let epochs = SnapshotSchedule.logSpaced(count: snapshots).epochs(lastEpoch: configuration.epochs)
        return Trainer(configuration: configuration).run(recording: SnapshotRecording(epochs: Set(epochs)))
    }
}

extension FigureKind {
    /// Whether the kind draws one panel per combination (the others draw all at once).
    var isPerCombination: Bool { ExperimentFigure(self) != nil }
}
