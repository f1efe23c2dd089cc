/// Everything that determines a run: the Playground's settings plus Labbook's opt-in
/// extensions (loss, initialisation, stop rule, epoch budget).
///
/// Defaults are the Playground's (semantics §9.1), except the seed, which is fixed to `"1"`
/// so that runs are reproducible; the Playground draws a random one on page load.
public struct TrainingConfiguration: Hashable, Codable, Sendable {
    public var dataset: Dataset = .circle
    /// Cells per side of the checkerboard (set, and only allowed, with `dataset: checkerboard`;
    /// nil otherwise so that the run keys of every other data set stay as they were).
    public var cells: Int? = nil
    /// The points of `dataset: file` (a CSV file); nil for the generators.
    public var pointSet: PointSet? = nil
    /// Enabled inputs; always kept in the Playground's input order.
    public var features: [Feature] = [.x1, .x2] {
        didSet { features = Array(Set(features)).sorted() }
    }
    /// Hidden layer sizes, e.g. `[4, 2]`; empty for none.
    public var hidden: [Int] = [4, 2]
    public var activation: Activation = .tanh
    public var learningRate: Double = 0.03
    public var batchSize: Int = 10
    /// Percentage of the points used for training (the Playground's slider: 10–90).
    public var trainRatio: Double = 50
    /// Noise in the Playground's units (the generators get noise/100). The slider offers 0–50;
    /// links may carry more (see `SettingRange.noise`).
    public var noise: Double = 0
    public var regularization: Regularization = .none
    public var regularizationRate: Double = 0
    public var seed: String = "1"
    /// Number of epochs to run (fewer when a stop rule holds earlier or the run diverges).
    public var epochs: Int = 1000
    public var stopRule: StopRule? = nil
    public var loss: LossFunction = .squared
    public var initialization: Initialization = .playground
    /// Initial weights and biases set by hand over the seed's (`weights:`, `biases:`); nil
    /// otherwise, so that the run keys of every other configuration stay as they were.
    public var handSet: HandSetWeights? = nil

    public init() {}

    public var isRegression: Bool { pointSet?.isRegression ?? dataset.isRegression }

    /// How many points the data set has: the generator's count or the file's rows.
    public var sampleCount: Int { pointSet?.rows.count ?? dataset.sampleCount }

    /// The data set in words: "Moons", "Checkerboard (6 × 6 cells)", "points.csv".
    public var datasetDisplayName: String {
        if let pointSet { return pointSet.fileName }
        if dataset == .checkerboard {
            let n = cells ?? Dataset.defaultCheckerboardCells
            return "Checkerboard (\(n) × \(n) cells)"
        }
        return dataset.displayName
    }

    /// Why playground.tensorflow.org cannot load the data, or nil when it can.
    public var datasetOutsidePlayground: String? {
        if let pointSet { return "the Playground cannot load an own data set (\(pointSet.fileName))" }
        if !dataset.isInPlayground { return "the Playground cannot generate this data set (\(dataset.rawValue))" }
        return nil
    }

    /// Layer sizes from inputs to the single output.
    public var layerSizes: [Int] { [features.count] + hidden + [1] }

    /// Checks ranges and combinations; each problem names the setting and what is valid.
    public func validate() -> [ConfigurationProblem] {
        var problems: [ConfigurationProblem] = []
        func problem(_ key: String, _ message: String) {
            problems.append(ConfigurationProblem(key: key, message: message))
        }
        if features.isEmpty {
            problem("features", "at least one feature is needed; valid: \(Feature.validNames.joined(separator: ", "))")
        }
        if !SettingRange.acceptsHidden(hidden) {
            problem("hidden", "must be \(SettingRange.hiddenValidText)")
        }
        if !SettingRange.learningRate.accepts(learningRate) {
            problem("learning-rate", "must be \(SettingRange.learningRate.validText)")
        }
        if (dataset == .file) != (pointSet != nil) {
            problem("dataset", "own data needs a CSV file: dataset: path/to/points.csv")
        }
        if let cells, dataset != .checkerboard {
            problem("cells", "\(cells) cells only apply to dataset: checkerboard")
        } else if let cells, !SettingRange.cells.accepts(Double(cells)) {
            problem("cells", "must be \(SettingRange.cells.validText)")
        }
        if let pointSet, pointSet.hasSplit {
            // The file's split column decides; the train ratio does not apply.
        } else if !SettingRange.trainRatio.accepts(trainRatio) {
            problem("train-ratio", "must be a percentage, \(SettingRange.trainRatio.validText)")
        } else if trainCount < 1 || trainCount >= sampleCount {
            problem(
                "train-ratio",
                "\(javaScriptNumberString(trainRatio)) % of \(sampleCount) points leaves no \(trainCount < 1 ? "training" : "test") point")
        }
        if !SettingRange.batchSize.accepts(Double(batchSize)) {
            problem("batch-size", "must be \(SettingRange.batchSize.validText)")
        } else if SettingRange.trainRatio.accepts(trainRatio) || pointSet?.hasSplit == true, batchSize > trainCount, trainCount >= 1 {
            problem(
                "batch-size", "\(batchSize) is more than the \(trainCount) training points: the Playground would never update the weights")
        }
        if !SettingRange.noise.accepts(noise) {
            problem("noise", "must be \(SettingRange.noise.validText)")
        }
        if !SettingRange.regularizationRate.accepts(regularizationRate) {
            problem("regularization-rate", "must be \(SettingRange.regularizationRate.validText)")
        }
        if !SettingRange.epochs.accepts(Double(epochs)) { problem("epochs", "must be \(SettingRange.epochs.validText)") }
        if loss == .crossEntropy && isRegression {
            problem(
                "loss",
                "cross-entropy needs a classification data set (circle, xor, gauss, spiral, moons, checkerboard, or a file with labels ±1)")
        }
        if let rule = stopRule, rule.metric.isAccuracy, isRegression {
            problem("until", "accuracy is only defined for classification data sets")
        }
        if SettingRange.acceptsHidden(hidden), !features.isEmpty, let handSetProblem = handSetProblem() {
            problems.append(handSetProblem)
        }
        return problems
    }

    /// Whether playground.tensorflow.org can show this exact configuration (its controls'
    /// limits, its loss and its initialisations). Noise above 80 trains on the deployed page,
    /// but the repository's newer source turns it into 50 (semantics §9.4), so such links are
    /// not offered: they would break with the next deployment.
    public var isShowableInPlayground: Bool {
        datasetOutsidePlayground == nil && loss == .squared && (initialization == .playground || initialization == .zero)
            && SettingRange.isHiddenWithinControls(hidden) && noise <= 80 && handSet == nil
    }
}

/// A setting that is out of range or does not fit the others.
public struct ConfigurationProblem: Hashable, Sendable, CustomStringConvertible {
    /// The directive key / flag name without dashes (`learning-rate`).
    public var key: String
    public var message: String
    public var kind: Kind = .setting
    public var description: String { "\(key): \(message)" }

    /// What is wrong, for callers that report each kind under its own identifier.
    public enum Kind: Hashable, Sendable {
        case setting
        /// A list of hand-set weights or biases of the wrong length.
        case parameterCount
        /// A hand-set weight or bias by a name the network does not have (the name as written).
        case unknownParameter(String)
    }
}
