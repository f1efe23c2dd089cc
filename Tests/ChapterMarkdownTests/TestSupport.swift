@testable import ChapterMarkdown

/// Parses `text` as `Chapters/test.md` (the path every expected message uses).
func parse(_ text: String, path: String = "Chapters/test.md") -> (ChapterDocument, [Diagnostic]) {
    let result = ChapterSource.parse(text: text, path: path)
    return (result.document, result.diagnostics)
}

/// Renders with visible stand-ins: `<DIR name=…>` for directives, `<ROLE …>` for roles.
func render(_ document: ChapterDocument) -> String {
    document.renderHTML(
        directive: { "<div class=\"directive\" data-name=\"\($0.name)\" data-id=\"\($0.argument ?? "")\"></div>" },
        role: { "<span class=\"role\">\($0.name):\($0.content)</span>" })
}

/// Parses and renders in one go, for tests that only care about HTML.
func html(_ text: String) -> String {
    render(parse(text).0)
}
