/// The controls the deployed Playground can hide through its link: `<name>_hide=true` hides
/// every element of class `ui-<name>`. These are the page's own `HIDABLE_CONTROLS` (the list its
/// "hide controls" panel offers, `tensorflow/playground`, branch `gh-pages`), in its order;
/// hiding one changes only the page, never training.
public enum PlaygroundControl: String, CaseIterable, Hashable, Codable, Sendable {
    case showTestData, discretize, playButton, stepButton, resetButton, learningRate, activation
    case regularization, regularizationRate, problem, dataset, percTrainData, noise, batchSize
    case numHiddenLayers

    /// The label the Playground's panel gives the control.
    public var label: String {
        switch self {
        case .showTestData: "Show test data"
        case .discretize: "Discretize output"
        case .playButton: "Play button"
        case .stepButton: "Step button"
        case .resetButton: "Reset button"
        case .learningRate: "Learning rate"
        case .activation: "Activation"
        case .regularization: "Regularization"
        case .regularizationRate: "Regularization rate"
        case .problem: "Problem type"
        case .dataset: "Which dataset"
        case .percTrainData: "Ratio train data"
        case .noise: "Noise level"
        case .batchSize: "Batch size"
        case .numHiddenLayers: "# of hidden layers"
        }
    }
}

/// What a lesson-shaped link hides: controls, and the page's explanatory text (`hideText`).
public struct PlaygroundHiding: Hashable, Sendable {
    /// Kept in the Playground's order, each once.
    public private(set) var controls: [PlaygroundControl]
    /// `hideText=true`: the page's header and article are hidden.
    public var text: Bool

    public init(controls: [PlaygroundControl] = [], text: Bool = false) {
        let set = Set(controls)
        self.controls = PlaygroundControl.allCases.filter(set.contains)
        self.text = text
    }

    public var isEmpty: Bool { controls.isEmpty && !text }

    /// What a student can still change on a page with these controls hidden, in words for the
    /// page beside its link; nil when nothing that sets up the network is hidden. The deployed
    /// Playground has no hide key for the feature inputs or the neuron +/− buttons of each
    /// hidden layer (checked on the real page), so those stay active whatever a lesson hides.
    public var stillChangeable: String? {
        let setup: Set<PlaygroundControl> = [
            .learningRate, .activation, .regularization, .regularizationRate, .problem, .dataset, .percTrainData,
            .noise, .batchSize, .numHiddenLayers,
        ]
        guard !Set(controls).isDisjoint(with: setup) else { return nil }
        return
            "This link hides some of the Playground's controls; the feature inputs and the +/− buttons that add or remove neurons stay active, since the Playground cannot hide them."
    }

    /// Names a lesson may list besides the controls, each standing for several of them.
    public enum Preset: String, CaseIterable, Sendable {
        /// Everything about the data: which data set, problem type, noise, ratio of training data.
        case data
        /// Everything but the buttons and the display check boxes: the data controls, the
        /// network's (activation, hidden layers) and the training settings (learning rate,
        /// regularization and its rate, batch size). The deployed page cannot hide its feature
        /// inputs or the +/− buttons of each hidden layer, so a student can still change the
        /// features and the number of neurons (see ``PlaygroundHiding/stillChangeable``).
        case setup
        /// Regularization and its rate.
        case regularizationControls = "regularization-controls"
        /// The page's header and explanatory article (`hideText=true`).
        case text

        public var controls: [PlaygroundControl] {
            switch self {
            case .data: [.problem, .dataset, .percTrainData, .noise]
            case .setup:
                [
                    .learningRate, .activation, .regularization, .regularizationRate, .problem, .dataset,
                    .percTrainData, .noise, .batchSize, .numHiddenLayers,
                ]
            case .regularizationControls: [.regularization, .regularizationRate]
            case .text: []
            }
        }
    }

    /// Every name `parse` accepts: the controls, then the presets.
    public static var validNames: [String] {
        PlaygroundControl.allCases.map(\.rawValue) + Preset.allCases.map(\.rawValue)
    }

    /// Reads a list of control names and presets; returns the first unknown name on failure.
    public static func parse(_ names: [String]) -> Result<PlaygroundHiding, UnknownName> {
        var controls: [PlaygroundControl] = []
        var text = false
        for name in names {
            if let control = PlaygroundControl(rawValue: name) {
                controls.append(control)
            } else if let preset = Preset(rawValue: name) {
                controls += preset.controls
                if preset == .text { text = true }
            } else {
                return .failure(UnknownName(name: name))
            }
        }
        return .success(PlaygroundHiding(controls: controls, text: text))
    }

    public struct UnknownName: Error, Hashable, Sendable {
        public var name: String
    }
}
