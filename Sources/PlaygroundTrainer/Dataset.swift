/// The Playground's six data sets: four classification, two regression.
public enum Dataset: String, CaseIterable, Codable, Sendable {
    case circle, xor, gauss, spiral
    case regPlane = "reg-plane"
    case regGauss = "reg-gauss"

    public var isRegression: Bool { self == .regPlane || self == .regGauss }

    /// Number of points the Playground generates: 500 to classify, 1200 to regress.
    public var sampleCount: Int { isRegression ? 1200 : 500 }

    /// Human-readable name as the Playground's data panel shows it.
    public var displayName: String {
        switch self {
        case .circle: "Circle"
        case .xor: "Exclusive or"
        case .gauss: "Gaussian"
        case .spiral: "Spiral"
        case .regPlane: "Plane (regression)"
        case .regGauss: "Multi-Gaussian (regression)"
        }
    }
}
