import ChapterMarkdown
import Foundation

/// Evaluates every `{check}` claim of a plan against the one results analysis, after training
/// and before anything is written. Each side is read exactly as `{number}` prints it
/// (``ValueText``), so a claim compares what the reader sees, at the printed precision:
///
/// - "not reached" (and a diverged median) is larger than any number, so
///   `q.epochs < 1000` fails and `q.epochs > 1000` holds when the target was not reached;
/// - a range (`…-range`) holds a claim when every value in it does: `a-range < b` means its
///   largest value is below `b`, `a-range > b` its smallest above;
/// - losses, accuracies (in percent: `97.6`) and weights compare as printed (`0.020 = 0.02`);
/// - "diverged" and "n/a" make every comparison false.
enum ClaimCheck {
    /// One side's value: its printed text and the interval it stands for (one number: low = high).
    struct Side {
        var text: String
        var low: Double
        var high: Double
        /// A setting (a sweep's winner) or a word; compared as text.
        var word: String?
    }

    /// An error per claim that does not hold, at the role, with each side's value.
    static func failures(_ plan: BookPlan, results: BookResults) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for chapter in plan.chapters {
            var roles = chapter.roles
            for case .question(let question) in chapter.blocks {
                for snippet in question.fields.values { roles += snippet.roles }
            }
            for case .claim(let claim) in roles {
                if let failure = check(claim, plan: plan, results: results) { diagnostics.append(failure) }
            }
        }
        return diagnostics.sorted {
            ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
        }
        .sorted { ($0.location?.file ?? "") < ($1.location?.file ?? "") }
    }

    /// The error for a claim that does not hold; nil when it holds or names results this
    /// edition lacks (an instructor-only experiment in the student edition).
    static func check(_ claim: ResolvedClaim, plan: BookPlan, results: BookResults) -> Diagnostic? {
        var described: [String] = []
        var holds = false
        for conjunction in claim.alternatives {
            var all = true
            var parts: [String] = []
            for comparison in conjunction {
                guard let left = side(comparison.left, plan: plan, results: results),
                    let right = side(comparison.right, plan: plan, results: results)
                else { return nil }
                if !compare(left, comparison.op, right) { all = false }
                parts.append("\(describe(comparison.left, left)) \(comparison.op.rawValue) \(describe(comparison.right, right))")
            }
            if all { holds = true }
            described.append(parts.joined(separator: " and "))
        }
        if holds { return nil }
        return .error(
            "claim does not hold: \(described.joined(separator: " or "))", at: claim.location,
            hint: "correct the sentence and its {check}, or the experiment", id: .claim)
    }

    /// `q3[activation=relu].epochs (412)`; a number as written.
    static func describe(_ term: ResolvedClaim.Term, _ side: Side) -> String {
        switch term {
        case .value(_, let written): return "\(written) (\(side.text))"
        case .number(_, let written): return written
        case .word(let word): return word
        }
    }

    static func side(_ term: ResolvedClaim.Term, plan: BookPlan, results: BookResults) -> Side? {
        switch term {
        case .number(let number, let written):
            return Side(text: written, low: number, high: number)
        case .word(let word):
            return Side(text: word, low: .nan, high: .nan, word: word)
        case .value(let value, _):
            guard let (_, spec) = plan.experiments[value.experimentID] else { return nil }
            let combinations = results[spec.id]
            guard !combinations.isEmpty, value.combinations.allSatisfy(combinations.indices.contains) else { return nil }
            let text = ValueText(spec: spec, results: combinations).text(value).text
            return parse(text, isSetting: [.best, .bestByLoss, .bestByAccuracy].contains(value.metric))
        }
    }

    /// A value as `{number}` prints it, read back: "412", "0.020", "98.4 %", "−0.53",
    /// "96–377", "4 of 5", "not reached".
    static func parse(_ text: String, isSetting: Bool) -> Side {
        if isSetting {
            return Side(text: text, low: ClaimSyntax.number(text) ?? .nan, high: ClaimSyntax.number(text) ?? .nan, word: text)
        }
        if text == "not reached" { return Side(text: text, low: .infinity, high: .infinity) }
        func number(_ part: Substring) -> Double {
            var digits = part.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "−", with: "-")
            if digits.hasSuffix("%") { digits = String(digits.dropLast()).trimmingCharacters(in: .whitespaces) }
            if let of = digits.range(of: " of ") { digits = String(digits[..<of.lowerBound]) }
            return Double(digits) ?? .nan
        }
        let ends = text.split(separator: "–", maxSplits: 1)
        let low = number(ends.first ?? "")
        let high = ends.count == 2 ? number(ends[1]) : low
        return Side(text: text, low: low, high: high)
    }

    static func compare(_ left: Side, _ op: ResolvedClaim.Operator, _ right: Side) -> Bool {
        if op == .equal, left.word != nil || right.word != nil {
            if !left.low.isNaN && !right.low.isNaN { return left.low == right.low && left.high == right.high }
            return normalized(left.text) == normalized(right.text)
        }
        guard !left.low.isNaN, !left.high.isNaN, !right.low.isNaN, !right.high.isNaN else { return false }
        switch op {
        case .less: return left.high < right.low
        case .lessOrEqual: return left.high <= right.low
        case .greater: return left.low > right.high
        case .greaterOrEqual: return left.low >= right.high
        case .equal: return left.low == left.high && right.low == right.high && left.low == right.low
        }
    }

    /// `4, 2` and `4,2` are one setting.
    private static func normalized(_ text: String) -> String {
        text.filter { !$0.isWhitespace }.lowercased()
    }
}
