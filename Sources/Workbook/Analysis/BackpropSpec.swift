/// The `backprop` figure's keys: which example (a training example by its position, or a
/// point with its label) goes backward through which network of the representative run.
public struct BackpropSpec: Sendable, Hashable {
    /// What goes through the network.
    public enum Example: Sendable, Hashable {
        /// The k-th training example (1-based): row k of the downloads' data file, the k-th
        /// example the trainer steps on in an epoch.
        case training(Int)
        /// A point of the plane with its label (±1).
        case point(x1: Double, x2: Double, label: Double)

        var text: String {
            switch self {
            case .training(let k): "example \(k)"
            case .point(let x1, let x2, let label): "(\(x1),\(x2)) label \(label)"
            }
        }
    }

    public var example: Example
    /// `initial` unless `neuron-epoch` says otherwise: the first step is the one worked by hand.
    public var network: NeuronSpec.Network = .initial

    var keyText: String { "backprop=\(example.text) \(network.text)" }
}
