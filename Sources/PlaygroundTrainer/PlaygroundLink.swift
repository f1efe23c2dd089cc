/// Writing the Playground's URL hash (`#activation=tanh&batchSize=10&…`) by the Playground's
/// own rules (semantics §9.3), so that a link opened on a fresh page reproduces the run: same
/// data, same initial weights. Reading is in `PlaygroundLinkReader.swift`.
public enum PlaygroundLink {
    public static let site = "https://playground.tensorflow.org/"

    /// Display options that live in the URL but do not change training.
    public struct DisplayOptions: Hashable, Sendable {
        public var showTestData = false
        public var discretize = false
        /// Controls and text the link hides (`<control>_hide=true`, `hideText=true`).
        public var hiding = PlaygroundHiding()
        public init(showTestData: Bool = false, discretize: Bool = false, hiding: PlaygroundHiding = PlaygroundHiding()) {
            self.showTestData = showTestData
            self.discretize = discretize
            self.hiding = hiding
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
            ("initZero", String(c.initialization == .zero)),
            ("hideText", String(display.hiding.text)),
        ]
        // The page writes its `_hide` keys after its state, as it read them; these follow the
        // order of its hide-controls panel.
        pairs += display.hiding.controls.map { ("\($0.rawValue)_hide", "true") }
        return "#" + pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// A short link for paper: `hash(for:)` without the pairs whose value is the page's default
    /// (what the page keeps for a key the link does not name, `State.deserializeState`), the
    /// seed always kept. A QR code of a link this short (about 100 characters instead of 450)
    /// has a quarter of the modules, so each is large enough for a phone to read off a printed
    /// page. The defaults are not written out here: they are the pairs of the default
    /// configuration's own hash, so the two cannot drift apart.
    public static func compactURL(
        for configuration: TrainingConfiguration, seed: String? = nil,
        display: DisplayOptions = DisplayOptions()
    ) -> String {
        let defaults = Set(hash(for: TrainingConfiguration(), seed: "").dropFirst().split(separator: "&").map(String.init))
        let pairs = hash(for: configuration, seed: seed, display: display).dropFirst().split(separator: "&").map(String.init)
        let kept = pairs.filter { $0.hasPrefix("seed=") || !defaults.contains($0) }
        return site + "#" + kept.joined(separator: "&")
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
}
