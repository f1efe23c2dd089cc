import Foundation
import PlaygroundTrainer

/// What the figures of a trained run need beyond its numbers: every node's output over the
/// plane (the boundary is the last node) and the run's data set.
struct RunEvaluation: Sendable {
    var nodeGrids: [HeatmapGrid]
    var data: DataSplit

    var outputGrid: HeatmapGrid { nodeGrids[nodeGrids.count - 1] }

    static func compute(configuration: TrainingConfiguration, run: RunResult) -> RunEvaluation {
        let network = Network(configuration: configuration, parameters: run.final)
        return RunEvaluation(nodeGrids: network.nodeGrids(), data: configuration.makeData(seed: run.seed).0)
    }
}

/// Evaluations by run key, computed at most once per run in a build however many figures
/// (boundary, network, data) and tasks in parallel ask for them.
final class RunEvaluations: Sendable {
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var value: RunEvaluation?
    }

    private let slots = Locked<[String: Slot]>([:])
    private let recorded = Locked<[String: RecordingSlot]>([:])

    private final class RecordingSlot: @unchecked Sendable {
        let lock = NSLock()
        var value: RecordedRun?
    }

    /// A run trained again with `recording`, at most once per build: a timeline and each of
    /// its slider frames are tasks of their own, possibly in parallel.
    func recording(for job: RunJob, _ recording: SnapshotRecording, train: () -> RecordedRun) -> RecordedRun {
        let key = "\(job.key) \(recording.epochs.sorted()) \(recording.everyEpochParameters)"
        let slot = recorded.update { slots -> RecordingSlot in
            if let slot = slots[key] { return slot }
            let slot = RecordingSlot()
            slots[key] = slot
            return slot
        }
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let value = slot.value { return value }
        let value = train()
        slot.value = value
        return value
    }
    /// How many evaluations were computed (tests check that it is one per run).
    let computed = Locked(0)

    func evaluation(for job: RunJob, run: RunResult) -> RunEvaluation {
        let slot = slots.update { slots -> Slot in
            if let slot = slots[job.key] { return slot }
            let slot = Slot()
            slots[job.key] = slot
            return slot
        }
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let value = slot.value { return value }
        let value = RunEvaluation.compute(configuration: job.configuration, run: run)
        slot.value = value
        computed.update { $0 += 1 }
        return value
    }
}
