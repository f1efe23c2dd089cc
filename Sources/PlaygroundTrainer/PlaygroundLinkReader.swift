/// Reading a Playground link exactly as the deployed page (tensorflow/playground `gh-pages`,
/// the bundle students load) reads it at page load, so that a link in a course trains here
/// as it trains there:
///
/// - the browser first drops tabs and newlines and percent-encodes spaces, quotes, `<`, `>`,
///   backticks and non-ASCII characters in the `#…` part (this is what `location.hash` gives);
/// - the hash is split on `&`, each pair on `=` (the value is the text up to a second `=`);
///   a repeated key keeps its last value;
/// - every key of the page's state is read by its type (`State.deserializeState`): names
///   from a fixed list, numbers by JavaScript's `+value`, booleans true unless `false`, the
///   seed verbatim, `networkShape` as a comma list; a key whose value is empty or blank keeps
///   the default, except `networkShape`, where it means no hidden layer;
/// - numbers are used as they are: no clamp (the deployed page generates `noise=80` with 0.8;
///   only the repository's newer source clamps noise, semantics §9.4);
/// - every `<key>_hide=true` hides a control, and a hidden feature is also removed from the
///   network's inputs (the run is the one the same link gives with that feature off);
/// - `initZero=true` starts every weight and bias at 0.
///
/// Where the page would misbehave (a NaN or infinite number, a batch that never fills, an
/// empty training set, layer sizes that are not whole) or silently ignore a value (an unknown
/// activation), reading stops with a `ParseError` naming the link's key. Keys that change
/// only the page come back as notes.
extension PlaygroundLink {
    /// What a link sets, and what it says that does not change training.
    public struct Reading: Sendable {
        public var configuration: TrainingConfiguration
        public var display: DisplayOptions
        /// Features whose `_hide` key is true: the page removed them from its inputs.
        public var hiddenFeatures: [Feature]
        /// Keys that do not change training, each once, in the order the link has them.
        public var notes: [Note]
        /// Whether the link has a seed; without one the Playground draws a random seed and
        /// `configuration.seed` keeps the base's.
        public var hasSeed: Bool
    }

    /// Reads a full Playground link or just its `#…` part (or the part without `#`), starting
    /// from `base` for every key the link does not set.
    public static func read(
        _ link: String, base: TrainingConfiguration = TrainingConfiguration()
    ) throws(ParseError) -> Reading {
        var reader = LinkReader(pairs: splitPairs(browserFragment(of: link)), base: base)
        return try reader.read()
    }

    /// `read`, keeping only the configuration and display options.
    public static func parse(
        _ link: String, base: TrainingConfiguration = TrainingConfiguration()
    ) throws(ParseError) -> (TrainingConfiguration, DisplayOptions) {
        let reading = try read(link, base: base)
        return (reading.configuration, reading.display)
    }
}

/// One reading of one link: the pairs, what has been set, what has been noted.
private struct LinkReader {
    typealias ParseError = PlaygroundLink.ParseError
    let pairs: [(key: String, value: String?)]
    let values: [String: String?]
    var c: TrainingConfiguration
    var display = PlaygroundLink.DisplayOptions()
    var notes: [PlaygroundLink.Note] = []

    init(pairs: [(key: String, value: String?)], base: TrainingConfiguration) {
        self.pairs = pairs
        var values: [String: String?] = [:]
        for pair in pairs { values[pair.key] = .some(pair.value) }
        self.values = values
        c = base
    }

    /// `hasKey`: present, with a value that is not blank.
    func usable(_ key: String) -> String? {
        guard let entry = values[key], let value = entry,
            !trimmingJavaScriptWhiteSpace(Substring(value)).isEmpty
        else { return nil }
        return value
    }

    mutating func note(_ key: String, _ message: String) {
        let value = values[key] ?? nil
        notes.append(PlaygroundLink.Note(key: key, value: value, message: message))
    }

    /// A number by `+value`, refused unless `range` accepts it.
    func number(_ key: String, _ value: String, _ range: SettingRange) throws(ParseError) -> Double {
        let v = javaScriptToNumber(value)
        guard v.isFinite else {
            throw ParseError(
                key: key, value: value, problem: .notANumber,
                reason: "'\(value)' is \(v.isNaN ? "not a number" : "infinite") to the Playground", valid: range.validText)
        }
        if range.whole && v != v.rounded(.towardZero) && range.accepted.contains(v) {
            throw ParseError(key: key, value: value, problem: .notWhole, reason: "\(value) is not a whole number", valid: range.validText)
        }
        guard range.accepts(v) else {
            throw ParseError(key: key, value: value, problem: .outOfRange, reason: "\(value) is out of range", valid: range.validText)
        }
        return v
    }

    mutating func read() throws(ParseError) -> PlaygroundLink.Reading {
        // The page knows only its six data sets: a link read on top of moons or a file starts
        // from the page's default, circle.
        let inPlayground = c.dataset.isInPlayground
        var classification = c.isRegression || !inPlayground ? Dataset.circle : c.dataset
        var regression = c.isRegression && inPlayground ? c.dataset : Dataset.regPlane
        var isRegression = c.isRegression && inPlayground
        var enabled = Set(c.features)
        var hasSeed = false
        var known = Set<String>()

        for (key, type) in PlaygroundLink.deployedKeys {
            known.insert(key)
            if key == "networkShape" {
                if let entry = values[key] { try readShape(entry) }
                continue
            }
            guard let value = usable(key) else { continue }
            switch type {
            case .name(let names):
                // `map[name] in keyMap`: exact spelling; anything else the page ignores,
                // keeping its default, which is never what the author meant.
                guard names.contains(value) else {
                    throw ParseError(
                        key: key, value: value, problem: .unknownValue,
                        reason: "the Playground does not know '\(value)' and would silently keep its default",
                        valid: names.joined(separator: ", "))
                }
                switch key {
                case "activation": c.activation = Activation(rawValue: value)!
                case "regularization": c.regularization = Regularization(parsing: value)!
                case "dataset": classification = Dataset(rawValue: value)!
                case "regDataset": regression = Dataset(rawValue: value)!
                default: isRegression = value == "regression"
                }
            case .number:
                switch key {
                case "batchSize": c.batchSize = Int(try number(key, value, .batchSize))
                case "learningRate": c.learningRate = try number(key, value, .learningRate)
                case "regularizationRate": c.regularizationRate = try number(key, value, .regularizationRate)
                case "noise": c.noise = try number(key, value, .noise)
                default: c.trainRatio = try number(key, value, .trainRatio)
                }
            case .boolean:
                let on = value != "false"
                switch key {
                case "showTestData": display.showTestData = on
                case "discretize": display.discretize = on
                case "initZero":
                    if on { c.initialization = .zero } else if c.initialization == .zero { c.initialization = .playground }
                case "collectStats":
                    if on { note(key, "changes only the page (it collects statistics there); training is the same") }
                case "hideText":
                    display.hiding.text = on
                    if on { note(key, "changes only the page (it hides the explanatory text); training is the same") }
                case "cosX", "cosY":
                    if on { note(key, "the Playground has no cos input; it does nothing there either") }
                default:
                    let feature = Feature(rawValue: key)!
                    if on { enabled.insert(feature) } else { enabled.remove(feature) }
                }
            case .text:
                if key == "seed" {
                    c.seed = value
                    hasSeed = true
                } else {
                    note(key, "changes only the page (it opens a tutorial there); training is the same")
                }
            case .numberList:
                break
            }
        }

        // `<prop>_hide=true` hides the control `prop`; a hidden input feature is deleted
        // from the page's input table, so the network never sees it.
        var hidden: [Feature] = []
        var hiddenControls: [PlaygroundControl] = []
        for (key, value) in pairs where key.hasSuffix("_hide") {
            known.insert(key)
            let prop = key.replacingFirst("_hide")
            if let feature = Feature(rawValue: prop) {
                if value == "true" { hidden.append(feature) }
            } else if value == "true" {
                if let control = PlaygroundControl(rawValue: prop) { hiddenControls.append(control) }
                note(key, "hides a control on the page; training is the same")
            }
        }
        display.hiding = PlaygroundHiding(controls: hiddenControls, text: display.hiding.text)
        enabled.subtract(hidden)

        for (key, _) in pairs where !known.contains(key) && !key.isEmpty {
            note(key, "not a key the Playground reads; it ignores it, and so does Labbook")
        }
        for (key, value) in pairs where known.contains(key) && key != "networkShape" && !key.hasSuffix("_hide") && usable(key) == nil {
            note(key, value == nil ? "has no value; the Playground keeps its default" : "is empty; the Playground keeps its default")
        }
        if !hasSeed {
            notes.append(
                PlaygroundLink.Note(
                    key: "seed", value: nil,
                    message: "the link has no seed: the Playground would draw a random one; Labbook uses seed \(c.seed)"))
        }

        c.dataset = isRegression ? regression : classification
        c.cells = nil
        c.pointSet = nil
        c.features = enabled.sorted()
        try checkTogether(hidden: hidden)
        let keyOrder = Dictionary(pairs.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        notes.sort { keyOrder[$0.key, default: pairs.count] < keyOrder[$1.key, default: pairs.count] }
        return PlaygroundLink.Reading(
            configuration: c, display: display, hiddenFeatures: hidden.sorted(), notes: notes, hasSeed: hasSeed)
    }

    /// `networkShape`: `parseArray(value).map(Number)`. Without `=` the page stops with a
    /// TypeError; a blank value means no hidden layer; `4,` is a layer of 0 neurons there.
    mutating func readShape(_ entry: String?) throws(ParseError) {
        let key = "networkShape"
        let valid = SettingRange.hiddenValidText
        guard let value = entry else {
            throw ParseError(
                key: key, value: "", problem: .missingValue, reason: "without '=' the Playground's page stops loading", valid: valid)
        }
        if trimmingJavaScriptWhiteSpace(Substring(value)).isEmpty {
            c.hidden = []
            return
        }
        let parts = value.split(separator: ",", omittingEmptySubsequences: false)
        guard SettingRange.layers.accepts(Double(parts.count)) else {
            throw ParseError(key: key, value: value, problem: .outOfRange, reason: "\(parts.count) hidden layers is too many", valid: valid)
        }
        var shape: [Int] = []
        for part in parts {
            let n = javaScriptToNumber(part)
            guard SettingRange.neurons.accepts(n) else {
                let problem: ParseError.Problem =
                    n.isNaN ? .notANumber : n.isFinite && n != n.rounded(.towardZero) ? .notWhole : .outOfRange
                let reason =
                    switch problem {
                    case .notANumber: "'\(part)' is not a number"
                    case .notWhole: "'\(part)' is not a whole number"
                    default: "a layer of '\(part)' neurons is out of range"
                    }
                throw ParseError(key: key, value: value, problem: problem, reason: reason, valid: valid)
            }
            shape.append(Int(n))
        }
        c.hidden = shape
    }

    /// What only the whole link decides: an input left, both sets non-empty, a batch that
    /// fills.
    func checkTogether(hidden: [Feature]) throws(ParseError) {
        if c.features.isEmpty {
            let key = hidden.isEmpty ? "x" : hidden[0].rawValue + "_hide"
            throw ParseError(
                key: key, value: values[key].flatMap { $0 } ?? "", problem: .unusable,
                reason: "the link leaves the network no input feature (every feature is off or hidden)",
                valid: "at least one of x, y, xSquared, ySquared, xTimesY, sinX, sinY true and not hidden")
        }
        let points = c.dataset.sampleCount
        let train = c.trainCount
        if train < 1 || train >= points {
            let value = javaScriptNumberString(c.trainRatio)
            throw ParseError(
                key: "percTrainData", value: values["percTrainData"].flatMap { $0 } ?? value, problem: .unusable,
                reason: "\(value) % of \(points) points leaves no \(train < 1 ? "training" : "test") point",
                valid: "a percentage that leaves at least one point in each set (the Playground's slider offers 10–90)")
        }
        if c.batchSize > train {
            throw ParseError(
                key: "batchSize", value: values["batchSize"].flatMap { $0 } ?? String(c.batchSize), problem: .unusable,
                reason:
                    "a batch of \(c.batchSize) is more than the \(train) training points: the Playground would never update the weights",
                valid: "a whole number from 1 to \(train) (the Playground's slider offers 1–30)")
        }
    }
}

extension String {
    /// JavaScript's `replace(string, "")`: removes the first occurrence only.
    fileprivate func replacingFirst(_ target: String) -> String {
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(target) {
                return String(self[..<start]) + self[start...].dropFirst(target.count)
            }
            start = index(after: start)
        }
        return self
    }
}
