import ArgumentParser
import CairoRendering
import Foundation
import PlaygroundTrainer
import Plotting
import Workbook

struct Activations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw activation functions and their derivatives.")

    @Option(help: "Output file (.png, .svg or .pdf).")
    var out: String
    @Option(help: "Comma list of relu, sigmoid, tanh, linear.")
    var functions = "relu,sigmoid,tanh,linear"
    @Option(help: "Lowest x.")
    var from = -5.0
    @Option(help: "Highest x.")
    var to = 5.0

    func validate() throws {
        guard OutputFormat(path: out) != nil else {
            throw ValidationError("--out: cannot tell the format of '\(out)'; valid extensions: .png, .svg, .pdf")
        }
        guard from < to else { throw ValidationError("--from must be less than --to") }
        for name in functions.split(separator: ",") where Activation(rawValue: name.trimmingCharacters(in: .whitespaces)) == nil {
            throw ValidationError("--functions: unknown activation '\(name)'; valid: relu, sigmoid, tanh, linear")
        }
    }

    func run() throws {
        let list = functions.split(separator: ",").compactMap { Activation(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
        try writeFigure(ExperimentFigure.activations(list, range: from...to), to: out, renderer: try FigureRenderer())
        print("Wrote \(out)")
    }
}

struct Gallery: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render every figure kind for a few configurations into a folder, to look at them all at once.")

    @Argument(help: "Folder to write into.")
    var folder: String

    func run() throws {
        let renderer = try FigureRenderer()
        let root = URL(fileURLWithPath: folder)
        var written: [String] = []
        func save(_ figure: some Figure, _ name: String) throws {
            for format in ["png", "svg", "pdf"] {
                let path = root.appendingPathComponent("\(name).\(format)").path
                try writeFigure(figure, to: path, renderer: renderer)
            }
            written.append(name)
        }
        for (id, configuration, showTest) in Self.configurations {
            var c = configuration
            c.stopRule = try StopRule(parsing: "test-loss <= 0.02")
            let runs = Trainer(configuration: c).run(seeds: c.seedList(count: id == "xor-relu" ? 5 : 1)).runs
            for kind in ExperimentFigure.allCases {
                try save(kind.make(configuration: c, runs: runs, showTestData: showTest), "\(id)-\(kind.rawValue)")
            }
            if runs.count > 1 {
                try save(ExperimentFigure.runsSideBySide(configuration: c, runs: runs, of: [.boundary, .loss]), "\(id)-runs")
            }
            if !c.hidden.isEmpty { try save(ExperimentFigure.neuronMaps(configuration: c, run: runs[0]), "\(id)-neuron-maps") }
            if let space = ExperimentFigure.hiddenSpace(configuration: c, run: runs[0]) { try save(space, "\(id)-hidden-space") }
            if let space = ExperimentFigure.hiddenSpaceTimeline(configuration: c, run: runs[0]) {
                try save(space, "\(id)-hidden-space-timeline")
            }
            try save(ExperimentFigure.landscape(configuration: c, run: runs[0]), "\(id)-landscape")
            try save(ExperimentFigure.landscape(configuration: c, run: runs[0], towardInitial: true), "\(id)-landscape-initial")
            if NetworkParameters.linkCount(layerSizes: c.layerSizes) <= 20 {
                try save(ExperimentFigure.backpropCard(configuration: c, run: runs[0]), "\(id)-backprop")
            }
        }
        try save(ExperimentFigure.activations(), "activations")
        // Small multiples: three activations on XOR.
        var panels: [(String, any Figure)] = []
        var lossPanels: [(String, any Figure)] = []
        for activation in [Activation.relu, .sigmoid, .tanh] {
            var c = Self.configurations[0].1
            c.activation = activation
            c.stopRule = try StopRule(parsing: "test-loss <= 0.02")
            let runs = Trainer(configuration: c).run(seeds: c.seedList(count: 3)).runs
            panels.append((activation.rawValue, ExperimentFigure.boundary.make(configuration: c, runs: runs)))
            lossPanels.append((activation.rawValue, ExperimentFigure.loss.make(configuration: c, runs: runs)))
        }
        try save(ExperimentFigure.smallMultiples(panels), "small-multiples-boundary")
        try save(ExperimentFigure.smallMultiples(lossPanels), "small-multiples-loss")
        for (name, figure) in try Self.sweepFigures() { try save(figure, name) }
        print("Wrote \(written.count) figures (PNG, SVG, PDF each) to \(root.path)")
    }

    static var configurations: [(String, TrainingConfiguration, Bool)] {
        var xor = TrainingConfiguration()
        xor.dataset = .xor
        xor.hidden = [4]
        xor.activation = .relu
        xor.learningRate = 0.01
        xor.epochs = 800
        var circle = TrainingConfiguration()
        circle.hidden = [8]
        circle.activation = .relu
        circle.learningRate = 0.01
        circle.trainRatio = 10
        circle.noise = 50
        circle.batchSize = 30
        circle.epochs = 500
        var spiral = BenchmarkConfigurations.h
        spiral.epochs = 400
        var regression = TrainingConfiguration()
        regression.dataset = .regGauss
        regression.regularization = .l1
        regression.regularizationRate = 0.001
        regression.epochs = 300
        return [("xor-relu", xor, false), ("circle-noisy", circle, true), ("spiral", spiral, false), ("reg-gauss-l1", regression, false)]
    }
}

// MARK: - Sweep figures for the gallery

extension Gallery {
    /// XOR runs of one setting, three seeds, stop rule on the test loss.
    static func xorRuns(learningRate: Double, activation: Activation, hidden: [Int]) throws -> [RunResult] {
        var c = configurations[0].1
        c.learningRate = learningRate
        c.activation = activation
        c.hidden = hidden
        c.epochs = 600
        c.stopRule = try StopRule(parsing: "test-loss <= 0.02")
        return Trainer(configuration: c).run(seeds: c.seedList(count: 3)).runs
    }

    static func lossRuns(_ runs: [RunResult]) -> [LossChart.Run] {
        runs.map { LossChart.Run(label: "seed \($0.seed)", training: .init(values: $0.trainLoss), test: .init(values: $0.testLoss)) }
    }

    /// Median epochs to the target with runs that did not reach it counted as slower than all
    /// that did (the lower middle; `nil` when that run did not reach it), range over those that did.
    static func epochResult(setting: Int, _ runs: [RunResult]) -> ResultChart.Result {
        let reached = runs.compactMap(\.targetEpoch).map(Double.init).sorted()
        let middle = (runs.count - 1) / 2
        return ResultChart.Result(
            setting: setting, median: middle < reached.count ? reached[middle] : nil,
            range: reached.first.map { $0...reached.last! }, censored: runs.count - reached.count, runs: runs.count)
    }

    /// A learning-rate sweep (overlay, panels on common axes, epochs against the rate) and an
    /// activation × hidden-layers sweep (grid with headers, metric grid, result by category).
    static func sweepFigures() throws -> [(String, any Figure)] {
        let rates = [0.003, 0.01, 0.03, 0.1]
        let byRate = try rates.map { try xorRuns(learningRate: $0, activation: .relu, hidden: [4]) }
        let rateLabels = rates.map { "learning rate = \(NumberFormatting.shortest($0))" }
        let threshold = LossChart.Threshold(value: 0.02, label: "test loss ≤ 0.02")
        let overlay = OverlayLossChart(
            series: zip(rateLabels, byRate).map { OverlayLossChart.Series(label: $0.0, runs: lossRuns($0.1)) },
            title: "XOR, relu, [4]: test loss by learning rate", logarithmic: true, threshold: threshold)
        let panels = zip(rateLabels, byRate).map { label, runs in
            var chart = LossChart(runs: lossRuns(runs), threshold: threshold)
            chart.size = Size(width: 340, height: 240)
            return SmallMultiples.Panel(title: label, figure: chart)
        }
        let common = SmallMultiples(
            panels: panels, columns: 2, panelSize: Size(width: 340, height: 240),
            title: "Learning rates on common axes"
        ).sharingAxes()
        let result = ResultChart(
            settings: .numeric(rates, logarithmic: true),
            results: byRate.enumerated().map { epochResult(setting: $0.offset, $0.element) },
            title: "Epochs to test loss ≤ 0.02 (median of 3 seeds)", xAxisTitle: "learning rate",
            yAxisTitle: "epochs to test loss ≤ 0.02")

        let activations: [Activation] = [.relu, .sigmoid, .tanh]
        let hiddens: [[Int]] = [[2], [4], [3, 3]]
        let hiddenNames = hiddens.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }
        let sweep = try activations.map { a in try hiddens.map { try xorRuns(learningRate: 0.03, activation: a, hidden: $0) } }
        let grid = SmallMultiples(
            rows: sweep.map { row in
                row.map { runs -> (any Figure)? in
                    var chart = LossChart(runs: lossRuns(runs), threshold: threshold)
                    chart.size = Size(width: 230, height: 190)
                    chart.showsLegend = false
                    return chart
                }
            },
            rowHeaders: activations.map { "activation = \($0.rawValue)" }, columnHeaders: hiddenNames.map { "hidden = \($0)" },
            panelSize: Size(width: 230, height: 190), title: "XOR: loss by activation and hidden layers"
        ).sharingAxes().withLegend(LossChart(runs: lossRuns(sweep[0][0])).legendEntries)
        let results = sweep.map { row in row.enumerated().map { epochResult(setting: $0.offset, $0.element) } }
        let best = results.flatMap { $0.compactMap(\.median) }.min()
        let metricGrid = MetricGrid(
            cells: results.map { row in
                row.map { r in
                    MetricGrid.Cell(
                        value: r.median, label: r.median.map { NumberFormatting.shortest($0) } ?? "not reached",
                        isEmphasised: r.median != nil && r.median == best)
                }
            },
            rowHeaders: activations.map(\.rawValue), columnHeaders: hiddenNames, rowTitle: "activation",
            columnTitle: "hidden layers", metricName: "median epochs to test loss ≤ 0.02 (3 seeds)",
            shading: .lowerIsDarker, title: "XOR: epochs to target")
        let byCategory = ResultChart(
            settings: .categorical(hiddenNames),
            series: activations.enumerated().map { index, activation in
                ResultChart.Series(label: "activation = \(activation.rawValue)", results: results[index])
            },
            title: "Epochs to test loss ≤ 0.02 by hidden layers", xAxisTitle: "hidden layers",
            yAxisTitle: "epochs to test loss ≤ 0.02")
        return [
            ("sweep-overlay", overlay), ("sweep-common-axes", common), ("sweep-result", result),
            ("sweep-grid", grid), ("sweep-metric-grid", metricGrid), ("sweep-result-categorical", byCategory),
        ]
    }
}
