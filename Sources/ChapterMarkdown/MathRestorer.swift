/// Puts math back into rendered HTML in place of the tokens ``MathProtector`` left.
///
/// Continuation tokens (and the line break before them) are dropped; each first-line
/// token becomes the span's HTML. Display math that is a paragraph on its own becomes
/// a `<div>` instead of `<p><span>`, and a token that ended up inside a tag (an image's
/// `alt`, say) gets the attribute-escaped TeX instead of markup.
struct MathRestorer {
    let scheme: PlaceholderScheme
    let spans: [MathSpan]

    func restore(in html: String) -> String {
        // Pass 1: drop continuation tokens and the whitespace before them.
        var joined = ""
        var last = html.startIndex
        for match in scheme.matches(in: html) where match.kind == .mathContinuation {
            joined += html[last..<match.range.lowerBound]
            while let tail = joined.last, tail == " " || tail == "\n" || tail == "\t" { joined.removeLast() }
            last = match.range.upperBound
        }
        joined += html[last...]

        // Pass 2: replace first-line tokens, tracking whether we are inside a tag.
        var output = ""
        var insideTag = false
        last = joined.startIndex
        for match in scheme.matches(in: joined) where match.kind == .math && spans.indices.contains(match.index) {
            let span = spans[match.index]
            var before = joined[last..<match.range.lowerBound]
            var after = match.range.upperBound
            if let bracket = before.lastIndex(where: { $0 == "<" || $0 == ">" }) { insideTag = before[bracket] == "<" }
            if insideTag {
                output += before
                output += HTML.escape(span.delimited)
            } else if span.style == .display, before.hasSuffix("<p>"), joined[after...].hasPrefix("</p>") {
                before = before.dropLast(3)
                after = joined.index(after, offsetBy: 4)
                output += before
                output += span.blockHTML
            } else {
                output += before
                output += span.html
            }
            last = after
        }
        output += joined[last...]
        return output
    }

    /// Plain text with tokens replaced by the delimited TeX (for heading text and slugs).
    func plainText(_ text: String) -> String {
        scheme.substitute(in: text) { match in
            switch match.kind {
            case .math: spans.indices.contains(match.index) ? spans[match.index].delimited : nil
            case .mathContinuation: ""
            default: nil
            }
        }
    }
}
