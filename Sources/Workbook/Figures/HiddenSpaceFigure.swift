import PlaygroundTrainer
import Plotting

/// The `hidden-space` figure: the training points placed at two hidden neurons' outputs (the
/// representative run's final network), the input plane's grid lines carried into that plane,
/// and — when the two neurons are their whole layer, so the output is a function of them — the
/// output over that plane as the background. Every coordinate is the trainer's forward pass.
struct HiddenSpaceFigure {
    let panels: [ResultPanel]
    let display: PanelDisplay
    let store: RunStore

    /// The grid lines x₁ = −6, −4, …, 6 and x₂ likewise, each sampled at this many points.
    static let gridValues = stride(from: -6.0, through: 6.0, by: 2.0).map { $0 }
    static let samples = 61

    func make() throws -> DescribedFigure {
        guard let spec = display.hiddenSpace else { throw FileError(path: "hidden-space", reason: "no neurons to place points by") }
        var charts: [HiddenSpaceChart] = []
        var labels: [String] = []
        for panel in panels {
            let job = panel.jobs[panel.results.representativeIndex]
            let run = try store.result(job)
            let (chart, label) = Self.chart(
                configuration: panel.settings.configuration, parameters: run.final, seed: run.seed, spec: spec,
                showTestData: display.showTestData)
            charts.append(chart)
            labels.append((panel.title.isEmpty ? "" : panel.title + ": ") + label)
        }
        let figure: any Figure = charts.count == 1 ? charts[0]
            : FigureFactory.grid(zip(panels, charts).map { ($0.title, $1) }, panelSize: charts[0].size)
        return DescribedFigure(figure: figure, label: labels.joined(separator: "; "))
    }

    /// The two neurons' node indices in node order.
    static func nodes(_ c: TrainingConfiguration, _ spec: HiddenSpaceSpec) -> (Int, Int) {
        let start = c.layerSizes[0..<spec.layer].reduce(0, +)
        return (start + spec.first, start + spec.second)
    }

    static func chart(
        configuration c: TrainingConfiguration, parameters: NetworkParameters, seed: String, spec: HiddenSpaceSpec, showTestData: Bool
    ) -> (HiddenSpaceChart, String) {
        let network = Network(configuration: c, parameters: parameters)
        let data = c.makeData(seed: seed).0
        let points = data.train.map { ($0, false) } + (showTestData ? data.test.map { ($0, true) } : [])
        let (nx, ny) = nodes(c, spec)
        let outputs = network.nodeOutputs(at: points.map { (x1: $0.0.x, x2: $0.0.y) })
        let scatter = zip(points, outputs).map { point, values in
            ScatterPoint(x: values[nx], y: values[ny], value: point.0.label, isTest: point.1)
        }
        let line = (0..<samples).map { -6 + 12 * Double($0) / Double(samples - 1) }
        var lines: [[Point]] = []
        for v in gridValues {
            for vertical in [true, false] {
                let mapped = network.nodeOutputs(at: line.map { vertical ? (x1: v, x2: $0) : (x1: $0, x2: v) })
                lines.append(mapped.map { Point(x: $0[nx], y: $0[ny]) })
            }
        }
        let all = scatter.flatMap { [$0.x, $0.y] } + lines.flatMap { $0.flatMap { [$0.x, $0.y] } }
        var low = all.min() ?? -1, high = all.max() ?? 1
        if high - low < 1e-9 { (low, high) = (low - 1, high + 1) }
        let pad = (high - low) * 0.05
        let domain = (low - pad)...(high + pad)
        // The output as a function of the two neurons, only when they are their whole layer.
        var values: [[Double]] = [[0, 0], [0, 0]]
        let wholeLayer = c.layerSizes[spec.layer] == 2
        if wholeLayer {
            let n = 100
            let coordinates = (0..<n).map { domain.lowerBound + (domain.upperBound - domain.lowerBound) * Double($0) / Double(n - 1) }
            var inputs: [[Double]] = []
            for i in 0..<n {
                for j in 0..<n {
                    var row = [0.0, 0.0]
                    row[spec.first] = coordinates[i]
                    row[spec.second] = coordinates[n - 1 - j]
                    inputs.append(row)
                }
            }
            let out = network.output(fromLayer: spec.layer, values: inputs)
            values = (0..<n).map { i in (0..<n).map { j in out[i * n + j] } }
        }
        let nameX = c.nodeName(layer: spec.layer, index: spec.first), nameY = c.nodeName(layer: spec.layer, index: spec.second)
        let plane = BoundaryChart(
            values: values, points: scatter, xAxisTitle: "output of neuron \(nameX)", yAxisTitle: "output of neuron \(nameY)",
            domain: domain, size: Size(width: 340, height: 360))
        func range(_ xs: [Double]) -> String {
            "\(NumberFormatting.decimal(xs.min() ?? 0, fractionDigits: 2)) to \(NumberFormatting.decimal(xs.max() ?? 0, fractionDigits: 2))"
        }
        var label = "\(data.train.count) training points placed by neurons \(nameX) (\(range(scatter.map(\.x)))) and \(nameY) (\(range(scatter.map(\.y))))"
        if wholeLayer {
            let threshold = c.loss == .crossEntropy ? 0.5 : 0
            let separated = zip(points, outputs).filter { !$0.0.1 && (($0.1.last ?? 0) >= threshold) == ($0.0.0.label > 0) }.count
            label += "; \(separated) lie on their class's side of the output's boundary"
        }
        return (HiddenSpaceChart(plane: plane, gridLines: lines), label)
    }
}
