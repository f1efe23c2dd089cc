/// Several seeds of one configuration and what they have in common.
public struct ExperimentResult: Hashable, Codable, Sendable {
    public var configuration: TrainingConfiguration
    public var runs: [RunResult]

    public init(configuration: TrainingConfiguration, runs: [RunResult]) {
        self.configuration = configuration
        self.runs = runs
    }

    public var summary: RunSummary { RunSummary(runs: runs.map(\.digest), epochBudget: configuration.epochs) }

    /// The median run (the lower middle for an even count): by epochs to the stop rule when
    /// there is one (runs that never reached it count as slowest), else by final test loss.
    /// It is the run a figure shows when it can show only one, and the bold curve among many.
    public var representativeRun: RunResult {
        let order = runs.indices.sorted {
            let a = (runs[$0].targetEpoch ?? Int.max, runs[$0].finalTestLoss, $0)
            let b = (runs[$1].targetEpoch ?? Int.max, runs[$1].finalTestLoss, $1)
            return a < b
        }
        return runs[order[(order.count - 1) / 2]]
    }
}

/// Median, minimum and maximum of a list of values.
public struct Spread: Hashable, Codable, Sendable {
    public var median: Double
    public var minimum: Double
    public var maximum: Double
    public var count: Int

    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
        count = values.count
    }
}

/// Across-seed statistics of an experiment.
public struct RunSummary: Hashable, Codable, Sendable {
    public var seeds: Int
    public var epochBudget: Int
    /// Epochs to the stop rule over the runs that reached it.
    public var targetEpochs: Spread?
    public var reachedTarget: Int
    public var diverged: Int
    public var finalTrainLoss: Spread?
    public var finalTestLoss: Spread?
    public var finalTrainAccuracy: Spread?
    public var finalTestAccuracy: Spread?
    /// Final test loss minus final training loss (the generalization gap).
    public var generalizationGap: Spread?

    public init(runs: [RunDigest], epochBudget: Int) {
        seeds = runs.count
        self.epochBudget = epochBudget
        let reached = runs.compactMap(\.targetEpoch).map(Double.init)
        targetEpochs = Spread(reached)
        reachedTarget = reached.count
        diverged = runs.filter { $0.status == .diverged }.count
        let finite = runs.filter { $0.status != .diverged }
        finalTrainLoss = Spread(finite.map(\.finalTrainLoss))
        finalTestLoss = Spread(finite.map(\.finalTestLoss))
        finalTrainAccuracy = Spread(finite.compactMap(\.finalTrainAccuracy))
        finalTestAccuracy = Spread(finite.compactMap(\.finalTestAccuracy))
        generalizationGap = Spread(finite.map { $0.finalTestLoss - $0.finalTrainLoss })
    }
}

extension TrainingConfiguration {
    /// The seeds of a several-seed experiment: an integer seed `k` gives `k, k+1, …`; any
    /// other text `s` gives `s, s-2, s-3, …`. Each is a valid Playground seed.
    public func seedList(count: Int) -> [String] {
        guard count > 1 else { return [seed] }
        if let base = Int(seed) { return (0..<count).map { String(base + $0) } }
        return [seed] + (2...count).map { "\(seed)-\($0)" }
    }
}

extension Trainer {
    /// Runs every seed one after another (callers parallelise across experiments).
    public func run(seeds: [String], progress: (String, Int) -> Void = { _, _ in }) -> ExperimentResult {
        run(seeds: seeds, resets: 0) { identity, epoch in progress(identity.seed, epoch) }
    }

    /// Runs every seed's fresh page and its first `resets` presses of the reset button
    /// (seeds × (resets + 1) runs), seed by seed, each seed's resets in press order.
    public func run(
        seeds: [String], resets: Int, progress: (RunIdentity, Int) -> Void = { _, _ in }
    ) -> ExperimentResult {
        let runs = RunIdentity.list(seeds: seeds, resets: resets).map { identity in
            run(seed: identity.seed, reset: identity.reset) { progress(identity, $0) }
        }
        return ExperimentResult(configuration: configuration, runs: runs)
    }
}
