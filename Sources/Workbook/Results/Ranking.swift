/// How `best…` values and compiler-written sentences rank the combinations of a sweep. Each
/// criterion is one stated rule, printed where it is used (``Ranking/Criterion/rule``).
enum Ranking {
    enum Criterion {
        /// Fewest median epochs to the target under the censored rule (a combination whose
        /// median seed did not reach it ranks after every one whose median seed did); ties by
        /// lower median final test loss.
        case epochs
        /// Lowest median final test loss.
        case loss
        /// Highest median final test accuracy; ties by lower median final test loss.
        case accuracy

        var rule: String {
            switch self {
            case .epochs: "fewest median epochs to the target; a combination whose median seed did not reach it ranks last"
            case .loss: "lowest median final test loss"
            case .accuracy: "highest median final test accuracy"
            }
        }
    }

    /// Indices of `candidates` (into `results`), best first; equal keys keep sweep order.
    static func order(_ results: [CombinationResults], candidates: [Int], by criterion: Criterion) -> [Int] {
        func loss(_ i: Int) -> Double { results[i].finalTestLoss?.median ?? .infinity }
        func accuracy(_ i: Int) -> Double { results[i].finalTestAccuracy?.median ?? -.infinity }
        func epochs(_ i: Int) -> Int { results[i].medianEpochs ?? (results[i].epochBudget + 1) }
        return candidates.sorted { a, b in
            switch criterion {
            case .epochs:
                if epochs(a) != epochs(b) { return epochs(a) < epochs(b) }
                if loss(a) != loss(b) { return loss(a) < loss(b) }
            case .loss:
                if loss(a) != loss(b) { return loss(a) < loss(b) }
            case .accuracy:
                if accuracy(a) != accuracy(b) { return accuracy(a) > accuracy(b) }
                if loss(a) != loss(b) { return loss(a) < loss(b) }
            }
            return a < b
        }
    }
}
