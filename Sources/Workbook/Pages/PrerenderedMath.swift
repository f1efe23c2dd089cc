import ChapterMarkdown

/// TeX turned into plain HTML text for places where no KaTeX runs: questions exported to an
/// LMS (``LMSQuestion``). An LMS that is handed `\(x_1^2\)` shows the backslashes, or runs its
/// own TeX filter with its own idea of the syntax; so every formula leaves Labbook already
/// typeset in the way a textbook sets inline maths in running text: variables in italics
/// (`<i>x</i>`), indices and powers as `<sub>`/`<sup>`, Greek letters and operators as their
/// Unicode characters, function names upright, `\frac{a}{b}` as `a/b` (parenthesised when
/// either part is more than one symbol).
///
/// It knows the TeX that course text about networks writes (the commands in ``symbols``,
/// ``functionNames``, spacing, sizing, `\frac`, `\sqrt`, `\text`); anything else is refused with
/// the command's name, so that no formula reaches an LMS half converted.
struct PrerenderedMath {
    struct Unsupported: Error, Equatable {
        var command: String
    }

    /// The HTML for one formula's TeX (without its delimiters).
    static func html(_ tex: String) throws(Unsupported) -> String {
        var parser = PrerenderedMath(tokens: Array(tex.unicodeScalars))
        let html = try parser.sequence(until: nil)
        return html.replacing(/\ {2,}/, with: " ").trimmingCharacters(in: " ")
    }

    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
        "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ",
        "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "cdot": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "le": "≤", "leq": "≤", "ge": "≥",
        "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "sim": "∼", "equiv": "≡", "to": "→",
        "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "mapsto": "↦", "infty": "∞", "in": "∈",
        "partial": "∂", "nabla": "∇", "sum": "∑", "prod": "∏", "ldots": "…", "dots": "…", "cdots": "⋯",
        "lvert": "|", "rvert": "|", "vert": "|", "mid": "|", "|": "‖", "{": "{", "}": "}", "%": "%", "_": "_",
        "&": "&amp;", "#": "#", "$": "$", "circ": "∘", "prime": "′", "ell": "ℓ", "langle": "⟨", "rangle": "⟩",
    ]
    /// Operator names set upright: `\tanh(x)`.
    static let functionNames: Set<String> = [
        "tanh", "sinh", "cosh", "sin", "cos", "tan", "exp", "log", "ln", "max", "min", "arg", "argmax",
        "argmin", "sgn", "det", "lim", "sup", "inf",
    ]
    /// Spacing commands and their widths (a thin space, a space, nothing).
    static let spaces: [String: String] = [
        ",": "\u{2009}", ":": "\u{2005}", ";": "\u{2004}", "!": "", " ": " ", "quad": "\u{2003}", "qquad": "\u{2003}\u{2003}",
    ]
    /// Sizing commands, which only scale the delimiter after them: dropped, the delimiter kept.
    static let sizing: Set<String> = [
        "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "left", "right", "displaystyle", "textstyle",
    ]

    let tokens: [Unicode.Scalar]
    var position = 0

    /// Symbols up to `closing` (a `}`) or the end, as HTML.
    mutating func sequence(until closing: Unicode.Scalar?) throws(Unsupported) -> String {
        var out = ""
        while position < tokens.count {
            let c = tokens[position]
            if let closing, c == closing {
                position += 1
                return out
            }
            out += try atom()
            while position < tokens.count, tokens[position] == "_" || tokens[position] == "^" {
                let tag = tokens[position] == "_" ? "sub" : "sup"
                position += 1
                let script = try argument()
                out += "<\(tag)>\(script)</\(tag)>"
            }
        }
        return out
    }

    /// One symbol, command or group.
    mutating func atom() throws(Unsupported) -> String {
        let c = tokens[position]
        position += 1
        switch c {
        case "{": return try sequence(until: "}")
        case "\\": return try command()
        case "-": return "−"
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "&": return "&amp;"
        case "'": return "′"
        case "~": return "\u{00A0}"
        case " ", "\n", "\t", "\r": return " "  // runs collapse to one space in ``html(_:)``
        default:
            if c.properties.isAlphabetic && c.isASCII { return "<i>\(c)</i>" }
            return String(c)
        }
    }

    /// A sub- or superscript's or a command's argument: a group or one symbol.
    mutating func argument() throws(Unsupported) -> String {
        while position < tokens.count, tokens[position] == " " { position += 1 }
        guard position < tokens.count else { return "" }
        return try atom()
    }

    /// An argument taken as plain text: `\text{…}`.
    mutating func textArgument() -> String {
        guard position < tokens.count, tokens[position] == "{" else { return "" }
        position += 1
        var text = ""
        var depth = 0
        while position < tokens.count {
            let c = tokens[position]
            position += 1
            if c == "{" {
                depth += 1
            } else if c == "}" {
                if depth == 0 { break }
                depth -= 1
            }
            text.unicodeScalars.append(c)
        }
        return HTML.escape(text)
    }

    mutating func command() throws(Unsupported) -> String {
        guard position < tokens.count else { return "" }
        var name = ""
        if tokens[position].properties.isAlphabetic && tokens[position].isASCII {
            while position < tokens.count, tokens[position].properties.isAlphabetic, tokens[position].isASCII {
                name.unicodeScalars.append(tokens[position])
                position += 1
            }
        } else {
            name = String(tokens[position])
            position += 1
        }
        if let space = Self.spaces[name] { return space }
        if Self.sizing.contains(name) { return "" }
        if let symbol = Self.symbols[name] { return symbol }
        if Self.functionNames.contains(name) { return name }
        switch name {
        case "frac", "dfrac", "tfrac":
            let numerator = try argument()
            let denominator = try argument()
            return "\(Self.grouped(numerator))/\(Self.grouped(denominator))"
        case "sqrt":
            let radicand = try argument()
            return "√\(Self.grouped(radicand))"
        case "text", "textrm", "mathrm", "operatorname", "textnormal": return textArgument()
        case "mathit", "textit": return "<i>\(textArgument())</i>"
        case "mathbf", "textbf", "boldsymbol":
            let bold = try argument()
            return "<b>\(bold)</b>"
        default: throw Unsupported(command: "\\" + name)
        }
    }

    /// `(a + b)` for more than one symbol, `a` for one: what `\frac` and `\sqrt` need inline.
    static func grouped(_ html: String) -> String {
        let visible = html.replacing(/<[^>]*>/, with: "").replacing(/&[a-z]+;/, with: "x")
        return visible.unicodeScalars.count <= 1 ? html : "(\(html))"
    }
}
