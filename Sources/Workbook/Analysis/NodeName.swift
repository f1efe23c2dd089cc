import PlaygroundTrainer

/// How inline values name a network's nodes, as the network figure shows them: inputs by their
/// feature (`x1`, `x1^2`, `sin(x2)`; the Playground's ids `x`, `xSquared` too), hidden neurons
/// by layer and position from the top (`1.2` = first hidden layer, second neuron), and
/// `output`. `{value}`xor[from=x1, to=1.2].weight`` is the weight from x₁ into that neuron;
/// `{value}`xor[node=1.2].bias`` its bias.
enum NodeName {
    static func name(layer: Int, index: Int, configuration: TrainingConfiguration) -> String {
        configuration.nodeName(layer: layer, index: index)
    }

    static func link(_ from: String, _ to: String) -> String { "\(from) → \(to)" }

    /// Every node name of the configuration, inputs first (for messages and checks).
    static func all(_ configuration: TrainingConfiguration) -> [String] {
        let sizes = configuration.layerSizes
        return sizes.indices.flatMap { layer in (0..<sizes[layer]).map { name(layer: layer, index: $0, configuration: configuration) } }
    }

    /// Whether `from → to` joins neighbouring layers of the configuration.
    static func linkExists(_ link: String, configuration: TrainingConfiguration) -> Bool {
        let sizes = configuration.layerSizes
        for layer in 1..<sizes.count {
            for destination in 0..<sizes[layer] {
                for source in 0..<sizes[layer - 1]
                where self.link(
                    name(layer: layer - 1, index: source, configuration: configuration),
                    name(layer: layer, index: destination, configuration: configuration)) == link
                {
                    return true
                }
            }
        }
        return false
    }

    /// The canonical name of what an author wrote (`X1`, `x`, ` 1.2 `), or nil.
    static func canonical(_ text: String, configuration: TrainingConfiguration) -> String? {
        let trimmed = text.trimmingCharacters(in: " ")
        if let feature = Feature(parsing: trimmed) { return configuration.features.contains(feature) ? feature.name : nil }
        let lowered = trimmed.lowercased()
        return all(configuration).contains(lowered) ? lowered : nil
    }
}
