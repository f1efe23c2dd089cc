import Foundation

/// A TeX formula as plain text, the way a reader says it: `x_1 x_2` → "x₁ x₂",
/// `\hat{y}` → "ŷ", `\frac{1}{m} \sum_{i=1}^{m} L_i` → "1/m ∑ᵢ₌₁ᵐ Lᵢ", `\tanh` → "tanh".
///
/// For text that cannot typeset (search snippets, where KaTeX does not run): no backslash,
/// brace, `_` or `^` is left. Best effort for the TeX a course writes; an unknown command
/// keeps its name ("\foo" → "foo").
enum MathText {
    static func plain(_ tex: String) -> String {
        var text = tex
        for (delimiter, replacement) in [("\\(", ""), ("\\)", ""), ("\\[", ""), ("\\]", ""), ("\\\\", "; "), ("&", " ")] {
            text = text.replacingOccurrences(of: delimiter, with: replacement)
        }
        var scanner = Scanner(Array(text))
        return scanner.expression(until: nil).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "eta": "η", "theta": "θ",
        "lambda": "λ", "mu": "μ", "pi": "π", "sigma": "σ", "tau": "τ", "phi": "φ", "omega": "ω", "Sigma": "Σ",
        "Delta": "Δ", "sum": "∑", "prod": "∏", "cdot": "·", "times": "×", "pm": "±", "le": "≤", "leq": "≤", "ge": "≥",
        "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "in": "∈", "to": "→", "rightarrow": "→", "infty": "∞",
        "partial": "∂", "nabla": "∇", "sim": "~", "mid": "|", "ldots": "…", "dots": "…", "cdots": "…",
        "quad": " ", "qquad": " ", ",": " ", ";": " ", "!": "", ":": " ", " ": " ", "{": "{", "}": "}",
        "left": "", "right": "", "big": "", "Big": "", "bigl": "", "bigr": "", "displaystyle": "", "lbrace": "{", "rbrace": "}",
    ]

    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "=": "₌", "(": "₍", ")": "₎", "a": "ₐ", "e": "ₑ", "h": "ₕ", "i": "ᵢ", "j": "ⱼ", "k": "ₖ",
        "l": "ₗ", "m": "ₘ", "n": "ₙ", "o": "ₒ", "p": "ₚ", "r": "ᵣ", "s": "ₛ", "t": "ₜ", "u": "ᵤ", "v": "ᵥ", "x": "ₓ",
    ]

    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ", "m": "ᵐ", "T": "ᵀ", "z": "ᶻ",
        "x": "ˣ", "k": "ᵏ", "a": "ᵃ", "b": "ᵇ", "e": "ᵉ",
    ]

    /// A small recursive reader over the formula's characters.
    private struct Scanner {
        let characters: [Character]
        var index = 0

        init(_ characters: [Character]) { self.characters = characters }

        /// Text up to `end` (a closing brace) or the end of the formula.
        mutating func expression(until end: Character?) -> String {
            var out = ""
            while index < characters.count {
                let c = characters[index]
                if let end, c == end { index += 1; return out }
                out += atom()
            }
            return out
        }

        /// One piece: a group, a command with its arguments, a script, or a character.
        mutating func atom() -> String {
            let c = characters[index]
            index += 1
            switch c {
            case "{": return expression(until: "}")
            case "}": return ""
            case "_": return script(MathText.subscripts)
            case "^": return script(MathText.superscripts)
            case "\\": return command()
            default: return String(c)
            }
        }

        /// The next argument: a `{…}` group or a single character.
        mutating func argument() -> String {
            while index < characters.count, characters[index] == " " { index += 1 }
            guard index < characters.count else { return "" }
            return atom()
        }

        /// `_…` or `^…`: in small figures where Unicode has them all, else kept readable.
        mutating func script(_ table: [Character: Character]) -> String {
            let body = argument()
            let mapped = body.compactMap { table[$0] }
            if mapped.count == body.count { return String(mapped) }
            return table == MathText.subscripts ? "(" + body + ")" : "^(" + body + ")"
        }

        mutating func command() -> String {
            guard index < characters.count else { return "" }
            var name = ""
            if characters[index].isLetter {
                while index < characters.count, characters[index].isLetter { name.append(characters[index]); index += 1 }
            } else {
                name = String(characters[index])
                index += 1
            }
            switch name {
            case "frac", "tfrac", "dfrac":
                let top = argument(), bottom = argument()
                return "\(Self.grouped(top))/\(Self.grouped(bottom))"
            case "sqrt":
                return "√" + Self.grouped(argument())
            case "hat": return argument() + "\u{0302}"
            case "bar", "overline": return argument() + "\u{0305}"
            case "text", "mathrm", "mathbf", "mathit", "operatorname", "textbf", "textit":
                return argument()
            case "begin", "end":
                _ = argument()
                return " "
            default:
                if let symbol = MathText.symbols[name] { return symbol }
                return name  // tanh, log, max, sin, exp…: the name is how one says it
            }
        }

        /// `ab` → "(ab)", `a` → "a": a fraction's parts need brackets when longer than one symbol.
        static func grouped(_ text: String) -> String {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.count <= 1 || trimmed.allSatisfy({ $0.isNumber || $0 == "." }) ? trimmed : "(" + trimmed + ")"
        }
    }
}
