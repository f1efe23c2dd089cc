import Testing

@testable import ChapterMarkdown

/// The parser edits cmark's tree (directives and roles become placeholders) and then walks it
/// again. These chapters exercise every edit followed by every later pass. Run under
/// AddressSanitizer (CI does: `swift test --sanitize=address --filter ChapterMarkdownTests`)
/// a read of a freed node aborts the test process; without it they still pin the output.
@Suite("Memory safety of tree edits")
struct MemorySafetyTests {
    /// The 7-line reproducer from the hardening issue: one role, then a heading pass.
    @Test func roleFollowedByHeadingPass() {
        let (document, diagnostics) = parse(
            """
            ---
            title: T
            ---
            # One

            Value {value}`a.epochs` here.
            """)
        #expect(diagnostics.isEmpty)
        #expect(document.inlineRoles.map(\.content) == ["a.epochs"])
        #expect(document.headings.map(\.text) == ["One"])
    }

    /// Roles inside headings, tables and lists next to directives that are replaced first.
    @Test func everyEditedNodeKindTogether() {
        var chapter = "---\ntitle: T\n---\n"
        for index in 0..<40 {
            chapter += """
                ## Heading {value}`h\(index).epochs` and {ref}`h\(index)`

                | a | b |
                |---|---|
                | {value}`t\(index).test-loss` | x |

                - item {value}`l\(index).reached`

                ```{experiment} e\(index)
                epochs: 2
                ```

                """
        }
        let (document, diagnostics) = parse(chapter)
        #expect(diagnostics.isEmpty)
        #expect(document.directives.count == 40)
        #expect(document.inlineRoles.count == 160)
        #expect(document.headings.count == 40)
        #expect(document.headings.first?.text == "Heading h0.epochs and h0")
    }
}
