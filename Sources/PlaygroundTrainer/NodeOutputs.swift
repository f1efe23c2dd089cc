extension Network {
    /// Every node's output at each point (x₁, x₂), in node order (inputs first, the output
    /// last), by the trainer's own forward pass: what the hidden-space figure places points by.
    public func nodeOutputs(at points: [(x1: Double, x2: Double)]) -> [[Double]] {
        let engine = LaneEngine(
            layerSizes: configuration.layerSizes, hidden: configuration.activation,
            output: configuration.outputActivation, loss: configuration.loss)
        engine.load(parameters)
        var result: [[Double]] = []
        result.reserveCapacity(points.count)
        var start = 0
        while start < points.count {
            let lanes = min(LaneEngine.laneCapacity, points.count - start)
            for e in 0..<lanes {
                for (f, feature) in configuration.features.enumerated() {
                    engine.setInput(f, lane: e, value: feature.value(x: points[start + e].x1, y: points[start + e].x2))
                }
            }
            engine.forward(count: lanes)
            for e in 0..<lanes { result.append(engine.laneValues(lane: e).a) }
            start += lanes
        }
        return result
    }

    /// The output when hidden layer `layer`'s neurons output `values` (one row per sample, one
    /// value per neuron of the layer): the rest of the trainer's forward pass from there.
    public func output(fromLayer layer: Int, values: [[Double]]) -> [Double] {
        let engine = LaneEngine(
            layerSizes: configuration.layerSizes, hidden: configuration.activation,
            output: configuration.outputActivation, loss: configuration.loss)
        engine.load(parameters)
        let first = configuration.layerSizes[0..<layer].reduce(0, +)
        var result: [Double] = []
        result.reserveCapacity(values.count)
        var start = 0
        while start < values.count {
            let lanes = min(LaneEngine.laneCapacity, values.count - start)
            for e in 0..<lanes {
                for (k, value) in values[start + e].enumerated() { engine.setInput(first + k, lane: e, value: value) }
            }
            engine.forward(count: lanes, fromLayer: layer + 1)
            for e in 0..<lanes { result.append(engine.output(lane: e)) }
            start += lanes
        }
        return result
    }
}
