import Foundation
import PlaygroundTrainer

/// What the representative run's trained network looks like, in words a figure's alt text can
/// use: where its boundary puts each class on the plane and which weights are strongest.
/// Made once in ``ResultsAnalysis`` from the run's final weights, beside the numbers of
/// ``CombinationResults``, so descriptions compute nothing of their own.
public struct NetworkSummary: Sendable, Hashable {
    /// One link of the network: "x1 → neuron 1.2" with its final weight.
    public struct Weight: Sendable, Hashable {
        public var from: String
        public var to: String
        public var value: Double
    }

    /// The plane in nine zones (3 × 3), each named; classification only.
    public var positiveZones: [String]
    public var negativeZones: [String]
    /// Zones the boundary runs through (neither class holds 80 % of them).
    public var boundaryZones: [String]
    /// The share of the plane the network calls positive (blue), 0…1; nil for regression.
    public var positiveShare: Double?
    /// The strongest links by absolute weight, strongest first (at most five, dead links left out).
    public var strongestWeights: [Weight]
    /// Every final weight by link and every bias by node, under the names inline values use
    /// (``NodeName``): `x1 → 1.2`, `1.2 → output`.
    public var weightsByLink: [String: Double] = [:]
    public var biasesByNode: [String: Double] = [:]

    static let zoneNames = [
        ["upper left", "top", "upper right"],
        ["left", "centre", "right"],
        ["lower left", "bottom", "lower right"],
    ]

    init(configuration: TrainingConfiguration, parameters: NetworkParameters) {
        let network = Network(configuration: configuration, parameters: parameters)
        positiveZones = []
        negativeZones = []
        boundaryZones = []
        positiveShare = nil
        if !configuration.isRegression {
            let grid = network.outputGrid(density: 60)
            let threshold = configuration.loss == .crossEntropy ? 0.5 : 0
            var positive = 0
            for zoneRow in 0..<3 {
                for zoneColumn in 0..<3 {
                    var zonePositive = 0
                    for row in zoneRow * 20..<(zoneRow + 1) * 20 {
                        for column in zoneColumn * 20..<(zoneColumn + 1) * 20
                        where grid.value(column: column, row: row) >= threshold {
                            zonePositive += 1
                        }
                    }
                    positive += zonePositive
                    let name = Self.zoneNames[zoneRow][zoneColumn]
                    switch Double(zonePositive) / 400 {
                    case 0.8...: positiveZones.append(name)
                    case ..<0.2: negativeZones.append(name)
                    default: boundaryZones.append(name)
                    }
                }
            }
            positiveShare = Double(positive) / 3600
        }
        let sizes = configuration.layerSizes
        let dead = Set(parameters.deadLinks)
        func name(layer: Int, index: Int) -> String {
            if layer == 0 { return configuration.features[index].label }
            return layer == sizes.count - 1 ? "output" : "neuron \(layer).\(index + 1)"
        }
        var weights: [Weight] = []
        for layer in 1..<sizes.count {
            for destination in 0..<sizes[layer] {
                let to = NodeName.name(layer: layer, index: destination, configuration: configuration)
                biasesByNode[to] = parameters.bias(layer: layer, node: destination)
                for source in 0..<sizes[layer - 1] {
                    let index = parameters.linkIndex(layer: layer, from: source, to: destination)
                    let from = NodeName.name(layer: layer - 1, index: source, configuration: configuration)
                    weightsByLink[NodeName.link(from, to)] = parameters.weights[index]
                    guard !dead.contains(index), parameters.weights[index].isFinite else { continue }
                    weights.append(
                        Weight(
                            from: name(layer: layer - 1, index: source), to: name(layer: layer, index: destination),
                            value: parameters.weights[index]))
                }
            }
        }
        // Stable: equal magnitudes keep link order.
        strongestWeights = Array(
            weights.enumerated().sorted {
                abs($0.element.value) != abs($1.element.value) ? abs($0.element.value) > abs($1.element.value) : $0.offset < $1.offset
            }
            .prefix(5).map(\.element))
    }

    /// "blue (positive) in the centre; orange (negative) in the upper left, …; the boundary
    /// runs through the top and the left; 38 % of the plane blue".
    public var boundaryText: String? {
        guard let positiveShare else { return nil }
        var parts: [String] = []
        if !positiveZones.isEmpty { parts.append("blue (positive) in the \(Self.list(positiveZones))") }
        if !negativeZones.isEmpty { parts.append("orange (negative) in the \(Self.list(negativeZones))") }
        if !boundaryZones.isEmpty { parts.append("the boundary runs through the \(Self.list(boundaryZones))") }
        parts.append("\(Int((positiveShare * 100).rounded())) % of the plane blue")
        return parts.joined(separator: "; ")
    }

    /// "x1 → neuron 1.2 −2.31, x2 → neuron 1.2 2.04, neuron 1.2 → output 1.9"
    public func weightsText(count: Int) -> String {
        strongestWeights.prefix(count).map { "\($0.from) → \($0.to) \(Self.weight($0.value))" }
            .joined(separator: ", ")
    }

    /// Two decimals with a true minus sign, as the network figure's colours (sign) read.
    static func weight(_ value: Double) -> String {
        let text = String(format: "%.2f", abs(value))
        return value < 0 && text != "0.00" ? "−" + text : text
    }

    static func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
