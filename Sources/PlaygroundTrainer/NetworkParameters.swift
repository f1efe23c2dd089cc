/// The learnable state of a network, in the Playground's orders: weights in link
/// construction order (destination-major, layer by layer), biases in node order (hidden
/// layers top to bottom, then the output node).
public struct NetworkParameters: Hashable, Codable, Sendable {
    /// Inputs … hidden … 1.
    public var layerSizes: [Int]
    public var weights: [Double]
    public var biases: [Double]
    /// Links killed by L1 regularization (they stay at weight 0), as indices into `weights`.
    public var deadLinks: [Int]

    public init(layerSizes: [Int], weights: [Double], biases: [Double], deadLinks: [Int] = []) {
        self.layerSizes = layerSizes
        self.weights = weights
        self.biases = biases
        self.deadLinks = deadLinks
    }

    /// Number of links for the given layer sizes (fully connected).
    public static func linkCount(layerSizes: [Int]) -> Int {
        zip(layerSizes, layerSizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The weight of the link from node `source` of layer `layer − 1` to node `destination`
    /// of `layer` (1-based layer index among all layers, inputs are layer 0).
    public func weight(layer: Int, from source: Int, to destination: Int) -> Double {
        weights[linkIndex(layer: layer, from: source, to: destination)]
    }

    public func linkIndex(layer: Int, from source: Int, to destination: Int) -> Int {
        var start = 0
        for l in 1..<layer { start += layerSizes[l - 1] * layerSizes[l] }
        return start + destination * layerSizes[layer - 1] + source
    }

    /// The bias of node `index` of `layer` (layer ≥ 1).
    public func bias(layer: Int, node index: Int) -> Double {
        var start = 0
        for l in 1..<layer { start += layerSizes[l] }
        return biases[start + index]
    }
}
