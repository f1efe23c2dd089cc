import Foundation
import PlaygroundTrainer

/// How numbers from runs read in prose, tables and figure labels: one formatter per kind of
/// number, locale-independent.
public enum ValueFormatting {
    /// Losses with three significant decimals, as the Playground shows them (0.018, 0.0012).
    static func loss(_ value: Double) -> String {
        if value == 0 { return "0" }
        if abs(value) >= 0.01 { return String(format: "%.3f", value) }
        return String(format: "%.2g", value)
    }

    static func percent(_ value: Double) -> String {
        String(format: "%.1f %%", value * 100)
    }

    static func epochs(_ value: Int) -> String { String(value) }

    /// "80 %": a count as a share of a total, to the nearest percent.
    static func share(_ count: Int, of total: Int) -> String {
        total == 0 ? "0 %" : "\(Int((Double(count) * 100 / Double(total)).rounded())) %"
    }

    /// "96–377", or "96" when both ends print alike (0.0198 and 0.0204 are both "0.020": a
    /// range "0.020–0.020" would say nothing).
    static func range(_ statistic: Statistic, _ format: (Double) -> String) -> String {
        printsAsOne(statistic, format) ? format(statistic.minimum) : "\(format(statistic.minimum))–\(format(statistic.maximum))"
    }

    /// Whether the fewest and most print as the same text.
    public static func printsAsOne(_ statistic: Statistic, _ format: (Double) -> String) -> Bool {
        statistic.isSingleValue || format(statistic.minimum) == format(statistic.maximum)
    }

    /// `≤`, `<`, `≥`, `>`: a comparison as it is printed.
    static func symbol(_ comparison: StopRule.Comparison) -> String {
        switch comparison {
        case .lessOrEqual: "≤"
        case .less: "<"
        case .greaterOrEqual: "≥"
        case .greater: ">"
        }
    }

    /// Stop rules as people write them: "test loss ≤ 0.02".
    static func rule(_ rule: StopRule) -> String {
        let comparison = symbol(rule.comparison)
        let metric = rule.metric.rawValue.replacingOccurrences(of: "-", with: " ")
        let threshold =
            rule.metric == .trainAccuracy || rule.metric == .testAccuracy
            ? percent(rule.threshold) : javaScriptNumberString(rule.threshold)
        return "\(metric) \(comparison) \(threshold)"
    }
}
