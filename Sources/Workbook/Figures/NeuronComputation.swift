import PlaygroundTrainer

/// One neuron's computation for one input point, with a network's numbers: the forward pass
/// of the Playground (z starts at the bias and adds each weight times its input, in link
/// order; a is the activation of z), up to the neuron asked for. The same arithmetic as the
/// trainer, so z and a are the network's own values, not a re-derivation.
struct NeuronComputation: Sendable {
    struct Term: Sendable {
        /// "X₁" for a feature, "neuron 1.2" for a hidden neuron of the layer before.
        var label: String
        var value: Double
        var weight: Double
    }

    var terms: [Term]
    var bias: Double
    var z: Double
    var activation: Activation
    var a: Double

    init(configuration c: TrainingConfiguration, parameters: NetworkParameters, layer target: Int, index: Int, x1: Double, x2: Double) {
        let sizes = c.layerSizes
        var outputs = c.features.map { $0.value(x: x1, y: x2) }
        var terms: [Term] = []
        var bias = 0.0, z = 0.0, a = 0.0
        let function = { (layer: Int) in layer == sizes.count - 1 ? c.outputActivation : c.activation }
        for layer in 1...target {
            var next: [Double] = []
            for node in 0..<sizes[layer] {
                var total = parameters.bias(layer: layer, node: node)
                for source in 0..<sizes[layer - 1] {
                    total = total + parameters.weight(layer: layer, from: source, to: node) * outputs[source]
                }
                next.append(function(layer).value(total))
                if layer == target && node == index {
                    bias = parameters.bias(layer: layer, node: node)
                    z = total
                    a = next[node]
                    terms = (0..<sizes[layer - 1]).map { source in
                        Term(
                            label: layer == 1
                                ? c.features[source].label : "neuron \(NodeName.name(layer: layer - 1, index: source, configuration: c))",
                            value: outputs[source], weight: parameters.weight(layer: layer, from: source, to: node))
                    }
                }
            }
            outputs = next
        }
        self.terms = terms
        self.bias = bias
        self.z = z
        self.activation = function(target)
        self.a = a
    }
}
