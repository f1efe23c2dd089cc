/// Initial weights and biases set by hand (`weights:` and `biases:`), laid over the network the
/// seed draws: what is not named keeps the seed's value.
///
/// It is kept as written — a list in the downloads' order (`initial.weights`: link construction
/// order, destination-major, layer by layer; `initial.biases`: node order) or assignments by
/// name — and resolved against the network's shape when a run starts, so that one written form
/// fits every combination of a sweep that keeps the shape, and a wrong count or an unknown name
/// is a configuration problem (``TrainingConfiguration/validate()``) naming the valid ones.
///
/// The seed's draws are taken as without it: the data, the shuffle and the networks of later
/// resets stay where they were; every reset's network gets the same hand-set values.
public struct HandSetWeights: Hashable, Codable, Sendable {
    /// `weights: [0.5, -0.2, …]`: every weight, in link order.
    public var weightList: [Double]?
    /// `biases: [0.1, …]`: every bias, in node order.
    public var biasList: [Double]?
    /// `x1 -> 1.1: 0.5`, `bias 1.1: 0.1`, in the order written (a later one wins).
    public var named: [NamedParameter]

    public init(weightList: [Double]? = nil, biasList: [Double]? = nil, named: [NamedParameter] = []) {
        self.weightList = weightList
        self.biasList = biasList
        self.named = named
    }

    public var isEmpty: Bool { weightList == nil && biasList == nil && named.isEmpty }
}

/// One weight or bias set by name: `x1 -> 1.1` (a link), `bias 1.1` (a bias).
public struct NamedParameter: Hashable, Codable, Sendable {
    /// The canonical name (``TrainingConfiguration/parameterNames``), or the text as written
    /// when it names nothing (then ``TrainingConfiguration/validate()`` reports it).
    public var name: String
    public var value: Double

    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }

    /// `X1->1.1`, ` x1  ->  1.1 `, `x1 → 1.1` all read as `x1 -> 1.1`; `BIAS 1.1` as `bias 1.1`.
    public static func canonicalName(_ text: String) -> String {
        let arrow = text.replacingArrow()
        if let range = arrow.firstRange(of: "->") {
            let from = canonicalNode(String(arrow[..<range.lowerBound]))
            let to = canonicalNode(String(arrow[range.upperBound...]))
            return "\(from) -> \(to)"
        }
        let words = arrow.split(separator: " ", omittingEmptySubsequences: true)
        if words.count == 2, words[0].lowercased() == "bias" { return "bias \(canonicalNode(String(words[1])))" }
        return arrow.split(separator: " ").joined(separator: " ")
    }

    /// An input by its feature name (any spelling `Feature(parsing:)` reads), else lowercased.
    private static func canonicalNode(_ text: String) -> String {
        let trimmed = text.split(separator: " ").joined()
        return Feature(parsing: trimmed)?.name ?? trimmed.lowercased()
    }
}

/// Why hand-set weights do not fit a network.
public enum HandSetProblem: Error, Hashable, Sendable {
    /// A list of `given` numbers where the network has `expected` (`what` = weights or biases).
    case count(what: String, given: Int, expected: Int)
    /// A name that is no link or bias of the network, with the valid names.
    case unknownName(String, valid: [String])
}

extension TrainingConfiguration {
    /// A node as figures and inline values name it: inputs by feature (`x1`, `sin(x2)`), hidden
    /// neurons by layer and position from the top (`1.2`), and `output`.
    public func nodeName(layer: Int, index: Int) -> String {
        if layer == 0 { return features[index].name }
        return layer == layerSizes.count - 1 ? "output" : "\(layer).\(index + 1)"
    }

    /// Every weight's name in link order (`x1 -> 1.1`) and every bias's in node order
    /// (`bias 1.1`): the orders of ``NetworkParameters`` and of the downloads.
    public var parameterNames: (weights: [String], biases: [String]) {
        let sizes = layerSizes
        var weights: [String] = []
        var biases: [String] = []
        for layer in 1..<sizes.count {
            for destination in 0..<sizes[layer] {
                let to = nodeName(layer: layer, index: destination)
                for source in 0..<sizes[layer - 1] { weights.append("\(nodeName(layer: layer - 1, index: source)) -> \(to)") }
                biases.append("bias \(to)")
            }
        }
        return (weights, biases)
    }

    /// `drawn` (the seed's network) with the hand-set values laid over it: the lists first,
    /// then the named values in the order written.
    public func applyingHandSet(to drawn: NetworkParameters) throws(HandSetProblem) -> NetworkParameters {
        guard let handSet else { return drawn }
        var result = drawn
        if let list = handSet.weightList {
            guard list.count == drawn.weights.count else {
                throw .count(what: "weights", given: list.count, expected: drawn.weights.count)
            }
            result.weights = list
        }
        if let list = handSet.biasList {
            guard list.count == drawn.biases.count else {
                throw .count(what: "biases", given: list.count, expected: drawn.biases.count)
            }
            result.biases = list
        }
        guard !handSet.named.isEmpty else { return result }
        let names = parameterNames
        for item in handSet.named {
            if let k = names.weights.firstIndex(of: item.name) {
                result.weights[k] = item.value
            } else if let k = names.biases.firstIndex(of: item.name) {
                result.biases[k] = item.value
            } else {
                throw .unknownName(item.name, valid: names.weights + names.biases)
            }
        }
        return result
    }

    /// The problem with the hand-set weights, as ``validate()`` reports it; nil when they fit.
    func handSetProblem() -> ConfigurationProblem? {
        guard handSet != nil else { return nil }
        let shape = NetworkParameters(
            layerSizes: layerSizes, weights: [Double](repeating: 0, count: NetworkParameters.linkCount(layerSizes: layerSizes)),
            biases: [Double](repeating: 0, count: layerSizes.dropFirst().reduce(0, +)))
        do throws(HandSetProblem) {
            _ = try applyingHandSet(to: shape)
            return nil
        } catch {
            switch error {
            case .count(let what, let given, let expected):
                let order =
                    what == "weights"
                    ? "link order: into 1.1 from each input, then into 1.2, …, layer by layer (the downloads' initial.weights)"
                    : "node order: hidden layers top to bottom, then the output (the downloads' initial.biases)"
                return ConfigurationProblem(
                    key: what, message: "\(given) \(what) given; this network has \(expected), in \(order)", kind: .parameterCount)
            case .unknownName(let name, let valid):
                return ConfigurationProblem(
                    key: "weights", message: "'\(name)' is no weight or bias of this network; valid: \(valid.joined(separator: ", "))",
                    kind: .unknownParameter(name))
            }
        }
    }
}

extension String {
    /// `→` read as `->`.
    fileprivate func replacingArrow() -> String {
        var result = ""
        for character in self { if character == "→" { result += "->" } else { result.append(character) } }
        return result
    }
}
