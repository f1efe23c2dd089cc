import Testing

@testable import ChapterMarkdown

/// YAML anchors and aliases are refused before anything is composed: an alias bomb of a few
/// hundred bytes would otherwise expand to gigabytes.
@Suite("YAML anchors and aliases")
struct YAMLReferenceTests {
    /// Nine levels of nine aliases each: 9⁹ ≈ 387 million strings if expanded (418 bytes).
    static let bomb = """
        a: &a ["x","x","x","x","x","x","x","x","x"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """

    @Test func aliasBombInFrontMatterIsOneErrorAtTheFirstAnchor() {
        let (document, diagnostics) = parse("---\ntitle: T\n\(Self.bomb)\n---\nBody.\n")
        #expect(diagnostics.map(\.id) == [.yamlAlias])
        #expect(diagnostics.first?.location?.description == "Chapters/test.md:3:4")
        #expect(document.frontMatter?.mapping.isEmpty == true)
    }

    @Test func aliasBombInADirectiveBodyIsRefused() {
        let (document, diagnostics) = parse("```{experiment} e\n\(Self.bomb)\n```\n")
        #expect(diagnostics.map(\.id) == [.yamlAlias])
        #expect(diagnostics.first?.location?.description == "Chapters/test.md:2:4")
        #expect(document.directives.isEmpty)
    }

    @Test func smallAnchorAndMergeKeyAreRefusedToo() {
        let (_, diagnostics) = parse(
            """
            ```{experiment} e
            base: &base {epochs: 3}
            vary:
              <<: *base
            ```
            """)
        #expect(diagnostics.map(\.id) == [.yamlAlias])
        #expect(diagnostics.first?.location?.description == "Chapters/test.md:2:7")
        #expect(diagnostics.first?.hint?.contains("write the value out") == true)
    }

    @Test func aliasToAnUndefinedAnchorIsRefusedAsAnAlias() {
        let (_, diagnostics) = parse("---\ntitle: *missing\n---\n")
        #expect(diagnostics.map(\.id) == [.yamlAlias])
        #expect(diagnostics.first?.location?.description == "Chapters/test.md:2:8")
    }

    @Test func ampersandsAndStarsInsideTextAreNotReferences() throws {
        let (document, diagnostics) = parse(
            """
            ---
            title: "*Quoted* & fine"
            note: a & b * c
            text: |
              *emphasis* & more
            ---
            """)
        #expect(diagnostics.isEmpty)
        let matter = try #require(document.frontMatter)
        #expect(matter.title == "*Quoted* & fine")
        #expect(matter.fields["note"] == "a & b * c")
        #expect(matter.fields["text"] == "*emphasis* & more")
    }
}

/// Yams sorts duplicated keys, but keys that are lists do not sort reliably; the diagnostic
/// must not change from one parse to the next (found by the fuzzer).
@Suite("Duplicate keys")
struct DuplicateKeyDeterminismTests {
    @Test func duplicatedTextAndListKeysGiveOneStableDiagnostic() {
        let text = "```{experiment} e\nepochs: 3\nepochs: 4\n? [a]\n: b\n? [a]\n: b\n```\n"
        let runs = (0..<20).map { _ in parse(text).1.map(\.description) }
        #expect(Set(runs).count == 1)
        #expect(runs.first == ["Chapters/test.md:3:1: error: duplicate key 'epochs' in {experiment} body"])
    }

    @Test func duplicatedListKeyAloneIsReportedWithoutAName() {
        let (_, diagnostics) = parse("```{experiment} e\n? [a]\n: b\n? [a]\n: b\n```\n")
        #expect(diagnostics.map(\.message) == ["duplicate key in {experiment} body (a key that is not plain text)"])
    }
}
