import CairoRendering
import Foundation
import PlaygroundTrainer
import Plotting
import Workbook

/// `labbook bench`'s rendering part: CPU milliseconds (this thread's CPU time, so other load
/// does not count) and bytes per figure and format, for one experiment's figures
/// and for a sweep figure of ten loss panels.
struct RenderBench {
    struct Row {
        var figure: String
        var format: String
        var cpuMilliseconds: Double
        var bytes: Int
    }

    let renderer: FigureRenderer
    let repetitions: Int

    func run() throws -> [Row] {
        var c = BenchmarkConfigurations.all.first { $0.0 == "c" }!.2
        c.epochs = 1000
        let runs = [Trainer(configuration: c).run()]
        var figures: [(String, any Figure)] = ExperimentFigure.allCases.map { ("c-\($0.rawValue)", $0.make(configuration: c, runs: runs)) }
        var panels: [(String, any Figure)] = []
        for k in 0..<10 {
            var swept = c
            swept.learningRate = 0.001 * Double(k + 1)
            panels.append(
                (
                    "learning rate = \(swept.learningRate)",
                    ExperimentFigure.loss.make(configuration: swept, runs: [Trainer(configuration: swept).run()])
                ))
        }
        figures.append(("sweep-10-loss", ExperimentFigure.smallMultiples(panels)))
        // The figures inside the network: every run of 1 seed and 3 resets (200 epochs each),
        // the hidden neurons' maps, and one example's backward pass through a 2-[3]-1 network.
        var short = c
        short.epochs = 200
        let resets = Trainer(configuration: short).run(seeds: [short.seed], resets: 3).runs
        figures.append(("c-runs-4", ExperimentFigure.runsSideBySide(configuration: short, runs: resets, of: [.boundary, .loss])))
        figures.append(("c-neuron-maps", ExperimentFigure.neuronMaps(configuration: c, run: runs[0])))
        if let space = ExperimentFigure.hiddenSpace(configuration: c, run: runs[0]) { figures.append(("c-hidden-space", space)) }
        if let space = ExperimentFigure.hiddenSpaceTimeline(configuration: c, run: runs[0]) {
            figures.append(("c-hidden-space-timeline", space))
        }
        figures.append(("c-landscape", try ExperimentFigure.landscape(configuration: c, run: runs[0])))
        figures.append(("c-landscape-initial", try ExperimentFigure.landscape(configuration: c, run: runs[0], towardInitial: true)))
        var small = c
        small.hidden = [3]
        figures.append(("backprop-2-3-1", ExperimentFigure.backpropCard(configuration: small, run: Trainer(configuration: small).run())))
        var rows: [Row] = []
        for (name, figure) in figures {
            for format in [OutputFormat.png, .svg, .pdf] {
                var samples: [Double] = []
                var bytes = 0
                for _ in 0..<max(1, repetitions) {
                    let start = Self.cpuSeconds()
                    bytes = try renderer.render(figure, as: format).count
                    samples.append((Self.cpuSeconds() - start) * 1000)
                }
                rows.append(
                    Row(figure: name, format: format.fileExtension, cpuMilliseconds: samples.sorted()[samples.count / 2], bytes: bytes))
            }
        }
        return rows
    }

    /// This thread's CPU seconds (renders and the timeline bench's training run on the calling
    /// thread) in nanoseconds: `getrusage` counts in scheduler ticks of several milliseconds,
    /// as long as a small figure takes to render.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
