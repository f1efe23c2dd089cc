#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A node's activation function, with the derivative computed as the Playground computes it.
public enum Activation: String, CaseIterable, Codable, Sendable {
    case relu, tanh, sigmoid, linear

    public func value(_ z: Double) -> Double {
        switch self {
        case .relu: z > 0 || z.isNaN ? z : 0  // Math.max(0, z), +0 for −0 as in JavaScript
        case .tanh: Glibc.tanh(z)
        case .sigmoid: 1 / (1 + exp(-z))
        case .linear: z
        }
    }

    /// The derivative at `z`. For tanh and sigmoid the Playground recomputes the function from
    /// `z`; that gives the same bits as the forward value, which the trainer reuses instead.
    public func derivative(_ z: Double) -> Double {
        switch self {
        case .relu: return z <= 0 ? 0 : 1
        case .tanh:
            let o = Glibc.tanh(z)
            return 1 - o * o
        case .sigmoid:
            let s = 1 / (1 + exp(-z))
            return s * (1 - s)
        case .linear: return 1
        }
    }
}
