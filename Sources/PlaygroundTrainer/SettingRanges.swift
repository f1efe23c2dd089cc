/// The ranges numbers may take, in one place: what Labbook accepts (links, flags and
/// directives alike) and what the Playground's controls offer. Beyond a control's range the
/// deployed Playground still trains with the number its link carries (its noise slider stops
/// at 50, yet `noise=80` generates with 0.8), so Labbook accepts it too and callers may warn;
/// beyond the accepted range the Playground misbehaves (no training, NaN data, a page error)
/// or the number cannot be held, so Labbook refuses it.
///
/// Every number is checked against these as a `Double` before it is converted to an integer,
/// so no text (`1e30`, `1e999`, `NaN`) can trap a conversion.
public struct SettingRange: Hashable, Sendable {
    /// The directive key (`noise`); links name their own key (`noise`, `percTrainData`).
    public var key: String
    public var accepted: ClosedRange<Double>
    /// The Playground control's range, or nil when the Playground has no control for it.
    public var control: ClosedRange<Double>?
    /// Whether only whole numbers are meaningful.
    public var whole: Bool
    /// The bound that is excluded from `accepted` (train ratio: 0 and 100 leave a set empty).
    public var open: Bool

    /// What a valid value looks like, for messages.
    public var validText: String

    public init(
        key: String, accepted: ClosedRange<Double>, control: ClosedRange<Double>?, whole: Bool = false,
        open: Bool = false, valid: String? = nil
    ) {
        self.key = key
        self.accepted = accepted
        self.control = control
        self.whole = whole
        self.open = open
        let lower = javaScriptNumberString(accepted.lowerBound)
        let upper = javaScriptNumberString(accepted.upperBound)
        let kind = whole ? "a whole number" : "a number"
        var text = valid ?? (open ? "\(kind) between \(lower) and \(upper)" : "\(kind) from \(lower) to \(upper)")
        if let control {
            text +=
                " (the Playground's control offers \(javaScriptNumberString(control.lowerBound))–\(javaScriptNumberString(control.upperBound)))"
        }
        validText = text
    }

    /// Whether `value` may be used (finite, inside the accepted range, whole if required).
    public func accepts(_ value: Double) -> Bool {
        guard value.isFinite, accepted.contains(value) else { return false }
        if open && (value == accepted.lowerBound || value == accepted.upperBound) { return false }
        return !whole || value == value.rounded(.towardZero)
    }

    /// Why `value` (written `text`) is refused, or nil when it is accepted: the one wording of
    /// every range rule, whatever the setting (`what` names it, e.g. "batch size").
    public func refusal(_ value: Double, text: String, what: String) -> String? {
        guard value.isFinite else { return "'\(text)' is not a number" }
        if whole && value != value.rounded(.towardZero) { return "'\(text)' is not a whole number" }
        return accepts(value) ? nil : "\(what) \(text) is outside the accepted range"
    }

    /// Whether an accepted value lies outside the Playground control (a warning, not an error).
    public func isBeyondControl(_ value: Double) -> Bool {
        guard let control else { return false }
        return !control.contains(value)
    }
}

extension SettingRange {
    /// Mini-batch size. A batch larger than the training set never updates (checked
    /// separately against the training-set size); 1200 is the largest data set.
    public static let batchSize = SettingRange(key: "batch-size", accepted: 1...1200, control: 1...30, whole: true)
    /// Noise in the Playground's units (the generators get noise / 100). The deployed page
    /// generates with any number; beyond 1000 the noise would be tens of times the data's
    /// extent, so such a number is taken for a mistake.
    public static let noise = SettingRange(key: "noise", accepted: 0...1000, control: 0...50)
    /// Percentage of points used for training; both sets must keep at least one point
    /// (checked separately against the data set's size).
    public static let trainRatio = SettingRange(key: "train-ratio", accepted: 0...100, control: 10...90, open: true)
    /// The Playground's menu offers 0.00001–10; any positive number trains.
    public static let learningRate = SettingRange(
        key: "learning-rate", accepted: Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude,
        control: 0.00001...10, valid: "a number greater than 0")
    public static let regularizationRate = SettingRange(
        key: "regularization-rate", accepted: 0...Double.greatestFiniteMagnitude, control: 0...10,
        valid: "a number ≥ 0")
    /// Seeds per experiment (Labbook's `seeds`).
    public static let seeds = SettingRange(key: "seeds", accepted: 1...100, control: nil, whole: true)
    /// Cells per side of the checkerboard (Labbook's `cells`).
    public static let cells = SettingRange(
        key: "cells", accepted: Double(Dataset.checkerboardCellRange.lowerBound)...Double(Dataset.checkerboardCellRange.upperBound),
        control: nil, whole: true)
    /// Neurons per hidden layer (the Playground shows 1–8).
    public static let neurons = SettingRange(key: "hidden", accepted: 1...64, control: 1...8, whole: true)
    /// Number of hidden layers (the Playground shows 0–6).
    public static let layers = SettingRange(key: "hidden", accepted: 0...16, control: 0...6, whole: true)
    /// Presses of the reset button after the fresh page (Labbook's `resets`).
    public static let resets = SettingRange(key: "resets", accepted: 0...100, control: nil, whole: true)
    public static let epochs = SettingRange(key: "epochs", accepted: 0...1_000_000, control: nil, whole: true)
}

extension SettingRange {
    /// What valid hidden layers look like (`networkShape` in links, `hidden` in directives and
    /// flags), from ``neurons`` and ``layers``.
    public static var hiddenValidText: String {
        func n(_ x: Double) -> String { javaScriptNumberString(x) }
        let (sizes, count) = (neurons, layers)
        let offers =
            "\(n(count.control!.lowerBound))–\(n(count.control!.upperBound)) layers of \(n(sizes.control!.lowerBound))–\(n(sizes.control!.upperBound))"
        return
            "comma-separated whole numbers from \(n(sizes.accepted.lowerBound)) to \(n(sizes.accepted.upperBound)), at most \(n(count.accepted.upperBound)) of them, e.g. 4,2 (the Playground's controls offer \(offers))"
    }

    /// Whether `hidden` has an accepted number of layers, each of an accepted size.
    public static func acceptsHidden(_ hidden: [Int]) -> Bool {
        layers.accepts(Double(hidden.count)) && hidden.allSatisfy { neurons.accepts(Double($0)) }
    }

    /// Whether the Playground's controls can show `hidden` (0–6 layers of 1–8 neurons).
    public static func isHiddenWithinControls(_ hidden: [Int]) -> Bool {
        guard let count = layers.control, let size = neurons.control else { return false }
        return count.contains(Double(hidden.count)) && hidden.allSatisfy { size.contains(Double($0)) }
    }
}

extension TrainingConfiguration {
    /// Settings Labbook accepts but the Playground's controls cannot show (noise 80, 95 %
    /// training data, batch 64): the run is still what the Playground's link gives, so these
    /// are warnings for callers to print, not errors.
    public func beyondPlaygroundControls() -> [ConfigurationProblem] {
        var notes: [ConfigurationProblem] = []
        func check(_ range: SettingRange, _ value: Double, _ shown: String) {
            guard range.accepts(value), range.isBeyondControl(value), let control = range.control else { return }
            notes.append(
                ConfigurationProblem(
                    key: range.key,
                    message:
                        "\(shown) is beyond the Playground's control (\(javaScriptNumberString(control.lowerBound))–\(javaScriptNumberString(control.upperBound))); a link still trains with it"
                ))
        }
        check(.noise, noise, javaScriptNumberString(noise))
        check(.trainRatio, trainRatio, javaScriptNumberString(trainRatio))
        check(.batchSize, Double(batchSize), String(batchSize))
        check(.learningRate, learningRate, javaScriptNumberString(learningRate))
        check(.regularizationRate, regularizationRate, javaScriptNumberString(regularizationRate))
        return notes
    }
}
