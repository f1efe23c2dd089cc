/// The kinds of figure a directive can draw: the one list every stage switches over.
///
/// No switch over `FigureKind` has a `default:`, so a new kind is a compile error wherever it
/// must be handled. Adding one touches:
/// - `Analysis/FigureKind.swift` (this file): the case, its `displayName`, whether `show:`
///   accepts it (`isShowable`) and whether it plots a sweep's varied setting;
/// - `Analysis/DirectiveAnalyzer.swift`, `checkFigures`: what the kind needs of the sweep;
/// - `Figures/ExperimentFigure.swift`, `init?(_:)`: whether it is drawn panel by panel from one
///   combination's runs (and so by `labbook train --figure`, whose help comes from there);
/// - `Figures/ExperimentPanels.swift`, `make`: how it is drawn (and a file of its own for the
///   drawing, beside `TimelineFigures` and `NeuronFigure`);
/// - `Pages/FigureDescription.swift`: its caption, alt text and long description.
/// The compiler points to each of these; the README's list of `show:` names is the only other
/// place a kind is written.
public enum FigureKind: String, CaseIterable, Sendable, Hashable, Codable {
    case boundary, network, loss, data
    /// A sweep's (or comparison's) test-loss curves overlaid in one chart, one colour each.
    case lossOverlay = "loss-overlay"
    /// A result (epochs, loss, accuracy) against the varied setting.
    case result
    /// A two-setting sweep as a grid of cells coloured by a result.
    case metricGrid = "metric-grid"
    /// Drawn by `{activations}` only.
    case activations
    /// The representative run's decision boundary at each snapshot epoch, in a row.
    case boundaryTimeline = "boundary-timeline"
    /// The representative run's network diagram at each snapshot epoch.
    case networkTimeline = "network-timeline"
    /// Every weight and bias of the representative run against the epoch.
    case weights
    /// One neuron's computation for one input point, with the run's numbers.
    case neuron
    /// Every run (seed, reset) of each combination side by side, one small panel each.
    case runs
    /// One example's forward and backward pass through the network, with the trainer's numbers.
    case backprop
    /// Every hidden neuron's output over the input plane, one full-size panel each.
    case neuronMaps = "neuron-maps"
    /// The training points placed by two hidden neurons' outputs, with the warped input grid.
    case hiddenSpace = "hidden-space"
    /// The training loss over a 2-D slice of weight space through the final weights, with the path.
    case landscape

    /// The kinds `show:` accepts in an experiment, in the order its hint lists them.
    static let experimentKinds = allCases.filter(\.isShowable)

    /// Whether `show:` may name the kind (`{activations}` draws its own figure).
    var isShowable: Bool {
        switch self {
        case .boundary, .network, .loss, .data, .lossOverlay, .result, .metricGrid, .boundaryTimeline,
            .networkTimeline, .weights, .neuron, .runs, .backprop, .neuronMaps, .hiddenSpace, .landscape:
            true
        case .activations: false
        }
    }

    /// Whether the kind plots a sweep's varied setting on an axis, which a comparison of
    /// experiments does not have.
    var plotsVariedSetting: Bool {
        switch self {
        case .result, .metricGrid: true
        case .boundary, .network, .loss, .data, .lossOverlay, .activations, .boundaryTimeline, .networkTimeline,
            .weights, .neuron, .runs, .backprop, .neuronMaps, .hiddenSpace, .landscape:
            false
        }
    }

    /// "Decision boundary", "Loss curves"…, as captions and alt texts start.
    var displayName: String {
        switch self {
        case .boundary: "Decision boundary"
        case .network: "Network"
        case .loss: "Loss curves"
        case .data: "Data"
        case .lossOverlay: "Test loss of every combination"
        case .result: "Result against the varied setting"
        case .metricGrid: "Results of every combination"
        case .activations: "Activation functions"
        case .boundaryTimeline: "Decision boundary during training"
        case .networkTimeline: "Network during training"
        case .weights: "Weights during training"
        case .neuron: "One neuron worked through"
        case .runs: "Every run side by side"
        case .backprop: "Backward pass of one example"
        case .neuronMaps: "Every hidden neuron over the plane"
        case .hiddenSpace: "The data in hidden space"
        case .landscape: "The loss landscape"
        }
    }
}
