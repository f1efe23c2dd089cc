/// How a run ended.
public enum RunStatus: String, Codable, Sendable {
    /// Ran every epoch of the budget.
    case completed
    /// The stop rule held; the run stopped at that epoch.
    case reachedTarget = "reached-target"
    /// A loss became NaN or infinite; the run stopped there.
    case diverged
}

/// Which run of an experiment: a seed, and how many times the Playground's reset button was
/// pressed on that seed's page (0 = the page as loaded). Runs of one seed share their data.
public struct RunIdentity: Hashable, Codable, Sendable, CustomStringConvertible {
    public var seed: String
    public var reset: Int

    public init(seed: String, reset: Int = 0) {
        self.seed = seed
        self.reset = reset
    }

    /// `seed 2` or `seed 2, reset 1`.
    public var description: String { reset == 0 ? "seed \(seed)" : "seed \(seed), reset \(reset)" }

    /// Seeds in the order given, each seed's resets in press order.
    public static func list(seeds: [String], resets: Int) -> [RunIdentity] {
        seeds.flatMap { seed in (0...max(resets, 0)).map { RunIdentity(seed: seed, reset: $0) } }
    }
}

/// Everything one run produced.
public struct RunResult: Hashable, Codable, Sendable {
    public var seed: String
    /// Presses of the reset button before this run's network (0 = the fresh page).
    public var reset: Int
    public var status: RunStatus
    /// Losses after each epoch, index 0 = the untrained network. A diverged run keeps only the
    /// finite epochs before the divergence, so nothing plots a NaN.
    public var trainLoss: [Double]
    public var testLoss: [Double]
    /// Fraction of correctly classified points per epoch (classification only).
    public var trainAccuracy: [Double]?
    public var testAccuracy: [Double]?
    /// First epoch at which the stop rule held, or nil.
    public var targetEpoch: Int?
    /// Epoch whose loss was not finite, or nil.
    public var divergedAtEpoch: Int?
    public var initial: NetworkParameters
    /// Parameters after the last recorded epoch.
    public var final: NetworkParameters
    /// Parameters after the first epoch (the traces record them too).
    public var afterFirstEpoch: NetworkParameters?
    /// Random draws used by data generation, shuffle and weight initialisation.
    public var draws: DrawCounts

    /// Epochs whose losses are recorded (the untrained epoch 0 not counted).
    public init(
        seed: String, reset: Int, status: RunStatus, trainLoss: [Double], testLoss: [Double], trainAccuracy: [Double]?,
        testAccuracy: [Double]?, targetEpoch: Int?, divergedAtEpoch: Int?, initial: NetworkParameters, final: NetworkParameters,
        afterFirstEpoch: NetworkParameters?, draws: DrawCounts
    ) {
        self.seed = seed
        self.reset = reset
        self.status = status
        self.trainLoss = trainLoss
        self.testLoss = testLoss
        self.trainAccuracy = trainAccuracy
        self.testAccuracy = testAccuracy
        self.targetEpoch = targetEpoch
        self.divergedAtEpoch = divergedAtEpoch
        self.initial = initial
        self.final = final
        self.afterFirstEpoch = afterFirstEpoch
        self.draws = draws
    }

    public var epochsRun: Int { trainLoss.count - 1 }
    public var finalTrainLoss: Double { trainLoss.last ?? .nan }
    public var finalTestLoss: Double { testLoss.last ?? .nan }
    public var finalTestAccuracy: Double? { testAccuracy?.last }
    public var finalTrainAccuracy: Double? { trainAccuracy?.last }
    public var identity: RunIdentity { RunIdentity(seed: seed, reset: reset) }
}

public struct DrawCounts: Hashable, Codable, Sendable {
    public var data: Int
    public var shuffle: Int
    /// Draws taken by this run's network.
    public var weights: Int
    /// Draws before this run's network: data and shuffle, plus the networks of earlier resets.
    public var weightsOffset: Int

    public init(data: Int, shuffle: Int, weights: Int, weightsOffset: Int) {
        self.data = data
        self.shuffle = shuffle
        self.weights = weights
        self.weightsOffset = weightsOffset
    }
}

/// The few numbers of a run that tables and inline values need — small enough to keep beside
/// the full result and read without loading every loss of every epoch.
public struct RunDigest: Hashable, Codable, Sendable {
    public var seed: String
    public var reset: Int
    public var status: RunStatus
    public var epochsRun: Int
    public var targetEpoch: Int?
    public var divergedAtEpoch: Int?
    public var finalTrainLoss: Double
    public var finalTestLoss: Double
    public var finalTrainAccuracy: Double?
    public var finalTestAccuracy: Double?
}

extension RunResult {
    public var digest: RunDigest {
        RunDigest(
            seed: seed, reset: reset, status: status, epochsRun: epochsRun, targetEpoch: targetEpoch,
            divergedAtEpoch: divergedAtEpoch, finalTrainLoss: finalTrainLoss, finalTestLoss: finalTestLoss,
            finalTrainAccuracy: finalTrainAccuracy, finalTestAccuracy: finalTestAccuracy)
    }
}
