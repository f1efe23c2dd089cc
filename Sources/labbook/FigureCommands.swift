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
