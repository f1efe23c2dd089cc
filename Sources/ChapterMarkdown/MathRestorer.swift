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
        let joined = scheme.splice(html) { match, output, _, _ in
            guard match.kind == .mathContinuation else { return nil }
            while let tail = output.last, tail == 0x20 || tail == 0x0A || tail == 0x09 { output.removeLast() }
            return 0
        }

        // Pass 2: replace first-line tokens, tracking whether we are inside a tag.
        var insideTag = false
        return scheme.splice(joined) { match, output, chunkStart, following in
            if let bracket = output[chunkStart...].lastIndex(where: { $0 == 0x3C || $0 == 0x3E }) {
                insideTag = output[bracket] == 0x3C
            }
            guard match.kind == .math, spans.indices.contains(match.index) else { return nil }
            let span = spans[match.index]
            if insideTag {
                output.append(contentsOf: HTML.escape(span.delimited).utf8)
            } else if span.style == .display, output[chunkStart...].reversed().starts(with: Self.paragraphOpen.reversed()),
                following.starts(with: Self.paragraphClose)
            {
                output.removeLast(Self.paragraphOpen.count)
                output.append(contentsOf: span.blockHTML.utf8)
                return Self.paragraphClose.count
            } else {
                output.append(contentsOf: span.html.utf8)
            }
            return 0
        }
    }

    private static let paragraphOpen = Array("<p>".utf8)
    private static let paragraphClose = Array("</p>".utf8)

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
