import ChapterMarkdown
import PlaygroundTrainer

/// A training setting as written in a directive (`learning-rate: 0.01`) or on the command line
/// (`--learning-rate 0.01`): the same names, the same parsing, the same messages.
public enum SettingKey: String, CaseIterable, Sendable {
    case dataset, features, hidden, activation
    case learningRate = "learning-rate"
    case batchSize = "batch-size"
    case trainRatio = "train-ratio"
    case noise, regularization
    case regularizationRate = "regularization-rate"
    case seed, seeds, epochs, until, loss
    case initialization = "init"
    case playgroundURL = "playground-url"

    /// What a valid value looks like, for error messages.
    public var validValues: String {
        switch self {
        case .dataset: Dataset.allCases.map(\.rawValue).joined(separator: ", ")
        case .features: "a comma list of " + Feature.validNames.joined(separator: ", ")
        case .hidden: "layer sizes such as 4,2 (empty or none for no hidden layer)"
        case .activation: Activation.allCases.map(\.rawValue).joined(separator: ", ")
        case .learningRate: "a number greater than 0, e.g. 0.03"
        case .batchSize: "a whole number from 1 up"
        case .trainRatio: "a percentage from 1 to 99, e.g. 50"
        case .noise: "a number from 0 to 50"
        case .regularization: "none, L1, L2"
        case .regularizationRate: "a number ≥ 0, e.g. 0.001"
        case .seed: "any text, e.g. 1"
        case .seeds: "a whole number of seeds from 1 to 100"
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

    public init() {}

    public var seeds: [String] { configuration.seedList(count: seedCount) }

    /// Applies one setting given as text. Lists (features, hidden) may be comma separated.
    public mutating func apply(_ key: SettingKey, _ text: String) throws(SettingError) {
        let value = text.trimmingCharacters(in: " \t")
        func fail(_ reason: String, among names: [String] = []) -> SettingError {
            SettingError(
                key: key, value: value, reason: reason,
                suggestion: suggestion(for: value, among: names))
        }
        func number() throws(SettingError) -> Double {
            guard let v = Double(value), v.isFinite else { throw fail("'\(value)' is not a number") }
            return v
        }
        func whole() throws(SettingError) -> Int {
            guard let v = Int(value) else { throw fail("'\(value)' is not a whole number") }
            return v
        }
        var c = configuration
        switch key {
        case .dataset:
            guard let d = Dataset(rawValue: value.lowercased()) else {
                throw fail("unknown data set '\(value)'", among: Dataset.allCases.map(\.rawValue))
            }
            c.dataset = d
        case .features:
            var features: [Feature] = []
            for part in splitList(value) {
                guard let f = Feature(parsing: part) else {
                    throw fail("unknown feature '\(part)'", among: Feature.validNames)
                }
                features.append(f)
            }
            guard !features.isEmpty else { throw fail("at least one feature is needed") }
            c.features = features
        case .hidden:
            var layers: [Int] = []
            if value.lowercased() != "none" {
                for part in splitList(value) {
                    guard let n = Int(part), n >= 1 else { throw fail("'\(part)' is not a layer size (a whole number ≥ 1)") }
                    layers.append(n)
                }
            }
            c.hidden = layers
        case .activation:
            guard let a = Activation(rawValue: value.lowercased()) else {
                throw fail("unknown activation '\(value)'", among: Activation.allCases.map(\.rawValue))
            }
            c.activation = a
        case .learningRate:
            c.learningRate = try number()
            guard c.learningRate > 0 else { throw fail("learning rate must be greater than 0") }
        case .batchSize:
            c.batchSize = try whole()
            guard c.batchSize >= 1 else { throw fail("batch size must be at least 1") }
        case .trainRatio:
            var v = value
            if v.hasSuffix("%") { v.removeLast() }
            guard let ratio = Double(v.trimmingCharacters(in: " ")) else { throw fail("'\(value)' is not a number") }
            guard ratio >= 1 && ratio <= 99 else { throw fail("train ratio \(value) is outside 1–99") }
            c.trainRatio = ratio
        case .noise:
            c.noise = try number()
            guard c.noise >= 0 && c.noise <= 50 else { throw fail("noise \(value) is outside 0–50") }
        case .regularization:
            guard let r = Regularization(parsing: value) else {
                throw fail("unknown regularization '\(value)'", among: ["none", "L1", "L2"])
            }
            c.regularization = r
        case .regularizationRate:
            c.regularizationRate = try number()
            guard c.regularizationRate >= 0 else { throw fail("regularization rate must be ≥ 0") }
        case .seed:
            guard !value.isEmpty else { throw fail("the seed is empty") }
            c.seed = value
        case .seeds:
            let n = try whole()
            guard (1...100).contains(n) else { throw fail("\(n) seeds is outside 1–100") }
            seedCount = n
        case .epochs:
            c.epochs = try whole()
            guard (0...1_000_000).contains(c.epochs) else { throw fail("\(c.epochs) epochs is outside 0–1000000") }
        case .until:
            if ["none", "never", ""].contains(value.lowercased()) {
                c.stopRule = nil
            } else {
                do {
                    c.stopRule = try StopRule(parsing: value)
                } catch {
                    if case .unknownMetric(let name) = error {
                        throw SettingError(
                            key: key, value: value, reason: "unknown metric '\(name)'",
                            suggestion: suggestion(for: name, among: StopRule.Metric.allCases.map(\.rawValue)))
                    }
                    throw fail(error.description)
                }
            }
        case .loss:
            guard let l = LossFunction(rawValue: value.lowercased()) else {
                throw fail("unknown loss '\(value)'", among: LossFunction.allCases.map(\.rawValue))
            }
            c.loss = l
        case .initialization:
            guard let i = Initialization(rawValue: value.lowercased()) else {
                throw fail("unknown initialisation '\(value)'", among: Initialization.allCases.map(\.rawValue))
            }
            c.initialization = i
        case .playgroundURL:
            do {
                c = try PlaygroundLink.parse(value, base: c).0
            } catch {
                throw fail(error.description)
            }
        }
        configuration = c
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
