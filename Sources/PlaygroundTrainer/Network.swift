/// A trained (or untrained) network that can be evaluated: a configuration plus parameters.
/// This is what figures need — node outputs over the plane — without any training state.
public struct Network: Sendable {
    public let configuration: TrainingConfiguration
    public let parameters: NetworkParameters

    public init(configuration: TrainingConfiguration, parameters: NetworkParameters) {
        precondition(parameters.layerSizes == configuration.layerSizes, "parameters do not fit the configuration")
        self.configuration = configuration
        self.parameters = parameters
    }

    private func makeEngine() -> LaneEngine {
        let engine = LaneEngine(
            layerSizes: configuration.layerSizes, hidden: configuration.activation,
            output: configuration.outputActivation, loss: configuration.loss)
        engine.load(parameters)
        return engine
    }

    /// The output of every node — inputs first, then hidden layers top to bottom, the output
    /// last — on the Playground's heat-map grid (semantics §10.2).
    public func nodeGrids(density: Int = 100) -> [HeatmapGrid] {
        evaluate(density: density, outputOnly: false)
    }

    /// The output node's values on the heat-map grid (the decision boundary).
    public func outputGrid(density: Int = 100) -> HeatmapGrid {
        evaluate(density: density, outputOnly: true)[0]
    }

    private func evaluate(density: Int, outputOnly: Bool) -> [HeatmapGrid] {
        let engine = makeEngine()
        let features = configuration.features
        let nodes = outputOnly ? [engine.outputNode] : Array(0..<engine.nodeCount)
        var values = [[Double]](repeating: [Double](repeating: 0, count: density * density), count: nodes.count)
        let coordinates = HeatmapGrid.coordinates(density: density)
        let capacity = LaneEngine.laneCapacity
        let total = density * density
        var start = 0
        while start < total {
            let lanes = min(capacity, total - start)
            for e in 0..<lanes {
                // Row-major: index = row · density + column.
                let index = start + e
                let x = coordinates.x[index % density]
                let y = coordinates.y[index / density]
                for (f, feature) in features.enumerated() {
                    engine.setInput(f, lane: e, value: feature.value(x: x, y: y))
                }
            }
            engine.forward(count: lanes)
            for (slot, node) in nodes.enumerated() {
                let row = engine.activation + node * capacity
                values[slot].withUnsafeMutableBufferPointer { buffer in
                    for e in 0..<lanes { buffer[start + e] = row[e] }
                }
            }
            start += lanes
        }
        return values.map { HeatmapGrid(density: density, values: $0) }
    }
}

/// Values over [−6, 6]² on a `density × density` grid, row-major with row 0 at the top
/// (y = +6), as the Playground's heat maps are laid out.
public struct HeatmapGrid: Hashable, Sendable, Codable {
    public let density: Int
    public let values: [Double]

    public init(density: Int, values: [Double]) {
        precondition(values.count == density * density)
        self.density = density
        self.values = values
    }

    public func value(column: Int, row: Int) -> Double { values[row * density + column] }

    /// Grid coordinates by the Playground's d3 formulas: column i ↦ −6·(1 − i/(n−1)) + 6·i/(n−1),
    /// row j ↦ the same of s = (j − (n−1))/(−(n−1)). (`−6 + 12i/(n−1)` differs in the last bit.)
    public static func coordinates(density: Int) -> (x: [Double], y: [Double]) {
        let last = Double(density - 1)
        let x = (0..<density).map { d3Linear(Double($0), domain: (0, last), range: (-6, 6)) }
        let y = (0..<density).map { d3Linear(Double($0), domain: (last, 0), range: (-6, 6)) }
        return (x, y)
    }
}
