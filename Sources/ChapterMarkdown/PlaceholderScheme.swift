/// Alphanumeric tokens that stand in for math, directives, roles and heading anchors
/// while cmark processes the chapter.
///
/// Letters and digits are inert in CommonMark (no emphasis, escapes or links), so a
/// token comes out of the renderer exactly as it went in and can be swapped for the
/// real HTML afterwards. The prefix is chosen so it does not occur in the chapter,
/// which keeps author text from ever being mistaken for a token.
struct PlaceholderScheme: Sendable, Hashable {
    enum Kind: Character, Sendable {
        /// The first line of a math span.
        case math = "M"
        /// A further line of a multi-line math span (keeps line numbers intact).
        case mathContinuation = "N"
        case directive = "D"
        case role = "R"
        case heading = "H"
    }

    /// A token found in a string.
    struct Match {
        var kind: Kind
        var index: Int
        var range: Range<String.Index>
    }

    let prefix: String

    /// Picks `LBKX`, `LBKXQ`, `LBKXQQ`… — the first prefix absent from `source`.
    init(avoiding source: String) {
        var prefix = "LBKX"
        while source.contains(prefix) { prefix += "Q" }
        self.prefix = prefix
    }

    func token(_ kind: Kind, _ index: Int) -> String {
        "\(prefix)\(kind.rawValue)\(index)Z"
    }

    /// All tokens in `text`, in order.
    func matches(in text: String) -> [Match] {
        var result: [Match] = []
        var searchStart = text.startIndex
        while let found = text[searchStart...].firstRange(of: prefix) {
            var cursor = found.upperBound
            searchStart = cursor
            guard cursor < text.endIndex, let kind = Kind(rawValue: text[cursor]) else { continue }
            cursor = text.index(after: cursor)
            let digitsStart = cursor
            while cursor < text.endIndex, text[cursor].isASCII, text[cursor].isNumber { cursor = text.index(after: cursor) }
            guard cursor > digitsStart, cursor < text.endIndex, text[cursor] == "Z",
                let index = Int(text[digitsStart..<cursor])
            else { continue }
            let end = text.index(after: cursor)
            result.append(Match(kind: kind, index: index, range: found.lowerBound..<end))
            searchStart = end
        }
        return result
    }

    /// Rebuilds `text`, asking `replacement` for each token (`nil` keeps the token).
    func substitute(in text: String, _ replacement: (Match) -> String?) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var last = text.startIndex
        for match in matches(in: text) {
            guard let html = replacement(match) else { continue }
            output += text[last..<match.range.lowerBound]
            output += html
            last = match.range.upperBound
        }
        output += text[last...]
        return output
    }
}
