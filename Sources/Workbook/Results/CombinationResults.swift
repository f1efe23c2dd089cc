import PlaygroundTrainer

/// The one analysis of a combination's runs that tables, figures, inline values, rankings and
/// alt texts all read. Nothing downstream computes its own median.
///
/// **The rule.** Runs are ordered by epochs to the stop rule; a run that did not reach it
/// (or diverged) counts as *censored at the budget*: slower than every run that reached it.
/// Ties, and experiments without a stop rule, are ordered by final test loss, then by seed
/// order. The **representative run** is the lower middle of that order (run `(n − 1) / 2`, so
/// a run's own values, never an average). The **median epochs** are the representative run's
/// epochs — "not reached" when fewer than half of the runs reached the target.
public struct CombinationResults: Sendable, Hashable {
    /// One digest per seed, in seed order.
    public let runs: [RunDigest]
    public let epochBudget: Int
    public let stopRule: StopRule?
    /// Run indices from fastest (or lowest loss) to slowest, by the rule above.
    public let order: [Int]
    /// The representative run's trained network in words (boundary zones, strongest weights),
    /// for alt texts; set by ``ResultsAnalysis`` when the run's weights could be read.
    public var network: NetworkSummary?
    /// Each run as the Playground shows it, for a worksheet's rows and its key (``RunRecord``);
    /// set by ``ResultsAnalysis`` for worksheets, in run order.
    public var records: [RunRecord] = []

    public init(runs: [RunDigest], epochBudget: Int, stopRule: StopRule?) {
        self.runs = runs
        self.epochBudget = epochBudget
        self.stopRule = stopRule
        func epochs(_ index: Int) -> Int {
            runs[index].status != .diverged ? runs[index].targetEpoch ?? (epochBudget + 1) : epochBudget + 1
        }
        func loss(_ index: Int) -> Double {
            let value = runs[index].finalTestLoss
            return runs[index].status == .diverged || !value.isFinite ? .infinity : value
        }
        order = runs.indices.sorted { a, b in
            if stopRule != nil, epochs(a) != epochs(b) { return epochs(a) < epochs(b) }
            if loss(a) != loss(b) { return loss(a) < loss(b) }
            return a < b
        }
    }

    /// Runs of the combination: seeds × (resets + 1).
    public var seedCount: Int { runs.count }
    /// What the runs are called: "seeds", or "runs" when resets give several runs per seed.
    public var runNoun: String { runs.contains { $0.reset > 0 } ? "runs" : "seeds" }

    /// "seed 3", or "seed 1, reset 2" for a run after presses of the reset button.
    public static func name(_ run: RunDigest) -> String {
        run.reset == 0 ? "seed \(run.seed)" : "seed \(run.seed), reset \(run.reset)"
    }
    /// The run a figure shows when it can show only one; the bold curve among many.
    public var representativeIndex: Int { order[(order.count - 1) / 2] }
    public var representative: RunDigest { runs[representativeIndex] }

    /// Runs that reached the stop rule (diverged runs never count).
    public var reachedCount: Int { runs.count { $0.status != .diverged && $0.targetEpoch != nil } }
    public var divergedCount: Int { runs.count { $0.status == .diverged } }
    public var notReachedCount: Int { runs.count - reachedCount }

    /// Median epochs to the stop rule under the censored rule; nil when the median run did not
    /// reach it (or there is no stop rule).
    public var medianEpochs: Int? {
        let run = representative
        return run.status == .diverged ? nil : run.targetEpoch
    }

    /// Epochs of the runs that reached the target (fewest–most).
    public var reachedEpochs: Statistic? {
        Statistic(runs.filter { $0.status != .diverged }.compactMap(\.targetEpoch).map(Double.init))
    }

    private var finiteRuns: [RunDigest] { runs.filter { $0.status != .diverged } }
    public var finalTrainLoss: Statistic? { Statistic(finiteRuns.map(\.finalTrainLoss)) }
    public var finalTestLoss: Statistic? { Statistic(finiteRuns.map(\.finalTestLoss)) }
    public var finalTrainAccuracy: Statistic? { Statistic(finiteRuns.compactMap(\.finalTrainAccuracy)) }
    public var finalTestAccuracy: Statistic? { Statistic(finiteRuns.compactMap(\.finalTestAccuracy)) }
    public var gap: Statistic? { Statistic(finiteRuns.map { $0.finalTestLoss - $0.finalTrainLoss }) }

    /// How the median was taken, for captions and alt texts: "median of 5 seeds; 2 did not
    /// reach the target within 3000 epochs".
    public var medianNote: String {
        var text = seedCount == 1 ? "one seed" : "median of \(seedCount) \(runNoun)"
        if stopRule != nil, notReachedCount > 0, seedCount > 1 {
            text += "; \(notReachedCount) did not reach the target within \(epochBudget) epochs"
            if divergedCount > 0 { text += " (\(divergedCount) diverged)" }
        }
        return text
    }
}

/// The results of every experiment of a book, by experiment ID, one entry per combination (in
/// the experiment's combination order). Made once, right after training.
public struct BookResults: Sendable {
    public var experiments: [String: [CombinationResults]]

    public init(experiments: [String: [CombinationResults]]) {
        self.experiments = experiments
    }

    public subscript(_ id: String) -> [CombinationResults] { experiments[id] ?? [] }
}
