/// The blank a student fills in where the instructor edition prints a number: it keeps the
/// unit and the qualifier's shape, so the sentence still reads ("after ____ epochs").
enum ValueBlank {
    static let line = "____"

    /// Whether the metric is a result of training (the budget and seed count are the setup).
    static func isResult(_ metric: ValueMetric) -> Bool { ![.budget, .seeds, .resets, .runs].contains(metric) }

    static func text(_ metric: ValueMetric, plain: Bool, seedCount: Int) -> String {
        let range = "\(line)–\(line)"
        switch metric {
        case .epochs, .bestEpochs: return plain ? line : "\(line) epochs"
        case .epochsRange: return plain ? range : "\(range) epochs"
        case .reached: return "\(line) of \(seedCount)" + (plain ? "" : " seeds")
        case .reachedCount: return line
        case .reachedShare: return "\(line) %"
        case .testAccuracy, .trainAccuracy, .bestAccuracy: return "\(line) %"
        case .testAccuracyRange, .trainAccuracyRange: return "\(range) %"
        case .testLossRange, .trainLossRange, .gapRange: return range
        case .testLoss, .trainLoss, .gap, .bestLoss, .best, .bestByLoss, .bestByAccuracy, .budget, .seeds, .resets, .runs, .weight, .bias:
            return line
        }
    }
}
