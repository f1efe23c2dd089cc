/// The passes that turn chapter text into a ``ChapterDocument``.
///
/// 1. Front matter is read and its lines blanked (line numbers stay true).
/// 2. cmark parses the text once only to find code and HTML blocks, which math must skip.
/// 3. Math in prose is swapped for tokens (``MathProtector``).
/// 4. cmark parses the protected text; directives, roles and headings are found in the
///    AST and replaced by tokens; the tree is rendered to HTML.
/// 5. Heading ids and math are put into the HTML; directive/role tokens wait for
///    ``ChapterDocument/renderHTML(directive:role:)``.
struct ChapterParser {
    let path: String
    let directiveNames: [String]
    let roleNames: [String]
    var diagnostics = DiagnosticCollector()

    /// Chapter lines (LF-split, CRs removed), front matter blanked after pass 1.
    var lines: [Substring]
    let placeholders: PlaceholderScheme

    init(text: String, path: String, directiveNames: [String], roleNames: [String]) {
        let normalized = Self.normalizingLineEnds(text)
        self.path = path
        self.directiveNames = directiveNames
        self.roleNames = roleNames
        self.lines = normalized.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map(Substring.init)
        self.placeholders = PlaceholderScheme(avoiding: normalized)
    }

    /// The text without a leading byte-order mark and with CRLF and lone CR turned into LF,
    /// as cmark counts lines (so cmark's line numbers and ``lines`` agree).
    static func normalizingLineEnds(_ text: String) -> String {
        var text = text
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { text = String(text.utf8.dropFirst(3))! }
        guard text.utf8.contains(0x0D) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 0x0A, previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == 0x0D
            bytes.append(previousWasCR ? 0x0A : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func run() -> ChapterDocument {
        let frontMatter = FrontMatter.extract(from: &lines, file: path, into: &diagnostics)

        let skipped = codeAndHTMLLines(in: lines.joined(separator: "\n"))
        let protector = MathProtector(scheme: placeholders, file: path)
        let (protected, math) = protector.protect(lines: lines, skipping: skipped)
        let restorer = MathRestorer(scheme: placeholders, spans: math)

        let tree = CmarkTree(markdown: protected)
        tree.consolidateText()
        // Each pass that edits the tree gets a fresh node list: a pass never walks nodes
        // that an earlier pass took out of the document.
        let directives = extractDirectives(from: tree.blocksInOrder(), in: tree)
        let inlines = tree.nodesInOrder().map(CmarkNode.init)
        checkLinksAndHTML(in: inlines)  // reads only, so the role pass may use the same list
        let roles = extractRoles(from: inlines, in: tree)
        let headings = collectHeadings(
            from: tree.blocksInOrder(), roles: roles, restorer: restorer)

        var html = tree.renderHTML()
        html = insertHeadingIDs(in: html, headings: headings)
        html = restorer.restore(in: html)

        return ChapterDocument(
            path: path, frontMatter: frontMatter, directives: directives, inlineRoles: roles,
            headings: headings, math: math, template: html, placeholders: placeholders)
    }

    /// 0-based indices of lines inside code blocks and HTML blocks (pass 2 of the overview).
    private func codeAndHTMLLines(in text: String) -> Set<Int> {
        let tree = CmarkTree(markdown: text)
        var result = Set<Int>()
        for node in tree.blocksInOrder() where node.isCodeBlock || node.isHTMLBlock {
            let start = node.startLine
            let end = max(node.endLine, start)
            guard start > 0 else { continue }
            result.formUnion((start - 1)...(end - 1))
        }
        return result
    }

    // MARK: - Positions

    /// A location from a 1-based line and cmark's 1-based byte column.
    func location(line: Int, byteColumn: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: scalarColumn(line: line, byteColumn: byteColumn))
    }

    /// Converts cmark's byte column to a Unicode-scalar column on that chapter line.
    func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard lines.indices.contains(line - 1), byteColumn > 1 else { return max(byteColumn, 1) }
        let prefix = lines[line - 1].utf8.prefix(byteColumn - 1)
        return String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
    }
}
