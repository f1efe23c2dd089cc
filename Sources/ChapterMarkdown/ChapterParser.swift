/// The passes that turn chapter text into a ``ChapterDocument``.
///
/// 1. Front matter is read and its lines blanked (line numbers stay true).
/// 2. Math in prose is swapped for tokens (``MathProtector``); code and HTML blocks, which
///    math must skip, are those of the original text (see ``protectedTree(alwaysTwoPasses:)``).
/// 3. cmark parses the protected text; directives, roles and headings are found in the
///    AST and replaced by tokens; the tree is rendered to HTML.
/// 4. Heading ids and math are put into the HTML; directive/role tokens wait for
///    ``ChapterDocument/renderHTML(directive:role:)``.
struct ChapterParser {
    let path: String
    let directiveNames: [String]
    let roleNames: [String]
    var diagnostics = DiagnosticCollector()
    /// Forces the two-parse way of finding code and HTML blocks (the fuzz check compares both).
    var alwaysTwoPasses = false

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

        let (tree, math) = protectedTree(alwaysTwoPasses: alwaysTwoPasses)
        let restorer = MathRestorer(scheme: placeholders, spans: math)
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

    /// The tree of the math-protected chapter, and its math spans.
    ///
    /// Math must skip the lines of code and HTML blocks, which only a parse reveals. The
    /// obvious way parses twice: the original text for its blocks, then the protected text.
    /// For a large chapter cmark dominates the time, so the common case is done with one
    /// parse: protect everything, parse, and take the result if it is its own answer —
    /// protecting again while skipping the blocks this tree found gives the same text, and
    /// no multi-line formula hides a line that could open a code or HTML block in the
    /// original (a fence, `<`, or deep indentation). Otherwise it falls back to the two
    /// parses. Both give the same documents (a fuzz test compares them).
    private func protectedTree(alwaysTwoPasses: Bool) -> (tree: CmarkTree, math: [MathSpan]) {
        let protector = MathProtector(scheme: placeholders, file: path)
        if !alwaysTwoPasses {
            let (protected, math) = protector.protect(lines: lines, skipping: [])
            let tree = CmarkTree(markdown: protected)
            let skipped = Self.codeAndHTMLLines(in: tree)
            if !math.contains(where: mayHideBlockStart),
                skipped.isEmpty || protector.protect(lines: lines, skipping: skipped).text == protected
            {
                return (tree, math)
            }
        }
        let original = CmarkTree(markdown: lines.joined(separator: "\n"), extensions: CmarkTree.blockExtensionNames)
        let (protected, math) = protector.protect(lines: lines, skipping: Self.codeAndHTMLLines(in: original))
        return (CmarkTree(markdown: protected), math)
    }

    /// True when a formula spans lines and one of its later lines, or a line after it in
    /// the same paragraph, could open a code or HTML block in the original text: there the
    /// protected text's blocks may differ from the original's, so the single parse is not
    /// trusted.
    private func mayHideBlockStart(_ span: MathSpan) -> Bool {
        guard span.tex.utf8.contains(0x0A) else { return false }
        var index = span.location.line  // 0-based index of the span's second line
        while index < lines.count {
            let line = lines[index]
            if line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { break }  // the paragraph ends
            if Self.couldOpenCodeOrHTML(line) { return true }
            index += 1
        }
        return false
    }

    /// A line holding a fence or a `<`, or indented four columns (after any quote markers).
    static func couldOpenCodeOrHTML(_ line: Substring) -> Bool {
        var column = 0
        for byte in line.utf8 {
            switch byte {
            case 0x20: column += 1
            case 0x09: column += 4
            case 0x3E: column = 0  // `>`: indentation counts again after a quote marker
            default:
                return column >= 4 || holdsFenceOrTag(line)
            }
            if column >= 4 { return true }
        }
        return false
    }

    /// A `<`, or three backticks or tildes in a row, anywhere in the line.
    private static func holdsFenceOrTag(_ line: Substring) -> Bool {
        var run = (byte: UInt8(0), length: 0)
        for byte in line.utf8 {
            if byte == 0x3C { return true }
            guard byte == 0x60 || byte == 0x7E else { run.length = 0; continue }
            run = byte == run.byte ? (byte, run.length + 1) : (byte, 1)
            if run.length == 3 { return true }
        }
        return false
    }

    /// 0-based indices of lines inside code blocks and HTML blocks of `tree`.
    private static func codeAndHTMLLines(in tree: CmarkTree) -> Set<Int> {
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
