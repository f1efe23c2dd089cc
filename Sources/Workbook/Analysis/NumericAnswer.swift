import ChapterMarkdown
import PlaygroundTrainer

/// The answer of a numeric `{question}`: a value reference read from the runs, and how far a
/// reported number may lie from it.
///
/// ```yaml
/// answer: {value: "q3[activation=relu].epochs", tolerance: 5%}
/// ```
///
/// (In YAML's `{…}` form a reference with brackets is quoted; written as a block mapping under
/// `answer:` it need not be.) `value` is read as `{number}` reads it and must name one number
/// (epochs, a loss, an accuracy, a count, a weight …; not a range or a winning setting).
/// `tolerance` is a share of the value (`5%`) or an amount in the value's own unit (`3` epochs,
/// `0.0005` of a loss, `2` percentage points of an accuracy). Without it the grading defaults
/// apply (``Grading/Tolerances``): 3 epochs, 0.0005 for a loss, 2 points for an accuracy;
/// other quantities need one.
public struct NumericAnswer: Sendable, Hashable {
    /// The value reference as written (`q3[activation=relu].epochs`).
    public var reference: String
    /// Where the reference is written.
    public var location: SourceLocation
    public var tolerance: Tolerance?

    public enum Tolerance: Sendable, Hashable {
        /// A share of the correct value in percent, as written: `5%` is 5.
        case relative(Double)
        /// An amount in the value's unit.
        case absolute(Double)

        /// `5%`, `5 %`, `0.5` or `3`; nil for anything else (negative, not finite, not a number).
        static func parse(_ text: String) -> Tolerance? {
            var written = text.trimmingCharacters(in: " ")
            let isShare = written.hasSuffix("%")
            if isShare { written = String(written.dropLast()).trimmingCharacters(in: " ") }
            guard !written.isEmpty, written.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                let number = Double(written), number.isFinite, number >= 0, !(isShare && number > 100)
            else { return nil }
            return isShare ? .relative(number) : .absolute(number)
        }
    }

    static let keys = ["value", "tolerance"]
}

extension DirectiveAnalyzer {
    /// `answer: {value: …, tolerance: …}`; nil (with errors) when it cannot be read.
    mutating func numericAnswer(_ mapping: YAMLMapping) -> NumericAnswer? {
        var answer: NumericAnswer? = nil
        var tolerance: NumericAnswer.Tolerance? = nil
        var ok = true
        for entry in mapping.entries {
            switch entry.key {
            case "value":
                guard let reference = text(entry.value, key: "value") else { ok = false; continue }
                answer = NumericAnswer(reference: reference, location: entry.value.location)
            case "tolerance":
                guard let written = text(entry.value, key: "tolerance") else { ok = false; continue }
                guard let parsed = NumericAnswer.Tolerance.parse(written) else {
                    diagnostics.error(
                        "tolerance '\(written)' is neither a share such as 5% nor an amount 0 or greater", at: entry.value.location,
                        hint: "valid: tolerance: 5% (of the value) or tolerance: 3 (in the value's unit: epochs, loss, percentage points)",
                        id: .badValue, end: entry.value.end)
                    ok = false
                    continue
                }
                tolerance = parsed
            default:
                diagnostics.error(
                    "unknown key '\(entry.key)' in a numeric answer", at: entry.keyLocation,
                    hint: "valid keys: \(NumericAnswer.keys.joined(separator: ", "))", id: .unknownKey, end: entry.keyEnd)
                ok = false
            }
        }
        guard var answer else {
            diagnostics.error(
                "a numeric answer needs value:", at: mapping.location,
                hint: "e.g. answer: {value: \"q3[activation=relu].epochs\", tolerance: 5%}", id: .missingKey)
            return nil
        }
        answer.tolerance = tolerance
        return ok ? answer : nil
    }
}

extension ValueMetric {
    /// Metrics that give one number, which a numeric answer can be (not a range, not "4 of 5",
    /// not a winning setting).
    var isSingleNumber: Bool {
        switch self {
        case .epochs, .reachedCount, .testLoss, .trainLoss, .testAccuracy, .trainAccuracy, .gap, .budget, .seeds,
            .resets, .runs, .weight, .bias, .bestEpochs, .bestLoss, .bestAccuracy:
            true
        case .epochsRange, .reached, .reachedShare, .testLossRange, .trainLossRange, .testAccuracyRange,
            .trainAccuracyRange, .gapRange, .best, .bestByLoss, .bestByAccuracy:
            false
        }
    }

    /// The tolerance a numeric answer gets when the author gives none: the grading defaults.
    var defaultTolerance: NumericAnswer.Tolerance? {
        switch self {
        case .epochs, .bestEpochs: .absolute(3)
        case .testLoss, .trainLoss, .gap, .bestLoss: .absolute(0.0005)
        case .testAccuracy, .trainAccuracy, .bestAccuracy: .absolute(2)
        default: nil
        }
    }
}

extension ReferenceResolver {
    /// A numeric answer's value, resolved as `{number}` resolves it, and its tolerance.
    mutating func resolveNumeric(_ answer: NumericAnswer) -> ResolvedNumeric? {
        let role = InlineRole(name: "number", content: answer.reference, location: answer.location, index: 0)
        guard var value = resolveValue(role) else { return nil }
        guard value.metric.isSingleNumber else {
            diagnostics.error(
                "a numeric answer needs one number, but '\(value.metric.rawValue)' is not one", at: answer.location,
                hint:
                    "valid: epochs, test-loss, train-loss, gap, test-accuracy, train-accuracy, reached-count, best-epochs, best-loss, best-accuracy, weight, bias",
                id: .badReference)
            return nil
        }
        guard let tolerance = answer.tolerance ?? value.metric.defaultTolerance else {
            diagnostics.error(
                "a numeric answer for '\(value.metric.rawValue)' needs a tolerance", at: answer.location,
                hint: "e.g. tolerance: 5% or tolerance: 1", id: .missingKey)
            return nil
        }
        value.blank = nil  // the answer is the instructor's; the student edition leaves it out
        return ResolvedNumeric(value: value, tolerance: tolerance)
    }
}

/// A numeric answer after analysis: the value it reads and the tolerance that applies.
public struct ResolvedNumeric: Sendable, Hashable {
    public var value: ResolvedValue
    public var tolerance: NumericAnswer.Tolerance

    /// The value as the page states an answer: with its qualifier, as `{value}` prints it
    /// ("15 epochs (median of 3 seeds)").
    public var shownValue: ResolvedValue {
        var shown = value
        shown.plain = false
        return shown
    }

    /// How far from `correct` a reported number may be.
    public func margin(around correct: Double) -> Double {
        switch tolerance {
        case .relative(let percent): abs(correct) * percent / 100
        case .absolute(let amount): amount
        }
    }

    /// "± 5 %", "± 3 epochs", "± 2 percentage points", "± 0.0005".
    public var toleranceText: String {
        switch tolerance {
        case .relative(let percent): return "± \(javaScriptNumberString(percent)) %"
        case .absolute(let amount):
            let number = javaScriptNumberString(amount)
            switch value.metric {
            case .epochs, .bestEpochs, .budget: return "± \(number) epoch\(amount == 1 ? "" : "s")"
            case .testAccuracy, .trainAccuracy, .bestAccuracy: return "± \(number) percentage points"
            default: return "± \(number)"
            }
        }
    }
}
