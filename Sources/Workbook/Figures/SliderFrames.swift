import PlaygroundTrainer
import Plotting

/// The frames of the epoch slider: where an experiment shows a boundary or network timeline (or
/// `hidden-space` with `snapshots:` written, which makes it a timeline), one PNG per snapshot
/// epoch of that timeline, so the page can step through them.
///
/// A sweep gets one frame per combination per snapshot (`q4-time-boundary-c2-epoch-60.png`,
/// `c2` the second combination), each drawn from that combination's representative run, so the
/// slider shows every combination side by side. Runs that stop early (`until:`) have fewer or
/// other snapshot epochs than the rest, so a sweep's slider steps over the snapshot *position*
/// (first, second, …, last), each combination labelled with its own epoch; a combination with
/// fewer snapshots keeps showing its last one ("its last") while the others go on.
enum SliderFrames {
    /// The kinds of `spec`'s figures that get a slider, in the order the slider shows their
    /// frames: the boundary and network timelines, and the hidden space where it is over time.
    static func kinds(of spec: ExperimentSpec) -> [FigureKind] {
        let timelines: [FigureKind] = [.boundaryTimeline, .networkTimeline] + (spec.hiddenSpace?.overTime == true ? [.hiddenSpace] : [])
        return timelines.filter(spec.figures.contains)
    }

    /// "boundary", "network", "hidden-space": the middle of a frame's file name.
    static func frameName(_ kind: FigureKind) -> String {
        kind == .networkTimeline ? "network" : kind == .hiddenSpace ? "hidden-space" : "boundary"
    }

    /// What one frame shows ("Decision boundary") and what a sweep's frames are together
    /// ("decision boundaries"), for alt texts and the slider's name.
    static func frameNoun(_ kind: FigureKind) -> (one: String, many: String) {
        kind == .networkTimeline
            ? ("Network", "networks")
            : kind == .hiddenSpace ? ("The data in hidden space", "hidden spaces") : ("Decision boundary", "decision boundaries")
    }

    /// "training loss 0.031, test loss 0.040": a snapshot's losses in words.
    static func losses(_ snapshot: Snapshot) -> String {
        "training loss \(ValueFormatting.loss(snapshot.trainLoss)), test loss \(ValueFormatting.loss(snapshot.testLoss))"
    }

    /// "epoch 100: training loss 0.031, test loss 0.040": what the slider says at a frame.
    static func label(_ snapshot: Snapshot) -> String {
        "epoch \(snapshot.epoch): " + losses(snapshot)
    }

    /// `xor-boundary-epoch-120`, or for the second combination of a sweep
    /// `xor-boundary-c2-epoch-120`: the file stem of one frame (`combination` counts from 0).
    static func stem(ownerID: String, kind: FigureKind, combination: Int? = nil, epoch: Int) -> String {
        let part = combination.map { "-c\($0 + 1)" } ?? ""
        return "\(ownerID)-\(frameName(kind))\(part)-epoch-\(epoch)"
    }

    /// One combination's part of a slider: its title ("seed = 2"; empty outside a sweep) and the
    /// snapshot epochs of its representative run.
    struct Combination: Sendable, Equatable {
        /// Index among the sweep's combinations; nil for an experiment that is no sweep.
        var index: Int?
        var title: String
        var epochs: [Int]
    }

    /// Each combination's snapshot epochs, or nil when the experiment shows no timeline (or has
    /// no results).
    static func combinations(_ spec: ExperimentSpec, results: [CombinationResults]) -> [Combination]? {
        guard !results.isEmpty, !kinds(of: spec).isEmpty else { return nil }
        let panels = ResultPanel.panels(of: spec, results: results)
        return panels.enumerated().map { index, panel in
            Combination(
                index: spec.isSweep ? index : nil, title: spec.isSweep ? panel.title : "",
                epochs: spec.display.snapshots.epochs(lastEpoch: panel.results.representative.epochsRun))
        }
    }

    /// One task per frame of every slider kind the experiment shows; a sweep's frame task holds
    /// only its own combination's panel, so its cache key depends on that combination's runs
    /// alone — except the hidden space's, whose axes are shared with other combinations (see
    /// ``HiddenSpaceFigure``): it keeps every panel and draws the one `frameCombination` names.
    static func tasks(for timeline: FigureTask, spec: ExperimentSpec, results: [CombinationResults]) -> [FigureTask] {
        guard kinds(of: spec).contains(timeline.kind), let combinations = combinations(spec, results: results),
            case .panels(let panels, let display, let sweep, let metric) = timeline.source
        else { return [] }
        return combinations.enumerated().flatMap { position, combination in
            combination.epochs.map { epoch in
                var frame = timeline
                frame.frameEpoch = epoch
                if let index = combination.index {
                    frame.frameCombination = index
                    if timeline.kind != .hiddenSpace {
                        frame.source = .panels([panels[position]], display, sweep: sweep, metric: metric)
                    }
                }
                return frame
            }
        }
    }
}
