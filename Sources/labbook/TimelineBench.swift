import CairoRendering
import Foundation
import PlaygroundTrainer
import Plotting
import Workbook

/// `labbook bench`'s figures over time: config h (spiral, 7 features, [8, 8, 5]) trained for
/// 1000 epochs recording 8 log-spaced snapshots; then, per timeline kind, the CPU time to draw
/// the timeline (8 networks evaluated on the grid, drawn) in PNG, SVG and PDF and the slider's 8
/// PNG frames, and the bytes a build writes for them: what one experiment with snapshots adds
/// to `Output/`.
struct TimelineBench {
    struct Row {
        var kind: String
        var trainingMilliseconds: Double
        var timelineMilliseconds: Double
        var timelineBytes: Int
        var framesMilliseconds: Double
        var framesBytes: Int
    }

    static let snapshots = 8

    let renderer: FigureRenderer
    let repetitions: Int

    func run() throws -> [Row] {
        var c = BenchmarkConfigurations.all.first { $0.0 == "h" }!.2
        c.epochs = 1000
        var recorded: RecordedRun?
        let training = median(
            (0..<max(1, repetitions / 3)).map { _ in
                let start = RenderBench.cpuSeconds()
                recorded = ExperimentFigure.recordTimeline(configuration: c, snapshots: Self.snapshots)
                return (RenderBench.cpuSeconds() - start) * 1000
            })
        var rows: [Row] = []
        for network in [false, true] {
            var timelineSamples: [Double] = [], frameSamples: [Double] = []
            var timelineBytes = 0, framesBytes = 0
            for _ in 0..<max(1, repetitions / 3) {
                var start = RenderBench.cpuSeconds()
                let timeline = ExperimentFigure.timeline(network: network, configuration: c, recorded: recorded!)
                timelineBytes = 0
                for format in [OutputFormat.png, .svg, .pdf] { timelineBytes += try renderer.render(timeline, as: format).count }
                let timelineSeconds = RenderBench.cpuSeconds() - start
                start = RenderBench.cpuSeconds()
                framesBytes = 0
                let frames = ExperimentFigure.sliderFrames(network: network, configuration: c, recorded: recorded!)
                for frame in frames { framesBytes += try renderer.render(frame, as: .png).count }
                // Building a figure (each snapshot's network on the grid) counts with its drawing.
                timelineSamples.append(timelineSeconds * 1000)
                frameSamples.append((RenderBench.cpuSeconds() - start) * 1000)
            }
            rows.append(
                Row(
                    kind: network ? "network-timeline" : "boundary-timeline", trainingMilliseconds: training,
                    timelineMilliseconds: median(timelineSamples), timelineBytes: timelineBytes,
                    framesMilliseconds: median(frameSamples), framesBytes: framesBytes))
        }
        return rows
    }

    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
}
