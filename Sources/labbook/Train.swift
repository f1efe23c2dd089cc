import ArgumentParser
import CairoRendering
import Foundation
import PlaygroundTrainer
import Plotting
import Workbook

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train one experiment with the Playground's exact semantics and print its results.",
        usage: """
            labbook train [--<setting> <value> ...] [--format <format>] [--figure <figure> --out <out> ...]
                          [--show-test-data] [--discretize] [--log-scale]
            """,
        discussion: """
            Example: labbook train --dataset xor --hidden 4 --activation relu --learning-rate 0.001 \
            --epochs 3000 --until 'test-loss <= 0.02' --seeds 5

            \(SettingOptions.help)
            """)

    @OptionGroup var settings: SettingOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    @Option(help: "text (a short summary) or json (every number).")
    var format: Format = .text

    @Option(name: .customLong("figure"), help: "A figure to draw (repeatable; pairs with --out).")
    var figures: [ExperimentFigure] = []
    @Option(name: .customLong("out"), help: "File for the matching --figure; the format comes from the extension (.png, .svg, .pdf).")
    var outputs: [String] = []
    @Flag(name: .customLong("show-test-data"), help: "Draw the test points too (boundary and data figures).")
    var showTestData = false
    @Flag(help: "Colour the boundary by sign only, as the Playground's check box.")
    var discretize = false
    @Flag(name: .customLong("log-scale"), help: "Loss curves on a logarithmic axis.")
    var logScale = false

    func validate() throws {
        guard figures.count == outputs.count else {
            throw ValidationError("--figure and --out come in pairs: \(figures.count) --figure, \(outputs.count) --out")
        }
        for output in outputs where OutputFormat(path: output) == nil {
            throw ValidationError("--out: cannot tell the format of '\(output)'; valid extensions: .png, .svg, .pdf")
        }
    }

    func run() throws {
        let options = try settings.resolve()
        for note in options.notes { printError("note: \(note)") }
        let resolved = options.settings
        let trainer = Trainer(configuration: resolved.configuration)
        let seeds = resolved.seeds
        let epochs = resolved.configuration.epochs
        let showProgress = standardErrorIsTerminal && epochs >= 200
        let experiment = trainer.run(seeds: seeds, resets: options.resets) { identity, epoch in
            if showProgress { printControl("\r", then: "\(identity): epoch \(epoch)/\(epochs)   ") }
        }
        if showProgress { printControl("\r\u{1B}[K") }
        switch format {
        case .json: print(TrainJSON.report(experiment, resets: options.resets).serialized(indent: 2))
        case .text: printOutput(TextReport(experiment: experiment, resets: options.resets).text)
        }
        if !figures.isEmpty {
            let renderer = try FigureRenderer()
            for (kind, path) in zip(figures, outputs) {
                let figure = kind.make(
                    configuration: resolved.configuration, runs: experiment.runs, showTestData: showTestData,
                    discretize: discretize, logScale: logScale)
                try writeFigure(figure, to: path, renderer: renderer)
                if format == .text { print("Wrote \(path)") }
            }
        }
    }
}

/// The JSON of `labbook train`: the shared run report, with every run's reset index beside
/// its seed, and the list of runs whenever there is more than one.
enum TrainJSON {
    static func report(_ experiment: ExperimentResult, resets: Int) -> JSONValue {
        guard case .object(var pairs) = RunReport.json(experiment) else { return RunReport.json(experiment) }
        pairs = withReset(pairs, experiment.runs[0].reset)
        for (index, pair) in pairs.enumerated() where pair.0 == "runs" {
            guard case .array(let runs) = pair.1 else { continue }
            pairs[index].1 = .array(
                zip(runs, experiment.runs).map { json, run in
                    guard case .object(let fields) = json else { return json }
                    return .object(withReset(fields, run.reset))
                })
        }
        if let seeds = pairs.firstIndex(where: { $0.0 == "config" }) {
            pairs.insert(("resets", .integer(resets)), at: seeds + 1)
        }
        return .object(pairs)
    }

    /// Inserts `"reset": r` right after `"seed"`.
    private static func withReset(_ fields: [(String, JSONValue)], _ reset: Int) -> [(String, JSONValue)] {
        var fields = fields
        let at = (fields.firstIndex { $0.0 == "seed" } ?? -1) + 1
        fields.insert(("reset", .integer(reset)), at: at)
        return fields
    }
}

/// Renders a figure in the format its file name asks for and writes it atomically.
func writeFigure(_ figure: some Figure, to path: String, renderer: FigureRenderer) throws {
    let format = OutputFormat(path: path)!
    let bytes = try renderer.render(figure, as: format)
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try atomicWrite(Data(bytes), to: url)
}

/// The human summary of `labbook train`.
struct TextReport {
    var experiment: ExperimentResult
    /// Presses of the reset button trained after each seed's fresh page.
    var resets = 0

    var text: String {
        let c = experiment.configuration
        var lines = [c.shortDescription]
        for run in experiment.runs {
            var line = "\(run.identity): "
            switch run.status {
            case .diverged:
                line += "diverged at epoch \(run.divergedAtEpoch ?? 0) (loss became NaN or infinite)"
            case .reachedTarget:
                line += "reached \(c.stopRule!) at epoch \(run.targetEpoch!)"
            case .completed:
                line += "ran \(run.epochsRun) epochs" + (c.stopRule.map { ", \($0) not reached" } ?? "")
            }
            if run.status != .diverged || run.epochsRun >= 0 {
                line += " · train loss \(format(run.finalTrainLoss)) · test loss \(format(run.finalTestLoss))"
                if let accuracy = run.finalTestAccuracy { line += " · test accuracy \(percent(accuracy))" }
            }
            lines.append(line)
        }
        if experiment.runs.count > 1 {
            // The workbook's one rule (``CombinationResults``): the lower-middle run, runs that
            // missed the target counted as slowest — never an average of two runs.
            let r = CombinationResults(runs: experiment.runs.map(\.digest), epochBudget: c.epochs, stopRule: c.stopRule)
            let count = r.seedCount
            let seedCount = count / (resets + 1)
            var line =
                resets == 0
                ? "\(count) seeds: "
                : "\(count) runs (\(seedCount) seed\(seedCount == 1 ? "" : "s") × the fresh page and \(resets) reset\(resets == 1 ? "" : "s")): "
            if c.stopRule != nil {
                line += "target reached by \(r.reachedCount) of \(count), "
                if let median = r.medianEpochs {
                    line += "median \(median) epochs"
                } else {
                    line += "median not reached in \(c.epochs) epochs (fewer than half reached it)"
                }
                if let epochs = r.reachedEpochs, !ValueFormatting.printsAsOne(epochs, { String(Int($0)) }) {
                    line += " (reached: \(Int(epochs.minimum))–\(Int(epochs.maximum)))"
                }
                line += "; "
            }
            if let loss = r.finalTestLoss {
                line += "final test loss median \(format(loss.median))"
                if !ValueFormatting.printsAsOne(loss, format) { line += " (\(format(loss.minimum))–\(format(loss.maximum)))" }
            }
            line += "; median run: \(CombinationResults.name(r.representative))"
            lines.append(line)
        }
        if c.isShowableInPlayground {
            lines.append("Playground: " + PlaygroundLink.url(for: c, seed: experiment.runs[0].seed))
            if resets > 0 {
                lines.append("Reset r: open the seed's link and press the reset button (↻) r times; the data stay, the weights are new.")
            }
        } else if let reason = c.datasetOutsidePlayground {
            lines.append("Playground: no link; \(reason)")
        }
        return lines.joined(separator: "\n")
    }

    func format(_ value: Double) -> String { String(format: "%.4g", value) }
    func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }
}
