import ChapterMarkdown
import PlaygroundTrainer

/// The one table of rules that turns setting text into a ``SettingValue``: used for directive
/// keys (`learning-rate: 0.01`), sweep values, `{value}` selectors and `labbook train` flags, so
/// every place accepts the same spellings and reports the same messages.
public enum SettingRules {
    /// Parses `text` for `key`. `base` is what a Playground link is read on top of.
    public static func parse(
        _ key: SettingKey, _ text: String, base: TrainingConfiguration = TrainingConfiguration()
    ) throws(SettingError) -> SettingValue {
        let value = text.trimmingCharacters(in: " \t")
        func fail(_ reason: String, among names: [String] = []) -> SettingError {
            SettingError(key: key, value: value, reason: reason, suggestion: suggestion(for: value, among: names))
        }
        /// A finite number; ranges are checked before any conversion to an integer.
        func number(_ text: String = value) throws(SettingError) -> Double {
            guard let v = Double(text.trimmingCharacters(in: " ")), v.isFinite else {
                throw fail("'\(text)' is not a number")
            }
            return v
        }
        /// A number inside the trainer's accepted range (`SettingRange`); past the Playground's
        /// control it is still valid (the analyser warns).
        func ranged(_ range: SettingRange, _ what: String, text: String = value) throws(SettingError) -> Double {
            let v = try number(text)
            guard range.accepts(v) else {
                throw fail("\(what) \(value) is outside the accepted range")
            }
            return v
        }
        func whole(in range: ClosedRange<Int>, _ what: String) throws(SettingError) -> Int {
            let v = try number()
            guard v == v.rounded() else { throw fail("'\(value)' is not a whole number") }
            guard v >= Double(range.lowerBound) && v <= Double(range.upperBound) else {
                throw fail("\(what) \(value) is outside \(range.lowerBound)–\(range.upperBound)")
            }
            return Int(v)
        }
        switch key {
        case .dataset:
            guard let d = Dataset(rawValue: value.lowercased()), d != .file else {
                throw fail("unknown data set '\(value)'", among: Dataset.generators.map(\.rawValue))
            }
            return .dataset(d)
        case .cells:
            let range = Dataset.checkerboardCellRange
            return .cells(try whole(in: range, "cells"))
        case .features:
            var features: [Feature] = []
            for part in splitList(value) {
                guard let f = Feature(parsing: part) else {
                    throw SettingError(
                        key: key, value: value, reason: "unknown feature '\(part)'",
                        suggestion: suggestion(for: part, among: Feature.validNames))
                }
                features.append(f)
            }
            guard !features.isEmpty else { throw fail("at least one feature is needed") }
            return .features(Array(Set(features)).sorted())
        case .hidden:
            var layers: [Int] = []
            if value.lowercased() != "none" {
                for part in splitList(value) {
                    guard let n = Int(part), (1...64).contains(n) else {
                        throw fail("'\(part)' is not a layer size (a whole number from 1 to 64)")
                    }
                    layers.append(n)
                }
            }
            guard layers.count <= 16 else { throw fail("at most 16 hidden layers") }
            return .hidden(layers)
        case .activation:
            guard let a = Activation(rawValue: value.lowercased()) else {
                throw fail("unknown activation '\(value)'", among: Activation.allCases.map(\.rawValue))
            }
            return .activation(a)
        case .learningRate:
            let v = try number()
            guard v > 0 else { throw fail("learning rate must be greater than 0") }
            return .learningRate(v)
        case .batchSize:
            return .batchSize(Int(try ranged(.batchSize, "batch size")))
        case .trainRatio:
            var v = value
            if v.hasSuffix("%") { v.removeLast() }
            return .trainRatio(try ranged(.trainRatio, "train ratio", text: v))
        case .noise:
            return .noise(try ranged(.noise, "noise"))
        case .regularization:
            guard let r = Regularization(parsing: value) else {
                throw fail("unknown regularization '\(value)'", among: ["none", "L1", "L2"])
            }
            return .regularization(r)
        case .regularizationRate:
            let v = try number()
            guard v >= 0 else { throw fail("regularization rate must be ≥ 0") }
            return .regularizationRate(v)
        case .seed:
            guard !value.isEmpty else { throw fail("the seed is empty") }
            return .seed(value)
        case .seeds:
            return .seeds(try whole(in: 1...100, "seeds"))
        case .resets:
            return .resets(Int(try ranged(.resets, "resets")))
        case .epochs:
            return .epochs(try whole(in: 0...1_000_000, "epochs"))
        case .until:
            if ["none", "never", ""].contains(value.lowercased()) { return .until(nil) }
            do {
                return .until(try StopRule(parsing: value))
            } catch {
                if case .unknownMetric(let name) = error {
                    throw SettingError(
                        key: key, value: value, reason: "unknown metric '\(name)'",
                        suggestion: suggestion(for: name, among: StopRule.Metric.allCases.map(\.rawValue)))
                }
                throw fail(error.description)
            }
        case .loss:
            guard let l = LossFunction(rawValue: value.lowercased()) else {
                throw fail("unknown loss '\(value)'", among: LossFunction.allCases.map(\.rawValue))
            }
            return .loss(l)
        case .initialization:
            guard let i = Initialization(rawValue: value.lowercased()) else {
                throw fail("unknown initialisation '\(value)'", among: Initialization.allCases.map(\.rawValue))
            }
            return .initialization(i)
        case .playgroundURL:
            do {
                let reading = try PlaygroundLink.read(value, base: base)
                return .playgroundLink(
                    PlaygroundLinkValue(
                        link: value, configuration: reading.configuration, notes: reading.notes.map(\.description)))
            } catch {
                throw fail(error.description)
            }
        }
    }
}
