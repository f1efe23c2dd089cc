/// HTML escaping shared by the Markdown front end and the compiler's templates.
public enum HTML {
    /// Escapes `& < > " '` so the result is safe both as element text and inside a
    /// quoted attribute value (either quote style).
    public static func escape(_ text: String) -> String { escape(text, quotes: true) }

    /// Escapes only `& < >`: enough for element text, and it leaves quotes readable,
    /// which matters for TeX such as `f'(x)` that KaTeX reads back from the page.
    public static func escapeText(_ text: String) -> String { escape(text, quotes: false) }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
