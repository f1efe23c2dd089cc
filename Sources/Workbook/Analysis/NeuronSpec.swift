import PlaygroundTrainer

/// The `neuron` figure's keys: which neuron (named as the network figure labels it, `1.2` or
/// `output`), at which input point, in which network of the representative run.
public struct NeuronSpec: Sendable, Hashable {
    /// Which network of the run the numbers come from.
    public enum Network: Sendable, Hashable {
        case initial
        case final
        /// The network after this epoch (a snapshot of its own).
        case epoch(Int)

        var text: String {
            switch self {
            case .initial: "initial"
            case .final: "final"
            case .epoch(let e): "epoch \(e)"
            }
        }
    }

    /// `1.2` or `output` (``NodeName``).
    public var name: String
    /// Layer index in the configuration's layer sizes (1 = first hidden layer) and position.
    public var layer: Int
    public var index: Int
    /// (x₁, x₂) on the Playground's plane.
    public var x1: Double
    public var x2: Double
    public var network: Network = .final

    var keyText: String { "neuron=\(name)@(\(x1),\(x2)) \(network.text)" }
}
