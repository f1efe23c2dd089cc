import ChapterMarkdown

/// A `{check}` role: a comparison over inline-value references that the build evaluates after
/// training, against the one results analysis, and that fails the build when it does not hold.
///
/// ```markdown
/// ReLU is faster{check}`q3[activation=relu].epochs < q3[activation=tanh].epochs`.
/// ```
///
/// Grammar: comparisons `A OP B` joined by `and` (binding tighter) and `or`; `OP` one of
/// `<`, `<=`, `=` (or `==`), `>=`, `>` (`≤`, `≥` too); each side a value reference as `{value}`
/// accepts it (`ID.METRIC`, `ID[KEY=VALUE, …].METRIC`), a number (`0.02`, `97.6 %`), or — beside
/// `best`, `best-by-loss`, `best-by-accuracy` with `=` — the winning setting as a word (`relu`).
public struct ResolvedClaim: Sendable, Hashable {
    /// The role's text as written, for messages.
    public var text: String
    public var location: SourceLocation
    /// Alternatives (`or`) of conjunctions (`and`) of comparisons.
    public var alternatives: [[Comparison]]

    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case less = "<", lessOrEqual = "<=", equal = "=", greaterOrEqual = ">=", greater = ">"
    }

    public enum Term: Sendable, Hashable {
        /// A value reference, resolved as `{number}` would print it.
        case value(ResolvedValue, written: String)
        case number(Double, written: String)
        /// A setting's value, to compare with a sweep's winner (`q3.best = relu`).
        case word(String)
    }

    public struct Comparison: Sendable, Hashable {
        public var left: Term
        public var op: Operator
        public var right: Term
    }

    public static let syntax =
        "A OP B with OP one of <, <=, =, >=, > and A, B value references (ID.METRIC, ID[KEY=VALUE].METRIC) or numbers, joined by 'and' / 'or', e.g. q3[activation=relu].epochs < q3[activation=tanh].epochs"
}

/// The tokens of a claim before its references are resolved.
struct ClaimSyntax {
    enum Token: Equatable {
        case text(String)
        case op(ResolvedClaim.Operator)
        case and, or
    }

    struct Comparison {
        var left: String
        var op: ResolvedClaim.Operator
        var right: String
    }

    /// `[[comparison]]`: alternatives of conjunctions; nil when the text is not of that form.
    static func parse(_ text: String) -> [[Comparison]]? {
        var groups: [[Comparison]] = [[]]
        var pending: [Token] = []
        func flush() -> Bool {
            guard pending.count == 3, case .text(let left) = pending[0], case .op(let op) = pending[1],
                case .text(let right) = pending[2]
            else { return false }
            groups[groups.count - 1].append(Comparison(left: left, op: op, right: right))
            pending = []
            return true
        }
        for token in tokens(text) {
            switch token {
            case .and:
                guard flush() else { return nil }
            case .or:
                guard flush() else { return nil }
                groups.append([])
            default:
                pending.append(token)
            }
        }
        guard flush() else { return nil }
        return groups
    }

    /// Words, operators and `and`/`or`, split outside brackets (`q3[activation=relu]` is one word).
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var depth = 0
        func endWord() {
            guard !word.isEmpty else { return }
            switch word {
            case "and": tokens.append(.and)
            case "or": tokens.append(.or)
            case "%":
                // `97.6 %`: the sign belongs to the number before it.
                if case .text(let previous) = tokens.last {
                    tokens[tokens.count - 1] = .text(previous + "%")
                } else {
                    tokens.append(.text(word))
                }
            default: tokens.append(.text(word))
            }
            word = ""
        }
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if depth == 0 && (c == "<" || c == ">" || c == "=" || c == "≤" || c == "≥") {
                endWord()
                let twoCharacters = index + 1 < characters.count && characters[index + 1] == "="
                let op: ResolvedClaim.Operator
                switch c {
                case "<": op = twoCharacters ? .lessOrEqual : .less
                case ">": op = twoCharacters ? .greaterOrEqual : .greater
                case "≤": op = .lessOrEqual
                case "≥": op = .greaterOrEqual
                default: op = .equal
                }
                if twoCharacters && c != "≤" && c != "≥" { index += 1 }
                tokens.append(.op(op))
            } else if depth == 0 && c.isWhitespace {
                endWord()
            } else {
                if c == "[" { depth += 1 }
                if c == "]" { depth = max(0, depth - 1) }
                word.append(c)
            }
            index += 1
        }
        endWord()
        characters = []
        return tokens
    }

    /// `0.02`, `97.6%`: a number (a share written with `%` is in percent, as values print it).
    static func number(_ text: String) -> Double? {
        var digits = text
        if digits.hasSuffix("%") { digits.removeLast() }
        guard let first = digits.first, first.isNumber || first == "-" || first == "." else { return nil }
        return Double(digits.replacingOccurrences(of: "_", with: ""))
    }

    /// A bare setting value such as `relu` or `0.03`-free words: letters, digits, `-`, `_`, `,`.
    static func isWord(_ text: String) -> Bool {
        !text.isEmpty && !text.contains(".") && !text.contains("[")
            && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "," }
    }
}
