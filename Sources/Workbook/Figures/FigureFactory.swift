import PlaygroundTrainer
import Plotting

/// Turns training results into figure descriptions. This is the only place that knows both
/// sides: plotting receives plain numbers, grids and labels.
enum FigureFactory {
    /// Bump when a change here changes any figure; figure cache keys include it.
    static let version = "figures/13"

    // MARK: - Decision boundary

    static func boundary(
        evaluation: RunEvaluation, showTestData: Bool, discretize: Bool, title: String? = nil
    ) -> BoundaryChart {
        BoundaryChart(
            values: columns(evaluation.outputGrid), points: points(evaluation.data, showTestData: showTestData),
            discretize: discretize, title: title)
    }

    /// `values[i][j]`: column i ↦ x, row j ↦ y with row 0 at the top, as plotting expects.
    static func columns(_ grid: HeatmapGrid) -> [[Double]] {
        (0..<grid.density).map { i in (0..<grid.density).map { j in grid.value(column: i, row: j) } }
    }

    /// The data points, regenerated from the seed (cheap, and exactly the run's data).
    /// Cross-entropy keeps ±1 labels here so colours match the Playground's.
    static func points(_ data: DataSplit, showTestData: Bool) -> [ScatterPoint] {
        var points = data.train.map { ScatterPoint(x: $0.x, y: $0.y, value: $0.label) }
        if showTestData {
            points += data.test.map { ScatterPoint(x: $0.x, y: $0.y, value: $0.label, isTest: true) }
        }
        return points
    }

    // MARK: - Network diagram

    static func network(
        configuration: TrainingConfiguration, run: RunResult, evaluation: RunEvaluation, title: String? = nil
    ) -> NetworkDiagram {
        network(configuration: configuration, parameters: run.final, evaluation: evaluation, title: title)
    }

    /// The diagram of any network of a run (its end, or a snapshot) with its node outputs.
    static func network(
        configuration: TrainingConfiguration, parameters: NetworkParameters, evaluation: RunEvaluation,
        title: String? = nil
    ) -> NetworkDiagram {
        let grids = evaluation.nodeGrids
        let sizes = configuration.layerSizes
        let enabled = configuration.features
        let coordinates = HeatmapGrid.coordinates(density: 10)
        // All seven inputs are drawn, as in the Playground; disabled ones faded and unlinked.
        var inputNodes: [NetworkDiagram.Node] = []
        var inputIndex: [Feature: Int] = [:]
        for (k, feature) in Feature.allCases.enumerated() {
            let thumbnail = (0..<10).map { i in (0..<10).map { j in feature.value(x: coordinates.x[i], y: coordinates.y[j]) } }
            inputNodes.append(.init(label: feature.label, thumbnail: thumbnail, isEnabled: enabled.contains(feature)))
            inputIndex[feature] = k
        }
        var layers = [NetworkDiagram.Layer(caption: "Input", nodes: inputNodes)]
        var gridIndex = sizes[0]
        for layer in 1..<sizes.count {
            var nodes: [NetworkDiagram.Node] = []
            for node in 0..<sizes[layer] {
                let isHidden = layer < sizes.count - 1
                nodes.append(
                    .init(
                        label: isHidden ? "\(layer).\(node + 1)" : nil, thumbnail: thumbnail(grids[gridIndex]),
                        bias: parameters.bias(layer: layer, node: node)))
                gridIndex += 1
            }
            let isOutput = layer == sizes.count - 1
            let caption = isOutput ? "Output" : "\(sizes[layer]) neuron\(sizes[layer] == 1 ? "" : "s")"
            layers.append(.init(caption: caption, nodes: nodes))
        }
        let dead = Set(parameters.deadLinks)
        var links: [NetworkDiagram.Link] = []
        for layer in 1..<sizes.count {
            for destination in 0..<sizes[layer] {
                for source in 0..<sizes[layer - 1] {
                    let index = parameters.linkIndex(layer: layer, from: source, to: destination)
                    let from =
                        layer == 1
                        ? NetworkDiagram.NodeID(layer: 0, index: inputIndex[enabled[source]]!)
                        : NetworkDiagram.NodeID(layer: layer - 1, index: source)
                    links.append(
                        .init(
                            from: from, to: .init(layer: layer, index: destination),
                            weight: parameters.weights[index], isDead: dead.contains(index)))
                }
            }
        }
        return NetworkDiagram(layers: layers, links: links, title: title)
    }

    /// The Playground's node thumbnail: the 100 × 100 map averaged down to 10 × 10 (mean of
    /// each 10 × 10 block), as `[column][row]`.
    static func thumbnail(_ grid: HeatmapGrid, size: Int = 10) -> [[Double]] {
        let block = grid.density / size
        var result = [[Double]](repeating: [Double](repeating: 0, count: size), count: size)
        let values = grid.values
        for i in 0..<size {
            for j in 0..<size {
                var sum = 0.0
                for row in (j * block)..<((j + 1) * block) {
                    for column in (i * block)..<((i + 1) * block) { sum += values[row * grid.density + column] }
                }
                result[i][j] = sum / Double(block * block)
            }
        }
        return result
    }

    // MARK: - Loss curves

    /// One run per seed, the representative run bold; the stop rule's threshold when it is on a
    /// loss, marked at the epoch the representative run reached it.
    static func loss(
        configuration: TrainingConfiguration, runs: [RunResult], representative index: Int, logarithmic: Bool,
        title: String? = nil
    ) -> LossChart {
        let chartRuns = runs.map { run in
            LossChart.Run(
                label: runs.count > 1 ? "seed \(run.seed)" : nil,
                training: .init(values: run.trainLoss), test: .init(values: run.testLoss))
        }
        let representative = runs[index]
        let highlighted = index
        var threshold: LossChart.Threshold? = nil
        if let rule = configuration.stopRule, rule.metric == .testLoss || rule.metric == .trainLoss {
            threshold = .init(
                value: rule.threshold, label: ValueFormatting.rule(rule),
                reachedAtEpoch: representative.targetEpoch.map(Double.init))
        }
        var chart = LossChart(
            runs: chartRuns, highlightedRun: runs.count > 1 ? highlighted : nil, title: title,
            logarithmic: logarithmic, threshold: threshold, divergedAtEpoch: representative.divergedAtEpoch)
        chart.highlightDescription = "median"
        return chart
    }

    // MARK: - Data and activations

    static func data(_ data: DataSplit, showTestData: Bool, title: String?) -> DataChart {
        DataChart(points: points(data, showTestData: showTestData), title: title)
    }

    /// One panel per function, each with its own y range: a shared range would flatten
    /// sigmoid and tanh next to relu and linear.
    static func activations(_ functions: [Activation], range: ClosedRange<Double>, derivatives: Bool) -> any Figure {
        let count = 241
        let xs = (0..<count).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(count - 1) }
        let charts = functions.map { f in
            ActivationChart(
                functions: [
                    ActivationChart.Function(
                        name: f.rawValue, x: xs, values: xs.map(f.value),
                        derivative: derivatives ? xs.map(f.derivative) : nil)
                ],
                arrangement: .overlaid, size: Size(width: 300, height: 220))
        }
        if charts.count == 1 { return charts[0] }
        return SmallMultiples(
            panels: zip(functions, charts).map { .init(title: $0.0.rawValue, figure: $0.1) },
            columns: charts.count == 4 ? 2 : min(3, charts.count), panelSize: charts[0].size)
    }

    // MARK: - Small multiples

    static func grid(_ panels: [(String, any Figure)], panelSize: Size) -> SmallMultiples {
        // Wide panels (network diagrams) two to a row, so their thumbnails stay readable.
        let maximum = panelSize.width > 480 ? 2 : 3
        let columns = panels.count <= maximum ? panels.count : (panels.count == 4 ? 2 : maximum)
        return SmallMultiples(
            panels: panels.map { .init(title: $0.0, figure: $0.1) }, columns: max(columns, 1), panelSize: panelSize)
    }
}
