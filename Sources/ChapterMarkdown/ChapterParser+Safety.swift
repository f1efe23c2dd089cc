import CCmarkGFM

/// What author text may put into the page (see "Raw HTML" in the README): link and image
/// destinations must not run code, and the author's own HTML, which passes through as written,
/// must not contain script-running elements, event attributes or such URLs.
extension ChapterParser {
    /// Reports every refused link, image and piece of raw HTML. Reads the tree, never edits it.
    mutating func checkLinksAndHTML(in nodes: [CmarkNode]) {
        for node in nodes {
            switch node.type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let isImage = node.type == CMARK_NODE_IMAGE
                guard let scheme = URLSafety.refusedScheme(of: node.url, allowsDataImage: isImage) else { continue }
                let what = isImage ? "image source" : "link"
                diagnostics.error(
                    "\(what) to a '\(scheme):' URL is not allowed",
                    at: inlineLocation(of: node, offsetLine: 0, needle: scheme),
                    hint: URLSafety.validDestinations, id: .refusedURL)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let literal = node.literal
                for finding in AuthorHTMLScanner.findings(in: literal) {
                    let lineOffset = literal.utf8.prefix(finding.offset).count { $0 == 0x0A }
                    let location =
                        node.type == CMARK_NODE_HTML_BLOCK
                        ? locate(finding.needle, line: node.startLine + lineOffset)
                        : inlineLocation(of: node, offsetLine: lineOffset, needle: finding.needle)
                    diagnostics.error(
                        "raw HTML: \(finding.message)", at: location,
                        hint: "author HTML passes through as written, except <script>, <iframe>, <frame>, "
                            + "<frameset>, <object>, <embed>, <applet>, <base>, <meta>, on… event attributes and "
                            + "javascript:, vbscript: or data: URLs (data:image/… as an image source is fine)", id: .refusedHTML)
                }
            default:
                continue
            }
        }
    }

    /// An inline node's location: cmark's line for it when it lies inside its block (its
    /// columns are relative to the block's text, so the column is found by searching the line).
    private func inlineLocation(of node: CmarkNode, offsetLine: Int, needle: String) -> SourceLocation {
        var block = node.parent
        while let candidate = block, !(candidate.isBlock && candidate.startLine > 0) { block = candidate.parent }
        let first = block?.startLine ?? 1
        let last = max(block?.endLine ?? first, first)
        let line = (first...last).contains(node.startLine) ? node.startLine : first
        return locate(needle, line: min(line + offsetLine, last))
    }

    /// `line` with the column of the first `needle` (ASCII case-insensitive) on it, 1 if absent.
    /// Only the line's first 4 KB are searched, so many findings on one huge line stay cheap.
    private func locate(_ needle: String, line: Int) -> SourceLocation {
        guard lines.indices.contains(line - 1) else { return SourceLocation(file: path, line: max(line, 1)) }
        let target = Array(needle.utf8).map(Self.asciiLowercase)
        let column = lines[line - 1].utf8.withContiguousBytes { bytes -> Int? in
            guard !target.isEmpty else { return nil }
            let limit = min(bytes.count, 4096)
            var start = 0
            while start + target.count <= limit {
                if (0..<target.count).allSatisfy({ Self.asciiLowercase(bytes[start + $0]) == target[$0] }) {
                    return bytes[..<start].count(where: \.isScalarStart) + 1
                }
                start += 1
            }
            return nil
        }
        return SourceLocation(file: path, line: line, column: column ?? 1)
    }

    private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}
