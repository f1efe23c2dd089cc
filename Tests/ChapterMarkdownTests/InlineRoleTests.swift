import Testing

@testable import ChapterMarkdown

@Suite("Inline roles")
struct InlineRoleTests {
    @Test func rolesAreFoundWithLocations() {
        let (document, diagnostics) = parse(
            """
            ---
            title: T
            ---

            After training, the loss is {value}`xor.final_loss` (see {ref}`fig-xor`).
            It took {value}`xor.epochs_to_converge` epochs and
            {value}`xor.accuracy` accuracy.
            """)
        #expect(diagnostics.isEmpty)
        let roles = document.inlineRoles
        #expect(roles.map(\.name) == ["value", "ref", "value", "value"])
        #expect(roles.map(\.content) == ["xor.final_loss", "fig-xor", "xor.epochs_to_converge", "xor.accuracy"])
        #expect(roles.map(\.location.line) == [5, 5, 6, 7])
        #expect(roles.map(\.location.column) == [29, 58, 9, 1])
        #expect(roles.map(\.index) == [0, 1, 2, 3])
    }

    @Test func rolesAreReplacedByClosureHTML() {
        let output = html("Loss {value}`xor.loss`, figure {ref}`fig-a`.")
        #expect(output == "<p>Loss <span class=\"role\">value:xor.loss</span>, figure <span class=\"role\">ref:fig-a</span>.</p>\n")
    }

    @Test func roleContentKeepsUnderscoresAndStars() {
        let (document, _) = parse("A {value}`a_b*c_d` and *emphasis*.")
        #expect(document.inlineRoles.first?.content == "a_b*c_d")
        #expect(render(document).contains("<em>emphasis</em>"))
    }

    @Test func rolesInListsTablesAndHeadings() {
        let (document, diagnostics) = parse(
            """
            ## Result {value}`r.loss`

            - item {ref}`fig-1`

            | a | b |
            |---|---|
            | {value}`t.x` | 2 |
            """)
        #expect(diagnostics.isEmpty)
        #expect(document.inlineRoles.map(\.location.line) == [1, 3, 7])
        #expect(document.headings.first?.text == "Result r.loss")
        let output = render(document)
        #expect(output.contains("<td><span class=\"role\">value:t.x</span></td>"))
    }

    @Test func unknownRoleIsDiagnosedWithSuggestion() throws {
        let (document, diagnostics) = parse("Intro.\n\nThe loss is {valeu}`xor.loss`.\n")
        #expect(document.inlineRoles.isEmpty)
        let diagnostic = try #require(diagnostics.first)
        #expect(
            diagnostic.description
                == "Chapters/test.md:3:13: error: unknown role '{valeu}'; did you mean '{value}'?")
        #expect(render(document).contains("{valeu}<code>xor.loss</code>"))
    }

    @Test func plainBracesAndCodeAreNotRoles() {
        let (document, diagnostics) = parse("A set {1, 2} and `code`, and {value} alone, and `{value}`x``.")
        #expect(diagnostics.isEmpty)
        #expect(document.inlineRoles.isEmpty)
    }

    @Test func sameRoleTwiceOnOneLine() {
        let (document, _) = parse("{value}`a` then {value}`b`")
        #expect(document.inlineRoles.map(\.location.column) == [1, 17])
    }
}
