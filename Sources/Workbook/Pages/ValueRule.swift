/// How an inline value states the rule it was read by: "(median of 5 seeds)" is said once per
/// paragraph (or list, or table cell) — after its first value, or not at all when the
/// paragraph already says "median" before it — never after every value of a sentence.
///
/// ``ValueText`` gives each value its qualifier; the role's HTML puts the qualifier in its own
/// span, and ``once(in:)`` keeps only the first of each in a block.
enum ValueRule {
    static let open = "<span class=\"lb-value-rule\">"
    static let close = "</span>"

    /// `("121 epochs", " (median of 5 seeds)")` from "121 epochs (median of 5 seeds)"; nil rule
    /// when the text carries no plain rule (a lone seed, or a note such as "2 did not reach it").
    static func split(_ text: String) -> (value: String, rule: String?) {
        guard text.hasSuffix(")"), let start = text.range(of: " (median of ", options: .backwards) else { return (text, nil) }
        let inner = text[start.upperBound..<text.index(before: text.endIndex)]
        let words = inner.split(separator: " ")
        guard words.count == 2, Int(words[0]) != nil, ["seeds", "runs"].contains(words[1]) else { return (text, nil) }
        return (String(text[..<start.lowerBound]), String(text[start.lowerBound...]))
    }

    /// `html` with every qualifier span after the first of its kind in a block removed, and the
    /// first removed too when the block says "median" before it.
    static func once(in html: String) -> String {
        guard html.contains(open) else { return html }
        var out = ""
        var seen = Set<Substring>()
        var blockText = ""
        var rest = html[...]
        // The standard library's `firstRange(of:)`, not Foundation's `range(of:)`, which bridges
        // the rest of the page to UTF-16 at every value.
        while let start = rest.firstRange(of: open) {
            let before = rest[..<start.lowerBound]
            if let boundary = lastBlockBoundary(in: before) {
                seen = []
                blockText = String(before[boundary...])
            } else {
                blockText += before
            }
            out += before
            guard let end = rest[start.upperBound...].firstRange(of: close) else {
                out += rest[start.lowerBound...]
                return out
            }
            let rule = rest[start.upperBound..<end.lowerBound]
            if !seen.contains(rule) && !saysMedian(blockText) {
                out += rest[start.lowerBound..<end.upperBound]
            }
            seen.insert(rule)
            rest = rest[end.upperBound...]
        }
        out += rest
        return out
    }

    /// Whether the text of `html` (its tags dropped) says "median", in any case. Entities and
    /// runs of white space cannot make or break the word, so they are left as they are; the
    /// standard library's search, not Foundation's (which bridged the block to UTF-16 at every
    /// value and made this a tenth of a rebuild).
    static func saysMedian(_ html: String) -> Bool {
        var text = ""
        text.reserveCapacity(html.utf8.count)
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text.lowercased().firstRange(of: "median") != nil
    }

    /// Where the last paragraph, list or cell in `text` begins or ends (a list is one block: its
    /// items share the rule; a paragraph inside an item is a block of its own).
    private static func lastBlockBoundary(in text: Substring) -> Substring.Index? {
        // A backward scan for the last `<` that opens one of the tags: Foundation's backward
        // `range(of:)` bridges the text to UTF-16 for each tag, which made this most of a
        // rebuild's time.
        let utf8 = text.utf8
        var index = utf8.endIndex
        while index > utf8.startIndex {
            index = utf8.index(before: index)
            guard utf8[index] == UInt8(ascii: "<") else { continue }
            let tail = utf8[index...]
            if blockTags.contains(where: { tail.starts(with: $0) }) { return index }
        }
        return nil
    }

    /// The tags that begin or end a block, as bytes.
    private static let blockTags: [[UInt8]] = [
        "<p>", "<p ", "</p>", "<ul", "</ul>", "<ol", "</ol>", "<td", "</td>", "<dd", "</dd>", "<figcaption", "<div", "</div>",
    ].map { Array($0.utf8) }
}
