import ChapterMarkdown
import PlaygroundTrainer

/// A quantity a worksheet asks the student to write down for each run (`record:`).
///
/// The default asks only for what the Playground displays: with a stop rule on a loss, the
/// epoch at which the page first *shows* the rule met, and the two losses shown then; without
/// one, the two losses shown at the budget. Accuracy is computed by Labbook alone (the page never
/// shows it), so it appears only when the author asks for it, and the sheet then says so.
public enum RecordItem: String, CaseIterable, Sendable, Hashable {
    case epochs
    case trainLoss = "train-loss"
    case testLoss = "test-loss"
    case trainAccuracy = "train-accuracy"
    case testAccuracy = "test-accuracy"

    static let key = "record"

    /// What the Playground shows of this item, or nil when only Labbook computes it.
    var isShownByPlayground: Bool { self != .trainAccuracy && self != .testAccuracy }

    /// The default for a stop rule: the epoch only when a loss rule makes it visible.
    static func defaults(for rule: StopRule?) -> [RecordItem] {
        if let rule, !rule.metric.isAccuracy { return [.epochs, .trainLoss, .testLoss] }
        return [.trainLoss, .testLoss]
    }
}

/// How many of a worksheet's runs the student does (`worksheet-runs: N` or `all`).
///
/// The first N runs in the instructor table's order are kept — each seed's fresh page, then
/// its resets in press order — so a smaller N drops the last seeds first and never splits the
/// data a seed's resets share. The default is every run.
public enum WorksheetRuns: Sendable, Hashable {
    case all
    case first(Int)

    static let key = "worksheet-runs"

    func limit(_ count: Int) -> Int {
        switch self {
        case .all: count
        case .first(let n): min(n, count)
        }
    }
}

extension DirectiveAnalyzer {
    /// `record: [epochs, test-loss]` (or one comma list), each item once.
    mutating func recordItems(_ value: YAMLValue, stopRule: StopRule?) -> [RecordItem]? {
        let valid = RecordItem.allCases.map(\.rawValue)
        var scalars: [YAMLScalar] = []
        switch value {
        case .scalar(let s):
            scalars = s.text.split(separator: ",").map { YAMLScalar(text: $0.trimmingCharacters(in: " "), location: s.location) }
        case .sequence(let values, _):
            for v in values {
                guard let s = v.scalar else {
                    diagnostics.error(
                        "record: expected a quantity, found \(v.kindDescription)", at: v.location,
                        hint: "valid: \(valid.joined(separator: ", "))", id: .badValue)
                    return nil
                }
                scalars.append(s)
            }
        case .mapping:
            diagnostics.error(
                "record: expected a list such as [epochs, test-loss]", at: value.location, hint: "valid: \(valid.joined(separator: ", "))",
                id: .badValue)
            return nil
        }
        var items: [RecordItem] = []
        for scalar in scalars {
            guard let item = RecordItem(rawValue: scalar.text.lowercased()) else {
                diagnostics.error(
                    "record: unknown quantity '\(scalar.text)'", at: scalar.location,
                    hint: suggestion(for: scalar.text, among: valid).map { "did you mean '\($0)'?" }
                        ?? "valid: \(valid.joined(separator: ", "))",
                    id: .badValue)
                return nil
            }
            if item == .epochs && (stopRule == nil || stopRule!.metric.isAccuracy) {
                diagnostics.error(
                    "record: 'epochs' needs a stop rule on a loss (the Playground shows losses, not accuracy)",
                    at: scalar.location, hint: "valid: add e.g. until: test-loss <= 0.02, or record only losses", id: .badValue)
                return nil
            }
            if !items.contains(item) { items.append(item) }
        }
        guard !items.isEmpty else {
            diagnostics.error(
                "record: needs at least one quantity", at: value.location, hint: "valid: \(valid.joined(separator: ", "))", id: .badValue)
            return nil
        }
        return items
    }

    /// `worksheet-runs: 3` or `all`.
    mutating func worksheetRuns(_ value: YAMLValue) -> WorksheetRuns? {
        guard let text = value.scalar?.text.trimmingCharacters(in: " ") else {
            diagnostics.error("worksheet-runs: expected a number of runs or 'all'", at: value.location, id: .badValue)
            return nil
        }
        if text.lowercased() == "all" { return .all }
        guard let n = Double(text), n.isFinite, n == n.rounded(), n >= 1, n <= 10_000 else {
            diagnostics.error(
                "worksheet-runs: '\(text)' is not a number of runs", at: value.location, hint: "valid: a whole number from 1, or all",
                id: .badValue)
            return nil
        }
        return .first(Int(n))
    }
}
