/// Reading and writing the Playground's URL hash (`#activation=tanh&batchSize=10&…`) by the
/// Playground's own rules (semantics §9.3), so that a link opened on a fresh page reproduces
/// the run: same data, same initial weights.
public enum PlaygroundLink {
    public static let site = "https://playground.tensorflow.org/"

    /// Display options that live in the URL but do not change training.
    public struct DisplayOptions: Hashable, Sendable {
        public var showTestData = false
        public var discretize = false
        public init(showTestData: Bool = false, discretize: Bool = false) {
            self.showTestData = showTestData
            self.discretize = discretize
        }
    }

    /// The hash the Playground itself writes for this state, keys in its order.
    public static func hash(
        for configuration: TrainingConfiguration, seed: String? = nil,
        display: DisplayOptions = DisplayOptions()
    ) -> String {
        let c = configuration
        var pairs: [(String, String)] = [("activation", c.activation.rawValue)]
        if c.regularization != .none { pairs.append(("regularization", c.regularization.rawValue)) }
        pairs += [
            ("batchSize", javaScriptNumberString(Double(c.batchSize))),
            ("dataset", c.isRegression ? Dataset.circle.rawValue : c.dataset.rawValue),
            ("regDataset", c.isRegression ? c.dataset.rawValue : Dataset.regPlane.rawValue),
            ("learningRate", javaScriptNumberString(c.learningRate)),
            ("regularizationRate", javaScriptNumberString(c.regularizationRate)),
            ("noise", javaScriptNumberString(c.noise)),
            ("networkShape", c.hidden.map { String($0) }.joined(separator: ",")),
            ("seed", seed ?? c.seed),
            ("showTestData", String(display.showTestData)),
            ("discretize", String(display.discretize)),
            ("percTrainData", javaScriptNumberString(c.trainRatio)),
        ]
        let enabled = Set(c.features)
        for (key, feature) in urlFeatureOrder {
            pairs.append((key, String(feature.map { enabled.contains($0) } ?? false)))
        }
        pairs += [
            ("collectStats", "false"),
            ("problem", c.isRegression ? "regression" : "classification"),
            ("initZero", "false"),
            ("hideText", "false"),
        ]
        return "#" + pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// A full link: the site address plus `hash(for:)`.
    public static func url(
        for configuration: TrainingConfiguration, seed: String? = nil,
        display: DisplayOptions = DisplayOptions()
    ) -> String {
        site + hash(for: configuration, seed: seed, display: display)
    }

    /// Feature flags in the order the Playground writes them; cosX/cosY exist in its state but
    /// have no input node.
    static let urlFeatureOrder: [(String, Feature?)] = [
        ("x", .x1), ("y", .x2), ("xTimesY", .x1TimesX2), ("xSquared", .x1Squared),
        ("ySquared", .x2Squared), ("cosX", nil), ("sinX", .sinX1), ("cosY", nil), ("sinY", .sinX2),
    ]

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var key: String
        public var value: String
        public var valid: String
        public var description: String {
            "playground-url: '\(value)' is not a valid \(key); valid: \(valid)"
        }
    }

    /// Reads a full Playground link or just its `#…` hash. Starts from `base` (Labbook's
    /// defaults), applies every key the Playground knows, ignores the others, and returns the
    /// configuration and display options. The seed is taken when present.
    public static func parse(
        _ link: String, base: TrainingConfiguration = TrainingConfiguration()
    ) throws(ParseError) -> (TrainingConfiguration, DisplayOptions) {
        var hash = Substring(link)
        if let sharp = hash.firstIndex(of: "#") { hash = hash[hash.index(after: sharp)...] }
        var c = base
        var display = DisplayOptions()
        var classificationDataset = c.isRegression ? Dataset.circle : c.dataset
        var regressionDataset = c.isRegression ? c.dataset : Dataset.regPlane
        var regression = c.isRegression
        var features = Set(c.features)

        func number(_ key: String, _ value: Substring) throws(ParseError) -> Double {
            guard let v = Double(value.trimmingSpaces()) else {
                throw ParseError(key: key, value: String(value), valid: "a number")
            }
            return v
        }
        for pair in hash.split(separator: "&", omittingEmptySubsequences: true) {
            let key: Substring
            let value: Substring
            if let equals = pair.firstIndex(of: "=") {
                key = pair[..<equals]
                value = pair[pair.index(after: equals)...]
            } else {
                key = pair
                value = ""
            }
            // An empty value keeps the default, except networkShape where it means no layers.
            if value.isEmpty && key != "networkShape" { continue }
            switch key {
            case "activation":
                guard let a = Activation(rawValue: String(value)) else {
                    throw ParseError(key: "activation", value: String(value), valid: "relu, tanh, sigmoid, linear")
                }
                c.activation = a
            case "regularization":
                guard let r = Regularization(parsing: String(value)) else {
                    throw ParseError(key: "regularization", value: String(value), valid: "none, L1, L2")
                }
                c.regularization = r
            case "batchSize":
                let v = try number("batchSize", value)
                c.batchSize = Int(v)
            case "dataset":
                guard let d = Dataset(rawValue: String(value)), !d.isRegression else {
                    throw ParseError(key: "dataset", value: String(value), valid: "circle, xor, gauss, spiral")
                }
                classificationDataset = d
            case "regDataset":
                guard let d = Dataset(rawValue: String(value)), d.isRegression else {
                    throw ParseError(key: "regDataset", value: String(value), valid: "reg-plane, reg-gauss")
                }
                regressionDataset = d
            case "learningRate": c.learningRate = try number("learningRate", value)
            case "regularizationRate": c.regularizationRate = try number("regularizationRate", value)
            case "noise":
                var v = try number("noise", value)
                if v > 80 { v = 50 } else if v < 0 { v = 0 }  // the Playground's clamp (§9.4)
                c.noise = v
            case "networkShape":
                var shape: [Int] = []
                for part in value.split(separator: ",", omittingEmptySubsequences: true) {
                    guard let n = Int(part.trimmingSpaces()) else {
                        throw ParseError(key: "networkShape", value: String(value), valid: "comma-separated layer sizes, e.g. 4,2")
                    }
                    shape.append(n)
                }
                c.hidden = shape
            case "seed": c.seed = String(value)
            case "showTestData": display.showTestData = value != "false"
            case "discretize": display.discretize = value != "false"
            case "percTrainData": c.trainRatio = try number("percTrainData", value)
            case "problem":
                switch value {
                case "classification": regression = false
                case "regression": regression = true
                default:
                    throw ParseError(key: "problem", value: String(value), valid: "classification, regression")
                }
            default:
                if let entry = urlFeatureOrder.first(where: { $0.0 == key }), let feature = entry.1 {
                    if value != "false" { features.insert(feature) } else { features.remove(feature) }
                }
            // Other keys (cosX, collectStats, tutorial, hideText, initZero, *_hide) do not
            // change training here; like the Playground, unknown keys are ignored.
            }
        }
        c.dataset = regression ? regressionDataset : classificationDataset
        c.features = features.sorted()
        return (c, display)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
