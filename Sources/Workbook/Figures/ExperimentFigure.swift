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
