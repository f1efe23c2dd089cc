/// Regularization penalty added to each weight update (never to the reported loss).
public enum Regularization: String, CaseIterable, Codable, Sendable {
    case none
    case l1 = "L1"
    case l2 = "L2"

    /// Parses `none`, `L1`, `L2` (any case).
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "none", "": self = .none
        case "l1": self = .l1
        case "l2": self = .l2
        default: return nil
        }
    }

    /// R′(w): sign(w) for L1 (0 at 0), w for L2.
    func derivative(_ w: Double) -> Double {
        switch self {
        case .none: 0
        case .l1: w < 0 ? -1 : (w > 0 ? 1 : 0)
        case .l2: w
        }
    }
}

/// The error the network minimises.
public enum LossFunction: String, CaseIterable, Codable, Sendable {
    /// The Playground's: half squared error, tanh output and ±1 labels (linear output for
    /// regression).
    case squared
    /// Binary cross-entropy with a sigmoid output and 0/1 labels (the seed's §11).
    /// Classification only.
    case crossEntropy = "cross-entropy"
}

/// How the initial weights are drawn. All draw from the seeded stream after the shuffle,
/// one link at a time in the Playground's construction order (so a reset, which draws the
/// next network from the same stream, works the same way for each).
public enum Initialization: String, CaseIterable, Codable, Sendable {
    /// The Playground's: w = u − 0.5 (uniform in [−0.5, 0.5)), every bias 0.1.
    case playground
    /// Glorot: uniform in ±√(6 / (n_in + n_out)), biases 0.
    case xavier
    /// He: normal with standard deviation √(2 / n_in), biases 0.
    case he
    /// The Playground's link-only `initZero=true`: every weight and every bias 0. The deployed
    /// page still draws one number per link and discards it (`weight = random() − 0.5`, then
    /// `weight = 0`), so the stream after it is where a normal initialisation leaves it.
    case zero
}
