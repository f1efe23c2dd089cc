import ChapterMarkdown
import PlaygroundTrainer

/// What an inline value reads from an experiment's runs. Every value comes from the one results
/// analysis of the runs (``CombinationResults``), by the rules stated there.
public enum ValueMetric: String, CaseIterable, Sendable {
    /// Median epochs to the stop rule, runs that did not reach it counted as slower than the
    /// budget ("not reached" when fewer than half reached it).
    case epochs
    /// Fewest–most epochs to the stop rule over the runs that reached it.
    case epochsRange = "epochs-range"
    /// How many seeds reached the stop rule: "4 of 5 seeds".
    case reached
    /// The same as a bare count ("4") and as a share of the runs ("80 %").
    case reachedCount = "reached-count"
    case reachedShare = "reached-share"
    case testLoss = "test-loss"
    case trainLoss = "train-loss"
    case testAccuracy = "test-accuracy"
    case trainAccuracy = "train-accuracy"
    /// Final test loss minus final training loss.
    case gap
    case testLossRange = "test-loss-range"
    case trainLossRange = "train-loss-range"
    case testAccuracyRange = "test-accuracy-range"
    case trainAccuracyRange = "train-accuracy-range"
    case gapRange = "gap-range"
    /// The epoch budget.
    case budget
    /// The number of seeds, of reset presses per seed, and of runs (seeds × (resets + 1)).
    case seeds, resets, runs
    /// A final weight of the representative run, named by `[from=…, to=…]` (``NodeName``).
    case weight
    /// A final bias of the representative run, named by `[node=…]`.
    case bias
    /// In a sweep: the setting of the combination that reached the target fastest by median
    /// epochs (censored rule; ties by median final test loss).
    case best
    /// In a sweep: that combination's median epochs.
    case bestEpochs = "best-epochs"
    /// In a sweep: the setting of the combination with the lowest median final test loss.
    case bestByLoss = "best-by-loss"
    /// In a sweep: the lowest median final test loss.
    case bestLoss = "best-loss"
    /// In a sweep: the setting of the combination with the highest median final test accuracy.
    case bestByAccuracy = "best-by-accuracy"
    /// In a sweep: the highest median final test accuracy.
    case bestAccuracy = "best-accuracy"

    /// Metrics that rank the combinations of a sweep.
    var comparesCombinations: Bool {
        [.best, .bestEpochs, .bestByLoss, .bestLoss, .bestByAccuracy, .bestAccuracy].contains(self)
    }

    var needsStopRule: Bool {
        [.epochs, .epochsRange, .reached, .reachedCount, .reachedShare, .best, .bestEpochs].contains(self)
    }

    var isAccuracy: Bool {
        [.testAccuracy, .trainAccuracy, .testAccuracyRange, .trainAccuracyRange, .bestByAccuracy, .bestAccuracy]
            .contains(self)
    }
}

/// A parsed `{value}` role: `ID.metric` or `ID[key=value, …].metric`.
public struct ValueReference: Sendable, Hashable {
    public var experimentID: String
    public var selectors: [Selector]
    /// `[reset=2]`: one run of each seed, after that many presses of the reset button.
    public var reset: Int?
    /// `from=`, `to=` (a weight) and `node=` (a bias), as written.
    public var nodes: [String: String] = [:]
    public var metric: ValueMetric

    public struct Selector: Sendable, Hashable {
        public var key: SettingKey
        public var value: String
    }

    public enum ParseError: Error, Equatable {
        case malformed
        case unknownMetric(String)
        case unknownKey(String)
    }

    public static let syntax =
        "ID.METRIC or ID[KEY=VALUE, …].METRIC (KEY a varied setting, seed or reset), METRIC one of "
        + ValueMetric.allCases.map(\.rawValue).joined(separator: ", ")

    public init(parsing text: String) throws(ParseError) {
        let content = text.trimmingCharacters(in: " ")
        // The metric follows the last dot outside brackets (values such as 0.01 have dots).
        guard let dot = lastDotOutsideBrackets(content) else { throw .malformed }
        let metricName = String(content[content.index(after: dot)...])
        var head = content[..<dot]
        guard let metric = ValueMetric(rawValue: metricName) else { throw .unknownMetric(metricName) }
        var selectors: [Selector] = []
        var reset: Int? = nil
        var nodes: [String: String] = [:]
        if let open = head.firstIndex(of: "[") {
            guard head.last == "]" else { throw .malformed }
            let inner = head[head.index(after: open)..<head.index(before: head.endIndex)]
            for part in splitOutsideBrackets(inner) {
                let pieces = part.split(separator: "=", maxSplits: 1)
                guard pieces.count == 2 else { throw .malformed }
                let keyName = pieces[0].trimmingCharacters(in: " ")
                let value = pieces[1].trimmingCharacters(in: " ")
                if ["from", "to", "node"].contains(keyName) {
                    nodes[keyName] = value
                    continue
                }
                if keyName == "reset" {
                    // One run after that many presses of the reset button (0 = the fresh page).
                    guard let n = Int(value), n >= 0, n <= 100 else { throw .malformed }
                    reset = n
                    continue
                }
                guard let key = SettingKey(rawValue: keyName) else { throw .unknownKey(keyName) }
                selectors.append(Selector(key: key, value: value))
            }
            head = head[..<open]
        }
        let id = head.trimmingCharacters(in: " ")
        guard !id.isEmpty else { throw .malformed }
        self.experimentID = id
        self.selectors = selectors
        self.reset = reset
        self.nodes = nodes
        self.metric = metric
    }
}

/// Splits `hidden=[4,4], activation=relu` at the commas that are not inside brackets.
func splitOutsideBrackets(_ text: Substring) -> [Substring] {
    var parts: [Substring] = []
    var depth = 0
    var start = text.startIndex
    for index in text.indices {
        switch text[index] {
        case "[": depth += 1
        case "]": depth -= 1
        case "," where depth == 0:
            parts.append(text[start..<index])
            start = text.index(after: index)
        default: break
        }
    }
    parts.append(text[start...])
    return parts
}

func lastDotOutsideBrackets(_ text: String) -> String.Index? {
    var depth = 0
    var found: String.Index? = nil
    for index in text.indices {
        switch text[index] {
        case "[": depth += 1
        case "]": depth -= 1
        case "." where depth == 0: found = index
        default: break
        }
    }
    return found
}
