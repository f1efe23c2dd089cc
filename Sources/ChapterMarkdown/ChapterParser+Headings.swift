import CCmarkGFM

/// Headings: plain text, unique slugs, and `id` attributes in the HTML.
extension ChapterParser {
    /// Collects every heading and prepends a heading token to it, so the rendered
    /// `<hN>` can be found again and given its `id`. Call after roles were replaced.
    func collectHeadings(from nodes: [CmarkNode], roles: [InlineRole], restorer: MathRestorer) -> [Heading] {
        var used = Set<String>()
        var headings: [Heading] = []
        for node in nodes where node.isHeading {
            var text = restorer.plainText(plainText(of: node))
            text = placeholders.substitute(in: text) { match in
                match.kind == .role && roles.indices.contains(match.index) ? roles[match.index].content : nil
            }
            text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let id = Heading.uniqueSlug(Heading.slug(text), used: &used)
            headings.append(
                Heading(
                    level: node.headingLevel, text: text, id: id,
                    location: location(line: node.startLine, byteColumn: node.startColumn)))
            node.prependText(placeholders.token(.heading, headings.count - 1))
        }
        return headings
    }

    /// Concatenated text and code literals under `node`; line breaks become spaces.
    private func plainText(of node: CmarkNode) -> String {
        node.children.map { child in
            if child.isText || child.isCode { return child.literal }
            if child.type == CMARK_NODE_SOFTBREAK || child.type == CMARK_NODE_LINEBREAK { return " " }
            return plainText(of: child)
        }.joined()
    }

    /// Turns `<hN>TOKEN` into `<hN id="slug">` and drops any stray heading token.
    func insertHeadingIDs(in html: String, headings: [Heading]) -> String {
        placeholders.splice(html) { match, output, chunkStart, _ in
            guard match.kind == .heading else { return nil }
            if headings.indices.contains(match.index) {
                let heading = headings[match.index]
                let open = Array("<h\(heading.level)>".utf8)
                if output.count - chunkStart >= open.count, output.suffix(open.count).elementsEqual(open) {
                    output.removeLast(open.count)
                    output.append(contentsOf: "<h\(heading.level) id=\"\(HTML.escape(heading.id))\">".utf8)
                }
            }
            return 0  // a stray heading token is dropped
        }
    }
}
