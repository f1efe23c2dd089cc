/// One example's forward and backward pass and the update it alone would make (a batch of
/// one), with the numbers the trainer computes: the same engine, the same operations in the
/// same order, so with batch size 1 ``updated`` is bit for bit the trainer's network after the
/// step on this example.
public struct BackwardPass: Sendable, Hashable {
    /// The network before the step.
    public var parameters: NetworkParameters
    /// The example's input (x₁, x₂) and label (±1; 0/1 is derived for cross-entropy).
    public var x1: Double
    public var x2: Double
    public var label: Double
    /// Per node, in node order (inputs first, hidden layers top to bottom, the output last):
    /// z (0 for inputs) and the output a (the feature's value for inputs).
    public var z: [Double]
    public var a: [Double]
    /// dE/da of each non-input node, in node order without the inputs (for the output: the
    /// output error, a − y).
    public var errorDerivative: [Double]
    /// δ = dE/dz of each non-input node, in node order without the inputs.
    public var delta: [Double]
    /// dE/dw in link order (δ of the link's destination times its source's output); 0 for a
    /// link killed by L1.
    public var weightGradients: [Double]
    /// dE/db in node order without the inputs (δ itself).
    public var biasGradients: [Double]
    /// The network after applying the gradients with the configuration's learning rate and
    /// regularization, as one batch of one example.
    public var updated: NetworkParameters
    /// The example's loss before the step (half squared error, or cross-entropy).
    public var loss: Double
}

extension Network {
    /// The backward pass of one example (x₁, x₂) with label ±1 through this network, and the
    /// update a batch of that one example makes.
    public func backwardPass(x1: Double, x2: Double, label: Double) -> BackwardPass {
        let engine = LaneEngine(
            layerSizes: configuration.layerSizes, hidden: configuration.activation,
            output: configuration.outputActivation, loss: configuration.loss)
        engine.load(parameters)
        for (f, feature) in configuration.features.enumerated() {
            engine.setInput(f, lane: 0, value: feature.value(x: x1, y: x2))
        }
        engine.forward(count: 1)
        let output = engine.output(lane: 0)
        let loss: Double
        if configuration.loss == .crossEntropy {
            loss = binaryCrossEntropy(output: output, positive: label > 0)
        } else {
            let difference = output - label
            loss = 0.5 * (difference * difference)
        }
        var labels = [label]
        labels.withUnsafeMutableBufferPointer { engine.backward(count: 1, labels: $0.baseAddress!) }
        let values = engine.laneValues(lane: 0)
        // A batch of one: the accumulated sums are this example's gradients (sum / 1 is exact).
        let gradients = engine.meanGradients
        engine.update(
            learningRate: configuration.learningRate, regularization: configuration.regularization,
            regularizationRate: configuration.regularizationRate)
        let inputs = configuration.layerSizes[0]
        return BackwardPass(
            parameters: parameters, x1: x1, x2: x2, label: label,
            z: (0..<engine.nodeCount).map { $0 < inputs ? 0 : values.z[$0] }, a: values.a,
            errorDerivative: Array(values.errorDerivative[inputs...]), delta: Array(values.delta[inputs...]),
            weightGradients: gradients.weights, biasGradients: gradients.biases, updated: engine.parameters, loss: loss)
    }
}
