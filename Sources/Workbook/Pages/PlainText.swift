/// Text out of the HTML the workbook writes itself, e.g. a heading's words as a PDF bookmark
/// shows them. Only for our own markup: tags are dropped and the five escapes undone.
enum PlainText {
    /// The text of the first `<h1>` in `html`.
    static func firstHeading(in html: String) -> String? {
        guard let open = html.firstRange(of: "<h1"), let tagEnd = html[open.upperBound...].firstRange(of: ">"),
            let close = html[tagEnd.upperBound...].firstRange(of: "</h1>")
        else { return nil }
        return of(String(html[tagEnd.upperBound..<close.lowerBound]))
    }

    /// `html` without tags, with entities undone and runs of white space made one space.
    static func of(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return normalized(unescaped(text))
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
