import PlaygroundTrainer
import Plotting

/// The figures inside one network, drawn from plain runs as a build draws them: for
/// `labbook gallery` and `labbook bench`, which have no book.
extension ExperimentFigure {
    /// The backward pass of the first training example through `run`'s initial network (the
    /// card `show: [backprop]` draws), for the gallery and `labbook bench`.
    public static func backpropCard(configuration: TrainingConfiguration, run: RunResult) -> any Figure {
        let point = configuration.makeData(seed: run.seed).0.train[0]
        let pass = Network(configuration: configuration, parameters: run.initial).backwardPass(x1: point.x, x2: point.y, label: point.label)
        return BackpropFigure.card(configuration: configuration, pass: pass, epoch: 0, example: .training(1))
    }

    /// The training points of `run` placed by the first two neurons of its last hidden layer
    /// (`show: [hidden-space]`), or nil when no hidden layer has two neurons.
    public static func hiddenSpace(configuration: TrainingConfiguration, run: RunResult) -> (any Figure)? {
        guard let layer = configuration.hidden.lastIndex(where: { $0 >= 2 }) else { return nil }
        return HiddenSpaceFigure.chart(
            configuration: configuration, parameters: run.final, seed: run.seed,
            spec: HiddenSpaceSpec(layer: layer + 1, first: 0, second: 1), showTestData: false
        ).0
    }

    /// The hidden space of `run` at the standard five log-spaced snapshots, on one pair of axes
    /// (`show: [hidden-space]` with `snapshots:`), or nil when no hidden layer has two neurons.
    public static func hiddenSpaceTimeline(configuration c: TrainingConfiguration, run: RunResult) -> (any Figure)? {
        guard let layer = c.hidden.lastIndex(where: { $0 >= 2 }) else { return nil }
        let spec = HiddenSpaceSpec(layer: layer + 1, first: 0, second: 1, overTime: true)
        let epochs = SnapshotSchedule.standard.epochs(lastEpoch: run.epochsRun)
        let recorded = Trainer(configuration: c)
            .run(seed: run.seed, reset: run.reset, recording: SnapshotRecording(epochs: Set(epochs), everyEpochParameters: false))
        let data = c.makeData(seed: run.seed).0
        let drawn = recorded.snapshots.map { snapshot in
            HiddenSpaceFigure.Drawn(
                snapshot: snapshot, parameters: snapshot.parameters,
                placement: HiddenSpaceFigure.place(
                    configuration: c, parameters: snapshot.parameters, data: data, spec: spec, showTestData: false))
        }
        let domain = HiddenSpaceFigure.domains(panels: [], drawn: [drawn], shared: false)[0]
        let panels = drawn.map { network in
            SmallMultiples.Panel(
                title: network.title,
                figure: HiddenSpaceFigure.chart(
                    network.placement, configuration: c, parameters: network.parameters, spec: spec, domain: domain,
                    size: TimelineFigures.boundaryPanelSize))
        }
        return TimelineFigures.layout(.hiddenSpace, panels: panels)
    }

    /// The loss landscape around `run`'s final weights with its path (`show: [landscape]`, and
    /// `landscape-directions: initial` with `towardInitial`), the run trained again recording
    /// every epoch as a build does.
    public static func landscape(configuration: TrainingConfiguration, run: RunResult, towardInitial: Bool = false) throws -> any Figure {
        let recorded = Trainer(configuration: configuration)
            .run(seed: run.seed, reset: run.reset, recording: SnapshotRecording(epochs: [], everyEpochParameters: true))
        var spec = LandscapeSpec()
        if towardInitial { spec.directions = .initial }
        let landscape = try LandscapeFigure.compute(
            configuration: configuration, run: recorded.result, seed: run.seed, history: recorded.parameterHistory, spec: spec)
        return LandscapeFigure.chart(landscape, spec: spec)
    }

    /// Every hidden neuron of `run`'s final network over the plane (`show: [neuron-maps]`).
    public static func neuronMaps(configuration: TrainingConfiguration, run: RunResult) -> any Figure {
        NeuronMapsFigure.maps(
            configuration: configuration, nodeGrids: RunEvaluation.compute(configuration: configuration, run: run).nodeGrids, title: nil)
    }

    /// Every run of one configuration side by side (`show: [runs]`), as a build draws it, for
    /// the gallery and `labbook bench`.
    public static func runsSideBySide(
        configuration: TrainingConfiguration, runs: [RunResult], of kinds: [ExperimentFigure] = [.boundary]
    ) -> any Figure {
        let analysis = CombinationResults(
            runs: runs.map(\.digest), epochBudget: configuration.epochs, stopRule: configuration.stopRule)
        let group = RunsFigure.Group(
            title: "", configuration: configuration, runs: runs, representative: analysis.representativeIndex,
            evaluation: { RunEvaluation.compute(configuration: configuration, run: runs[$0]) })
        var display = PanelDisplay()
        display.runsOf = kinds
        return RunsFigure(groups: [group], kinds: kinds, display: display).make()
    }
}
