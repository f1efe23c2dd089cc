import Synchronization

/// Entry point: turns a chapter's Markdown into a ``ChapterDocument`` plus diagnostics.
public enum ChapterSource {
    /// Parses one chapter, collecting every problem instead of stopping at the first.
    ///
    /// A document is always returned (best effort) so callers can show as much as
    /// possible; treat it as unusable when any diagnostic is an error. Directives and
    /// roles with errors (unknown name, malformed YAML) are left out of the document and
    /// remain visible in the HTML as the code the author wrote.
    ///
    /// - Parameters:
    ///   - text: the chapter file's contents (LF or CRLF line endings).
    ///   - path: the path used in diagnostics and locations, e.g. `Chapters/01-xor.md`.
    ///   - directiveNames: names accepted in ```` ```{name} ```` fences.
    ///   - roleNames: names accepted in ``{name}`…` `` roles.
    ///   - alwaysTwoPasses: find code and HTML blocks with a parse of their own even where one
    ///     parse would do (for tests that compare the two ways).
    public static func parse(
        text: String, path: String,
        directiveNames: [String] = Directive.knownNames,
        roleNames: [String] = InlineRole.knownNames,
        alwaysTwoPasses: Bool = false
    ) -> (document: ChapterDocument, diagnostics: [Diagnostic]) {
        var parser = ChapterParser(
            text: text, path: path, directiveNames: directiveNames, roleNames: roleNames)
        parser.alwaysTwoPasses = alwaysTwoPasses
        // cmark-gfm keeps the inline parser's table of special characters in one global array
        // that attaching and freeing a parser's extensions edit, so two parses at once can
        // change each other's output. Parses take turns; each takes milliseconds.
        let document = cmarkGate.withLock { _ in parser.run() }
        return (document, DiagnosticRanges.complete(parser.diagnostics.diagnostics, texts: [path: text]))
    }
}

/// One cmark-gfm parse at a time in this process (see ``ChapterSource/parse(text:path:directiveNames:roleNames:)``).
private let cmarkGate = Mutex(())
