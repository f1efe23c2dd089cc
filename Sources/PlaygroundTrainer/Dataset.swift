/// The data sets: the Playground's six (four classification, two regression), two more
/// generators chosen for teaching (`moons`, `checkerboard`), and `file`, an author's own points
/// read from a CSV file (the points travel in ``TrainingConfiguration/pointSet``).
public enum Dataset: String, CaseIterable, Codable, Sendable {
    case circle, xor, gauss, spiral
    case regPlane = "reg-plane"
    case regGauss = "reg-gauss"
    /// Two interleaved half circles (see `generateMoons`).
    case moons
    /// A chessboard of `cells × cells` squares of alternating class (see `generateCheckerboard`).
    case checkerboard
    /// Points read from a CSV file; only set together with a ``PointSet``.
    case file

    /// The data sets a name in a chapter or a flag may choose (`file` is chosen by a path).
    public static let generators: [Dataset] = allCases.filter { $0 != .file }

    /// Whether playground.tensorflow.org can generate it (only then can a link reproduce it).
    public var isInPlayground: Bool {
        switch self {
        case .circle, .xor, .gauss, .spiral, .regPlane, .regGauss: true
        case .moons, .checkerboard, .file: false
        }
    }

    /// Whether the generator makes regression labels. A file decides for itself
    /// (``PointSet/isRegression``); ask the configuration, not the data set.
    public var isRegression: Bool { self == .regPlane || self == .regGauss }

    /// Number of points a generator makes: 500 to classify, 1200 to regress (the Playground's
    /// counts). A file has as many as it has rows: ask the configuration.
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
        case .moons: "Moons"
        case .checkerboard: "Checkerboard"
        case .file: "Own data"
        }
    }
}
