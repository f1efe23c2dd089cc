/// The network and both losses at one epoch of a run: what a figure of training over time
/// draws for that epoch.
public struct Snapshot: Hashable, Codable, Sendable {
    /// 0 = the untrained network.
    public var epoch: Int
    public var parameters: NetworkParameters
    public var trainLoss: Double
    public var testLoss: Double

    public init(epoch: Int, parameters: NetworkParameters, trainLoss: Double, testLoss: Double) {
        self.epoch = epoch
        self.parameters = parameters
        self.trainLoss = trainLoss
        self.testLoss = testLoss
    }
}

/// What a recorded run keeps beyond its ``RunResult``. Recording copies state out of the
/// trainer between epochs and never changes its arithmetic, so a snapshot at epoch e is bit for
/// bit the end of the same run stopped at e.
public struct SnapshotRecording: Hashable, Sendable {
    /// Epochs whose network is kept; epochs the run never reaches are skipped.
    public var epochs: Set<Int>
    /// Whether every epoch's weights and biases are kept (for weight trajectories): one flat
    /// row per epoch, costly for long runs, so only when a figure asks for it.
    public var everyEpochParameters: Bool

    public init(epochs: Set<Int>, everyEpochParameters: Bool = false) {
        self.epochs = epochs
        self.everyEpochParameters = everyEpochParameters
    }
}

/// A run with the snapshots it was asked to record.
public struct RecordedRun: Sendable {
    public var result: RunResult
    /// In epoch order.
    public var snapshots: [Snapshot]
    /// `parameterHistory[e]` = the weights (link order) then the biases (node order) after
    /// epoch e; empty unless ``SnapshotRecording/everyEpochParameters`` was set.
    public var parameterHistory: [[Double]]
}

extension Trainer {
    /// Runs one seed (and reset) as ``run(seed:reset:progress:)`` does, keeping the network
    /// and losses at the epochs of `recording`.
    public func run(seed: String? = nil, reset: Int = 0, recording: SnapshotRecording) -> RecordedRun {
        let session = TrainingSession(configuration: configuration, seed: seed ?? configuration.seed, reset: reset)
        var snapshots: [Snapshot] = []
        var history: [[Double]] = []
        let result = session.run(progress: { _ in }) { epoch, parameters, trainLoss, testLoss in
            if recording.everyEpochParameters { history.append(parameters.weights + parameters.biases) }
            if recording.epochs.contains(epoch) {
                snapshots.append(Snapshot(epoch: epoch, parameters: parameters, trainLoss: trainLoss, testLoss: testLoss))
            }
        }
        return RecordedRun(result: result, snapshots: snapshots, parameterHistory: history)
    }
}
