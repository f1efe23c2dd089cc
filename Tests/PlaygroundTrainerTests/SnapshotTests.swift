import Testing

@testable import PlaygroundTrainer

/// Snapshots are what the run held at an epoch, not a recomputation: the same bits as the same
/// seed and reset trained for exactly that many epochs.
@Suite("Snapshots")
struct SnapshotTests {
    /// Small, but with everything that could drift: L1 (dead links), leftovers accumulated
    /// across a batch boundary, a reset's network, the test set evaluated each epoch.
    static var configuration: TrainingConfiguration {
        var c = TrainingConfiguration()
        c.dataset = .xor
        c.hidden = [4, 2]
        c.batchSize = 7
        c.learningRate = 0.1
        c.regularization = .l1
        c.regularizationRate = 0.003
        c.epochs = 40
        return c
    }

    static func bits(_ p: NetworkParameters) -> [UInt64] { (p.weights + p.biases).map(\.bitPattern) }

    @Test(arguments: [0, 1, 7, 40])
    func snapshotAtAnEpochIsTheRunStoppedThere(epoch: Int) {
        let c = Self.configuration
        let recorded = Trainer(configuration: c).run(seed: "5", reset: 1, recording: SnapshotRecording(epochs: [epoch]))
        var stoppedConfiguration = c
        stoppedConfiguration.epochs = epoch
        let stopped = Trainer(configuration: stoppedConfiguration).run(seed: "5", reset: 1)
        guard let snapshot = recorded.snapshots.first else { Issue.record("no snapshot"); return }
        #expect(recorded.snapshots.count == 1)
        #expect(snapshot.epoch == epoch)
        #expect(Self.bits(snapshot.parameters) == Self.bits(stopped.final))
        #expect(snapshot.parameters.deadLinks == stopped.final.deadLinks)
        #expect(snapshot.trainLoss.bitPattern == stopped.finalTrainLoss.bitPattern)
        #expect(snapshot.testLoss.bitPattern == stopped.finalTestLoss.bitPattern)
    }

    @Test func recordingLeavesTheRunUnchanged() {
        let c = Self.configuration
        let plain = Trainer(configuration: c).run(seed: "5", reset: 1)
        let recorded = Trainer(configuration: c).run(
            seed: "5", reset: 1, recording: SnapshotRecording(epochs: [0, 3, 40], everyEpochParameters: true))
        #expect(recorded.result == plain)
        #expect(recorded.snapshots.map(\.epoch) == [0, 3, 40])
    }

    @Test func onlyTheAskedEpochsAreKeptAndUnreachedOnesAreSkipped() {
        let recorded = Trainer(configuration: Self.configuration).run(
            seed: "5", recording: SnapshotRecording(epochs: [2, 10, 41, 500]))
        #expect(recorded.snapshots.map(\.epoch) == [2, 10])
        #expect(recorded.parameterHistory.isEmpty)
    }

    @Test func everyEpochHistoryHoldsEachEpochsWeightsThenBiases() {
        let c = Self.configuration
        let recorded = Trainer(configuration: c).run(
            seed: "5", recording: SnapshotRecording(epochs: [0, 12], everyEpochParameters: true))
        #expect(recorded.parameterHistory.count == c.epochs + 1)
        for snapshot in recorded.snapshots {
            #expect(recorded.parameterHistory[snapshot.epoch].map(\.bitPattern) == Self.bits(snapshot.parameters))
        }
        #expect(recorded.parameterHistory.last!.map(\.bitPattern) == Self.bits(recorded.result.final))
    }

    @Test func aRunStoppedByItsRuleEndsItsSnapshotsAtTheStop() throws {
        var c = Self.configuration
        c.regularization = .none
        c.epochs = 400
        c.stopRule = try StopRule(parsing: "test-loss <= 0.2")
        let recorded = Trainer(configuration: c).run(seed: "5", recording: SnapshotRecording(epochs: Set(0...400)))
        let target = try #require(recorded.result.targetEpoch)
        #expect(recorded.snapshots.last?.epoch == target)
        #expect(recorded.snapshots.count == target + 1)
    }
}
