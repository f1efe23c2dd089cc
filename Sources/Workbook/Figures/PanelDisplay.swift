import PlaygroundTrainer

/// How a directive asks its figures to be drawn (the Playground's check boxes and the axes).
struct PanelDisplay: Sendable, Hashable {
    var showTestData = false
    var discretize = false
    var logScale = false
    var sharedAxes = true
    /// The epochs of the figures over time (the standard schedule when not written).
    var snapshots: SnapshotSchedule = .standard
    /// Values written on the network figure's links and nodes.
    var weightsOnLinks = false
    /// The neuron figure's neuron, point and network.
    var neuron: NeuronSpec?
    /// What the `runs` figure draws of every run (`runs-of`), in order.
    var runsOf: [ExperimentFigure] = [.boundary]
    /// The backprop figure's example and network.
    var backprop: BackpropSpec?
    /// The hidden-space figure's two neurons.
    var hiddenSpace: HiddenSpaceSpec?
    /// The landscape figure's grid and range.
    var landscape = LandscapeSpec()
    /// What Playground links hide (`playground-hide`); pages only, not part of `keyText`.
    var playgroundHiding = PlaygroundHiding()

    /// The options a Playground link of these panels carries.
    var linkOptions: PlaygroundLink.DisplayOptions {
        .init(showTestData: showTestData, discretize: discretize, hiding: playgroundHiding)
    }

    var keyText: String {
        "test=\(showTestData) discretize=\(discretize) log=\(logScale) shared=\(sharedAxes) \(snapshots.keyText)"
            + (weightsOnLinks ? " values" : "") + (neuron.map { " " + $0.keyText } ?? "")
            + (runsOf == [.boundary] ? "" : " runs-of=" + runsOf.map(\.rawValue).joined(separator: ","))
            + (backprop.map { " " + $0.keyText } ?? "") + (hiddenSpace.map { " " + $0.keyText } ?? "")
            + (landscape == LandscapeSpec() ? "" : " " + landscape.keyText)
    }
}

extension ExperimentSpec {
    var display: PanelDisplay {
        PanelDisplay(
            showTestData: showTestData, discretize: discretize, logScale: logScale, sharedAxes: sharedAxes,
            snapshots: snapshots ?? .standard, weightsOnLinks: weightsOnLinks, neuron: neuron,
            runsOf: runsOf.compactMap { ExperimentFigure($0) }, backprop: backprop, hiddenSpace: hiddenSpace, landscape: landscape,
            playgroundHiding: playgroundHiding)
    }
}

extension ComparisonSpec {
    var display: PanelDisplay { PanelDisplay(sharedAxes: sharedAxes) }
}
