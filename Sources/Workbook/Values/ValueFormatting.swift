import Foundation
import PlaygroundTrainer

/// How numbers from runs read in prose and tables.
enum ValueFormatting {
    /// Losses with three significant decimals, as the Playground shows them (0.018, 0.0012).
    static func loss(_ value: Double) -> String {
        if value == 0 { return "0" }
        if abs(value) >= 0.01 { return String(format: "%.3f", value) }
        return String(format: "%.2g", value)
    }

    static func percent(_ value: Double) -> String {
        String(format: "%.1f %%", value * 100)
    }

    static func epochs(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// "412 (median of 5 seeds)" for several seeds, "412" for one.
    static func withSeeds(_ text: String, _ spread: Spread, seeds: Int, what: String = "median") -> String {
        seeds > 1 ? "\(text) (\(what) of \(spread.count == seeds ? "\(seeds) seeds" : "\(spread.count) of \(seeds) seeds"))" : text
    }
}

/// The text of an inline value for one combination's runs.
struct ValueEvaluator {
    var summary: RunSummary

    func text(_ metric: ValueMetric) -> (text: String, notReached: Bool) {
        let s = summary
        switch metric {
        case .epochs:
            guard let epochs = s.targetEpochs else { return ("not reached in \(s.epochBudget) epochs", true) }
            var text = ValueFormatting.epochs(epochs.median)
            if s.seeds > 1 {
                text += s.reachedTarget == s.seeds
                    ? " (median of \(s.seeds) seeds)"
                    : " (median of the \(s.reachedTarget) of \(s.seeds) seeds that reached it in \(s.epochBudget) epochs)"
            }
            return (text, false)
        case .epochsRange:
            guard let epochs = s.targetEpochs else { return ("not reached in \(s.epochBudget) epochs", true) }
            if epochs.minimum == epochs.maximum { return (ValueFormatting.epochs(epochs.minimum), false) }
            return ("\(ValueFormatting.epochs(epochs.minimum))–\(ValueFormatting.epochs(epochs.maximum))", false)
        case .reached:
            return (s.seeds == 1 ? (s.reachedTarget == 1 ? "reached" : "not reached") : "\(s.reachedTarget) of \(s.seeds) seeds", s.reachedTarget == 0)
        case .testLoss: return spread(s.finalTestLoss, ValueFormatting.loss)
        case .trainLoss: return spread(s.finalTrainLoss, ValueFormatting.loss)
        case .testAccuracy: return spread(s.finalTestAccuracy, ValueFormatting.percent)
        case .trainAccuracy: return spread(s.finalTrainAccuracy, ValueFormatting.percent)
        case .gap: return spread(s.generalizationGap, ValueFormatting.loss)
        case .budget: return (String(s.epochBudget), false)
        case .seeds: return (String(s.seeds), false)
        case .best, .bestLoss, .bestAccuracy: return ("", false)  // resolved over a sweep by the caller
        }
    }

    private func spread(_ spread: Spread?, _ format: (Double) -> String) -> (String, Bool) {
        guard let spread else { return (summary.diverged > 0 ? "diverged" : "n/a", true) }
        return (ValueFormatting.withSeeds(format(spread.median), spread, seeds: summary.seeds), false)
    }
}
