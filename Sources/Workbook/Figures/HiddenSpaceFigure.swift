import PlaygroundTrainer
import Plotting

/// The `hidden-space` figure: the training points placed at two hidden neurons' outputs (the
/// representative run's final network), the input plane's grid lines carried into that plane,
/// and — when the two neurons are their whole layer, so the output is a function of them — the
/// output over that plane as the background. Every coordinate is the trainer's forward pass.
///
/// With `snapshots:` written, it is a timeline instead, as `boundary-timeline` is: one panel per
/// snapshot epoch of the representative run (trained again recording them), and on screen the
/// epoch slider's frames. The panels of one run share one pair of axes — the union of where
/// every snapshot puts the points and grid lines — so the motion is the network's, not the
/// axes'.
///
/// Axes across a sweep's panels: shared (unless `axes: independent`) among combinations with
/// the same hidden activation. Combinations of different activations keep their own: tanh puts
/// every point in (−1, 1) and ReLU anywhere in [0, ∞), so on common axes one of them would be a
/// smudge in a corner, and what a reader compares across activations is the shape — whether the
/// classes come apart — not the scale.
struct HiddenSpaceFigure {
    let panels: [ResultPanel]
    let display: PanelDisplay
    let store: RunStore
    /// The timeline's recordings, shared with the slider frames and the other timelines.
    let recordings: RunEvaluations

    /// The grid lines x₁ = −6, −4, …, 6 and x₂ likewise, each sampled at this many points.
    static let gridValues = stride(from: -6.0, through: 6.0, by: 2.0).map { $0 }
    static let samples = 61
    /// The lone figure's size; a timeline panel and a slider frame are the boundary's.
    static let chartSize = Size(width: 340, height: 360)

    /// Where one network puts the data and the grid lines, in the two neurons' outputs.
    struct Placement {
        var points: [ScatterPoint]
        /// The input plane's grid lines, each as points in the neurons' coordinates.
        var lines: [[Point]]
        /// Training points on their class's side of the output's boundary; nil when the two
        /// neurons are not their whole layer (no boundary in this plane).
        var separated: Int?
        var trainCount: Int

        /// The smallest and largest coordinate of any point or grid line, either axis.
        var extent: ClosedRange<Double> {
            var low = Double.infinity, high = -Double.infinity
            for value in points.flatMap({ [$0.x, $0.y] }) + lines.flatMap({ $0.flatMap { [$0.x, $0.y] } }) where value.isFinite {
                low = min(low, value)
                high = max(high, value)
            }
            return low <= high ? low...high : -1...1
        }
    }

    /// One panel of the figure: what it is titled, its network and where that puts the data.
    struct Drawn {
        /// The snapshot drawn; nil for the final network of a figure without `snapshots:`.
        var snapshot: Snapshot?
        var parameters: NetworkParameters
        var placement: Placement

        var title: String { snapshot.map(TimelineFigures.title) ?? "" }
        var epochName: String { snapshot.map { "epoch \($0.epoch)" } ?? "the end" }
    }

    private var spec: HiddenSpaceSpec {
        get throws {
            guard let spec = display.hiddenSpace else { throw FileError(path: "hidden-space", reason: "no neurons to place points by") }
            return spec
        }
    }

    func make() throws -> DescribedFigure {
        let spec = try self.spec
        let drawn = try panels.map { try networks($0, spec: spec) }
        let domains = Self.domains(panels: panels, drawn: drawn, shared: display.sharedAxes)
        var labels: [String] = []
        var details: [String] = []
        for (panel, networks) in zip(panels, drawn) {
            let prefix = panel.title.isEmpty ? "" : panel.title + ": "
            labels.append(prefix + Self.label(networks, configuration: panel.settings.configuration, spec: spec))
            if spec.overTime {
                // Sentences of their own: "Seed = 2: At epoch 0 …".
                details.append(
                    prefix.prefix(1).uppercased() + prefix.dropFirst()
                        + Self.ranges(networks, configuration: panel.settings.configuration, spec: spec))
            }
        }
        let figure: any Figure
        if spec.overTime {
            let rows = zip(zip(panels, drawn), domains).map { pair, domain in
                pair.1.map { network in
                    SmallMultiples.Panel(
                        title: network.title,
                        figure: Self.chart(
                            network.placement, configuration: pair.0.settings.configuration, parameters: network.parameters,
                            spec: spec, domain: domain, size: TimelineFigures.boundaryPanelSize))
                }
            }
            figure = TimelineFigures.layout(.hiddenSpace, rows: rows, rowHeaders: panels.map(\.title))
        } else {
            let charts = zip(zip(panels, drawn), domains).map { pair, domain in
                Self.chart(
                    pair.1[0].placement, configuration: pair.0.settings.configuration, parameters: pair.1[0].parameters, spec: spec,
                    domain: domain, size: Self.chartSize)
            }
            figure =
                charts.count == 1
                ? charts[0]
                : FigureFactory.grid(zip(panels, charts).map { ($0.title, $1) }, panelSize: charts[0].size)
        }
        return DescribedFigure(
            figure: figure, label: labels.joined(separator: "; "), details: details.isEmpty ? nil : details.joined(separator: " "))
    }

    /// One frame of the epoch slider: combination `combination`'s (the first's outside a
    /// sweep) hidden space at `epoch`, on the same axes as its timeline panels.
    func frame(epoch: Int, combination: Int?) throws -> DescribedFigure {
        let spec = try self.spec
        let drawn = try panels.map { try networks($0, spec: spec) }
        let domains = Self.domains(panels: panels, drawn: drawn, shared: display.sharedAxes)
        let index = combination ?? 0
        let recorded = try TimelineFigures(panels: panels, display: display, store: store, recordings: recordings)
            .record(panels[index], everyEpoch: false)
        guard let position = recorded.snapshots.firstIndex(where: { $0.epoch == epoch }) else {
            throw FileError(path: panels[index].title, reason: "no snapshot at epoch \(epoch) to draw a slider frame from")
        }
        let network = drawn[index][position]
        let figure = Self.chart(
            network.placement, configuration: panels[index].settings.configuration, parameters: network.parameters, spec: spec,
            domain: domains[index], size: TimelineFigures.boundaryFrameSize)
        let snapshot = recorded.snapshots[position]
        return DescribedFigure(figure: figure, label: combination != nil ? SliderFrames.losses(snapshot) : SliderFrames.label(snapshot))
    }

    /// The networks a panel draws: the representative run's final one, or with `snapshots:`
    /// one per snapshot (titled with its epoch and losses).
    func networks(_ panel: ResultPanel, spec: HiddenSpaceSpec) throws -> [Drawn] {
        let c = panel.settings.configuration
        if spec.overTime {
            let recorded = try TimelineFigures(panels: panels, display: display, store: store, recordings: recordings)
                .record(panel, everyEpoch: false)
            let data = c.makeData(seed: recorded.result.seed).0
            return recorded.snapshots.map { snapshot in
                Drawn(
                    snapshot: snapshot, parameters: snapshot.parameters,
                    placement: Self.place(
                        configuration: c, parameters: snapshot.parameters, data: data, spec: spec, showTestData: display.showTestData))
            }
        }
        let run = try store.result(panel.jobs[panel.results.representativeIndex])
        let data = c.makeData(seed: run.seed).0
        return [
            Drawn(
                snapshot: nil, parameters: run.final,
                placement: Self.place(configuration: c, parameters: run.final, data: data, spec: spec, showTestData: display.showTestData))
        ]
    }

    /// Each panel's axes: the union of its networks' extents, padded by 5 %; with `shared`,
    /// the union over every panel of the same hidden activation (see the type's comment).
    static func domains(panels: [ResultPanel], drawn: [[Drawn]], shared: Bool) -> [ClosedRange<Double>] {
        let own = drawn.map { networks in
            networks.map(\.placement.extent).reduce(networks[0].placement.extent) {
                min($0.lowerBound, $1.lowerBound)...max($0.upperBound, $1.upperBound)
            }
        }
        let extents: [ClosedRange<Double>] =
            shared
            ? panels.indices.map { index in
                let activation = panels[index].settings.configuration.activation
                return panels.indices.filter { panels[$0].settings.configuration.activation == activation }
                    .map { own[$0] }.reduce(own[index]) { min($0.lowerBound, $1.lowerBound)...max($0.upperBound, $1.upperBound) }
            }
            : own
        return extents.map { extent in
            var (low, high) = (extent.lowerBound, extent.upperBound)
            if high - low < 1e-9 { (low, high) = (low - 1, high + 1) }
            let pad = (high - low) * 0.05
            return (low - pad)...(high + pad)
        }
    }

    /// The two neurons' node indices in node order.
    static func nodes(_ c: TrainingConfiguration, _ spec: HiddenSpaceSpec) -> (Int, Int) {
        let start = c.layerSizes[0..<spec.layer].reduce(0, +)
        return (start + spec.first, start + spec.second)
    }

    /// Where `parameters` put the points (training, then test with `showTestData`) and the grid
    /// lines: the trainer's forward pass (`Network.nodeOutputs`) read at the two neurons.
    static func place(
        configuration c: TrainingConfiguration, parameters: NetworkParameters, data: DataSplit, spec: HiddenSpaceSpec, showTestData: Bool
    ) -> Placement {
        let network = Network(configuration: c, parameters: parameters)
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
        var separated: Int? = nil
        if c.layerSizes[spec.layer] == 2 {
            let threshold = c.loss == .crossEntropy ? 0.5 : 0
            separated = zip(points, outputs).filter { !$0.0.1 && (($0.1.last ?? 0) >= threshold) == ($0.0.0.label > 0) }.count
        }
        return Placement(points: scatter, lines: lines, separated: separated, trainCount: data.train.count)
    }

    /// The chart of one placement on `domain` (both axes); the background is the output as a
    /// function of the two neurons, only when they are their whole layer.
    static func chart(
        _ placement: Placement, configuration c: TrainingConfiguration, parameters: NetworkParameters, spec: HiddenSpaceSpec,
        domain: ClosedRange<Double>, size: Size
    ) -> HiddenSpaceChart {
        var values: [[Double]] = [[0, 0], [0, 0]]
        if c.layerSizes[spec.layer] == 2 {
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
            let out = Network(configuration: c, parameters: parameters).output(fromLayer: spec.layer, values: inputs)
            values = (0..<n).map { i in (0..<n).map { j in out[i * n + j] } }
        }
        let nameX = c.nodeName(layer: spec.layer, index: spec.first), nameY = c.nodeName(layer: spec.layer, index: spec.second)
        let plane = BoundaryChart(
            values: values, points: placement.points, xAxisTitle: "output of neuron \(nameX)", yAxisTitle: "output of neuron \(nameY)",
            domain: domain, size: size)
        return HiddenSpaceChart(plane: plane, gridLines: placement.lines)
    }

    /// The lone chart and its label, for the gallery and `labbook bench`.
    static func chart(
        configuration c: TrainingConfiguration, parameters: NetworkParameters, seed: String, spec: HiddenSpaceSpec, showTestData: Bool
    ) -> (HiddenSpaceChart, String) {
        let placement = place(
            configuration: c, parameters: parameters, data: c.makeData(seed: seed).0, spec: spec, showTestData: showTestData)
        let network = Drawn(snapshot: nil, parameters: parameters, placement: placement)
        let domain = domains(panels: [], drawn: [[network]], shared: false)[0]
        return (
            chart(placement, configuration: c, parameters: parameters, spec: spec, domain: domain, size: chartSize),
            label([network], configuration: c, spec: spec)
        )
    }

    /// "0.00 to 0.93": a range of coordinates.
    private static func range(_ xs: [Double]) -> String {
        "\(NumberFormatting.decimal(xs.min() ?? 0, fractionDigits: 2)) to \(NumberFormatting.decimal(xs.max() ?? 0, fractionDigits: 2))"
    }

    /// The final network: "200 training points placed by neurons 1.1 (…) and 1.2 (…); 190 lie
    /// on their class's side of the output's boundary". Over time: how many are on their side at
    /// the last snapshot and then at each earlier one, the main result of the timeline ("at
    /// epoch 300, 196 of 200 … lie on their class's side …; 100 at epoch 0, 150 at epoch 20"),
    /// else the snapshot epochs.
    static func label(_ networks: [Drawn], configuration c: TrainingConfiguration, spec: HiddenSpaceSpec) -> String {
        let nameX = c.nodeName(layer: spec.layer, index: spec.first), nameY = c.nodeName(layer: spec.layer, index: spec.second)
        guard networks.count > 1 || spec.overTime else {
            let placement = networks[0].placement
            var text =
                "\(placement.trainCount) training points placed by neurons \(nameX) (\(range(placement.points.map(\.x)))) and \(nameY) (\(range(placement.points.map(\.y))))"
            if let separated = placement.separated { text += "; \(separated) lie on their class's side of the output's boundary" }
            return text
        }
        let count = networks[0].placement.trainCount
        if let last = networks.last, networks.allSatisfy({ $0.placement.separated != nil }) {
            // The last snapshot first, in its own clause, so a short alt text keeps it.
            return
                "at \(last.epochName), \(last.placement.separated ?? 0) of \(count) training points placed by neurons \(nameX) and \(nameY) lie on their class's side of the output's boundary; "
                + networks.dropLast().map { "\($0.placement.separated ?? 0) at \($0.epochName)" }.joined(separator: ", ")
        }
        return "\(count) training points placed by neurons \(nameX) and \(nameY) at " + networks.map(\.epochName).joined(separator: ", ")
    }

    /// Each snapshot's ranges of the two neurons, for the long description.
    static func ranges(_ networks: [Drawn], configuration c: TrainingConfiguration, spec: HiddenSpaceSpec) -> String {
        let nameX = c.nodeName(layer: spec.layer, index: spec.first), nameY = c.nodeName(layer: spec.layer, index: spec.second)
        return networks.map { network in
            let points = network.placement.points.filter { !$0.isTest }
            return "At \(network.epochName) neuron \(nameX) ranges \(range(points.map(\.x))) and \(nameY) \(range(points.map(\.y)))."
        }.joined(separator: " ")
    }
}
