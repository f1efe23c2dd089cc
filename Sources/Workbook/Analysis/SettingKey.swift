import Foundation
import ChapterMarkdown
import PlaygroundTrainer

/// A training setting as written in a directive (`learning-rate: 0.01`) or on the command line
/// (`--learning-rate 0.01`): the same names, the same parsing, the same messages.
public enum SettingKey: String, CaseIterable, Sendable {
    case dataset, cells, features, hidden, activation
    case learningRate = "learning-rate"
    case batchSize = "batch-size"
    case trainRatio = "train-ratio"
    case noise, regularization
    case regularizationRate = "regularization-rate"
    case seed, seeds, resets, epochs, until, loss
    case initialization = "init"
    case playgroundURL = "playground-url"

    /// The setting in words, for panel titles and table headers ("learning rate = 0.01").
    public var displayName: String {
        switch self {
        case .hidden: "hidden layers"
        case .initialization: "initialisation"
        case .playgroundURL: "Playground link"
        case .until: "stop rule"
        default: rawValue.replacingOccurrences(of: "-", with: " ")
        }
    }

    /// Whether values of the setting are spread over a logarithmic axis in charts.
    public var isLogarithmic: Bool { self == .learningRate || self == .regularizationRate }

    /// What a valid value looks like, for error messages.
    public var validValues: String {
        switch self {
        case .dataset: Dataset.generators.map(\.rawValue).joined(separator: ", ") + ", or a CSV file (in a chapter: a path relative to the chapters folder, e.g. data/points.csv)"
        case .cells: "cells per side of the checkerboard, a whole number from \(Dataset.checkerboardCellRange.lowerBound) to \(Dataset.checkerboardCellRange.upperBound) (default \(Dataset.defaultCheckerboardCells))"
        case .features: "a comma list of " + Feature.validNames.joined(separator: ", ")
        case .hidden: "layer sizes such as 4,2 (empty or none for no hidden layer)"
        case .activation: Activation.allCases.map(\.rawValue).joined(separator: ", ")
        case .learningRate: "a number greater than 0, e.g. 0.03"
        case .batchSize: SettingRange.batchSize.validText
        case .trainRatio: "a percentage, " + SettingRange.trainRatio.validText
        case .noise: SettingRange.noise.validText
        case .regularization: "none, L1, L2"
        case .regularizationRate: "a number ≥ 0, e.g. 0.001"
        case .seed: "any text, e.g. 1"
        case .seeds: "a whole number of seeds from 1 to 100"
        case .resets: "presses of the Playground's reset button after the fresh page: \(SettingRange.resets.validText)"
        case .epochs: "a whole number from 0 to 1000000"
        case .until: "METRIC OP VALUE with METRIC one of train-loss, test-loss, train-accuracy, test-accuracy, e.g. test-loss <= 0.02"
        case .loss: LossFunction.allCases.map(\.rawValue).joined(separator: ", ")
        case .initialization: Initialization.allCases.map(\.rawValue).joined(separator: ", ")
        case .playgroundURL: "a playground.tensorflow.org link or its #… part"
        }
    }
}

/// A value that does not fit its setting.
public struct SettingError: Error, Equatable, CustomStringConvertible {
    public var key: SettingKey
    public var value: String
    public var reason: String
    /// A close valid spelling, when the value looks like a typo.
    public var suggestion: String?

    public var description: String {
        var text = "\(reason); valid: \(key.validValues)"
        if let suggestion { text += "; did you mean '\(suggestion)'?" }
        return text
    }
}

/// The resolved settings of one experiment: the training configuration plus how many seeds.
public struct ExperimentSettings: Hashable, Sendable {
    public var configuration = TrainingConfiguration()
    public var seedCount = 1
    /// Presses of the reset button after each seed's fresh page (`resets`): each press is one
    /// more run on the same data with the next network the Playground draws.
    public var resetCount = 0
    /// `cells` as written; a checkerboard without it gets the default, other data sets none.
    public var writtenCells: Int? = nil

    public init() {}

    public var seeds: [String] { configuration.seedList(count: seedCount) }
    /// Every run: the seeds in order, each seed's resets in press order.
    public var runs: [RunIdentity] { RunIdentity.list(seeds: seeds, resets: resetCount) }

    /// Sets one typed value. A Playground link replaces the configuration it was read into.
    public mutating func set(_ value: SettingValue) {
        switch value {
        case .dataset(let v):
            configuration.dataset = v
            configuration.pointSet = nil
            configuration.cells = v == .checkerboard ? writtenCells ?? Dataset.defaultCheckerboardCells : writtenCells
        case .pointSet(let v):
            configuration.dataset = .file
            configuration.pointSet = v
            configuration.cells = writtenCells
        case .cells(let v):
            writtenCells = v
            configuration.cells = v
        case .features(let v): configuration.features = v
        case .hidden(let v): configuration.hidden = v
        case .activation(let v): configuration.activation = v
        case .learningRate(let v): configuration.learningRate = v
        case .batchSize(let v): configuration.batchSize = v
        case .trainRatio(let v): configuration.trainRatio = v
        case .noise(let v): configuration.noise = v
        case .regularization(let v): configuration.regularization = v
        case .regularizationRate(let v): configuration.regularizationRate = v
        case .seed(let v): configuration.seed = v
        case .seeds(let v): seedCount = v
        case .resets(let v): resetCount = v
        case .epochs(let v): configuration.epochs = v
        case .until(let v): configuration.stopRule = v
        case .loss(let v): configuration.loss = v
        case .initialization(let v): configuration.initialization = v
        case .playgroundLink(let link): configuration = link.configuration
        }
    }

    /// Parses `text` by the setting's rule (``SettingRules``) and sets it.
    public mutating func apply(_ key: SettingKey, _ text: String) throws(SettingError) {
        set(try SettingRules.parse(key, text, base: configuration))
    }
}

/// Splits `a, b, c` (also `[a, b]`) into trimmed parts.
func splitList(_ text: String) -> [String] {
    var t = Substring(text)
    if t.first == "[" && t.last == "]" { t = t.dropFirst().dropLast() }
    return t.split(separator: ",").map { $0.trimmingCharacters(in: " \t") }.filter { !$0.isEmpty }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
