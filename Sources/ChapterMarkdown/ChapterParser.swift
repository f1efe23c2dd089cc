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
        var normalized = text.replacing("\r\n", with: "\n")
        if normalized.hasPrefix("\u{FEFF}") { normalized.removeFirst() }
        self.path = path
        self.directiveNames = directiveNames
        self.roleNames = roleNames
        self.lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        self.placeholders = PlaceholderScheme(avoiding: normalized)
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
        let directives = extractDirectives(from: tree.nodesInOrder().map(CmarkNode.init), in: tree)
        let roles = extractRoles(from: tree.nodesInOrder().map(CmarkNode.init), in: tree)
        let headings = collectHeadings(
            from: tree.nodesInOrder().map(CmarkNode.init), roles: roles, restorer: restorer)

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
        for node in tree.nodesInOrder().map(CmarkNode.init) where node.isCodeBlock || node.isHTMLBlock {
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
