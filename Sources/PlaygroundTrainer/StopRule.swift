/// A rule such as `test-loss <= 0.02` that ends a run at the first epoch where it holds.
public struct StopRule: Hashable, Codable, Sendable, CustomStringConvertible {
    public enum Metric: String, CaseIterable, Codable, Sendable {
        case trainLoss = "train-loss"
        case testLoss = "test-loss"
        case trainAccuracy = "train-accuracy"
        case testAccuracy = "test-accuracy"

        public var isAccuracy: Bool { self == .trainAccuracy || self == .testAccuracy }
    }

    public enum Comparison: String, CaseIterable, Codable, Sendable {
        case lessOrEqual = "<="
        case less = "<"
        case greaterOrEqual = ">="
        case greater = ">"

        public func holds(_ value: Double, _ threshold: Double) -> Bool {
            switch self {
            case .lessOrEqual: value <= threshold
            case .less: value < threshold
            case .greaterOrEqual: value >= threshold
            case .greater: value > threshold
            }
        }
    }

    public var metric: Metric
    public var comparison: Comparison
    public var threshold: Double

    public init(metric: Metric, comparison: Comparison, threshold: Double) {
        self.metric = metric
        self.comparison = comparison
        self.threshold = threshold
    }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformed(String)
        case unknownMetric(String)
        case badThreshold(String)

        public var description: String {
            switch self {
            case .malformed(let text):
                "'\(text)' is not a stop rule; write METRIC OP VALUE, e.g. 'test-loss <= 0.02'"
            case .unknownMetric(let name):
                "unknown metric '\(name)'; valid: \(Metric.allCases.map(\.rawValue).joined(separator: ", "))"
            case .badThreshold(let text):
                "'\(text)' is not a number"
            }
        }
    }

    /// Parses `METRIC OP VALUE`; accuracy thresholds may be written as fractions (0.95) or
    /// percentages (95%).
    public init(parsing text: String) throws(ParseError) {
        let compact = text.filter { !$0.isWhitespace }
        guard let operatorStart = compact.firstIndex(where: { $0 == "<" || $0 == ">" }) else {
            throw .malformed(text)
        }
        var operatorEnd = compact.index(after: operatorStart)
        if operatorEnd < compact.endIndex && compact[operatorEnd] == "=" {
            operatorEnd = compact.index(after: operatorEnd)
        }
        guard let comparison = Comparison(rawValue: String(compact[operatorStart..<operatorEnd])) else {
            throw .malformed(text)
        }
        let name = String(compact[..<operatorStart])
        var number = String(compact[operatorEnd...])
        guard let metric = Metric(rawValue: name.lowercased()) else { throw .unknownMetric(name) }
        var scale = 1.0
        if number.hasSuffix("%") {
            number.removeLast()
            scale = 0.01
        }
        guard let value = Double(number), value.isFinite else { throw .badThreshold(number) }
        self.init(metric: metric, comparison: comparison, threshold: value * scale)
    }

    public var description: String {
        "\(metric.rawValue) \(comparison.rawValue) \(javaScriptNumberString(threshold))"
    }
}
