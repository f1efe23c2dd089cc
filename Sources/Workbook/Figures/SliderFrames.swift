import PlaygroundTrainer
import Plotting

/// The frames of the epoch slider: where an experiment (not a sweep) shows a boundary or network
/// timeline, one PNG per snapshot epoch of that timeline, so the page can step through them.
enum SliderFrames {
    /// The kinds that get a slider, in the order the slider shows their frames.
    static let kinds: [FigureKind] = [.boundaryTimeline, .networkTimeline]

    /// "boundary", "network": the middle of a frame's file name.
    static func frameName(_ kind: FigureKind) -> String {
        kind == .networkTimeline ? "network" : "boundary"
    }

    /// "epoch 100: training loss 0.031, test loss 0.040": what the slider says at a frame.
    static func label(_ snapshot: Snapshot) -> String {
        "epoch \(snapshot.epoch): training loss \(ValueFormatting.loss(snapshot.trainLoss)), test loss \(ValueFormatting.loss(snapshot.testLoss))"
    }

    /// `xor-boundary-epoch-120`: the file stem of one frame.
    static func stem(ownerID: String, kind: FigureKind, epoch: Int) -> String {
        "\(ownerID)-\(frameName(kind))-epoch-\(epoch)"
    }

    /// The snapshot epochs of the experiment's representative run, or nil when it has no slider
    /// (a sweep shows one row per combination; a slider steps through one run).
    static func epochs(_ spec: ExperimentSpec, results: [CombinationResults]) -> [Int]? {
        guard !spec.isSweep, let first = results.first, spec.figures.contains(where: kinds.contains) else { return nil }
        return spec.display.snapshots.epochs(lastEpoch: first.representative.epochsRun)
    }

    /// One task per frame of every slider kind the experiment shows.
    static func tasks(for timeline: FigureTask, spec: ExperimentSpec, results: [CombinationResults]) -> [FigureTask] {
        guard kinds.contains(timeline.kind), let epochs = epochs(spec, results: results) else { return [] }
        return epochs.map { epoch in
            var frame = timeline
            frame.frameEpoch = epoch
            return frame
        }
    }
}
