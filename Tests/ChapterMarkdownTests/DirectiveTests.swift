import Testing

@testable import ChapterMarkdown

@Suite("Directives")
struct DirectiveTests {
    static let chapter = """
        ---
        title: XOR
        chapter: 3
        ---

        # Learning XOR

        ```{experiment} xor-tanh
        dataset: xor
        hidden: [4, 4]
        learning_rate: 0.1
        vary:
          activation: [tanh, relu]
          seed: [1, 2]
        ```

        Text between.

        ```{activations}
        ```
        """

    @Test func extractsNameArgumentAndLocations() throws {
        let (document, diagnostics) = parse(Self.chapter)
        #expect(diagnostics.isEmpty)
        #expect(document.directives.map(\.name) == ["experiment", "activations"])
        let experiment = try #require(document.directives.first)
        #expect(experiment.argument == "xor-tanh")
        #expect(experiment.location == SourceLocation(file: "Chapters/test.md", line: 8, column: 1))
        #expect(experiment.location.description == "Chapters/test.md:8:1")
        #expect(experiment.bodyStartLine == 9)
        #expect(experiment.index == 0)
        #expect(document.directives[1].argument == nil)
        #expect(document.directives[1].body.isEmpty)
    }

    @Test func bodyKeepsKeyOrderAndLocationsInChapterFile() throws {
        let experiment = try #require(parse(Self.chapter).0.directives.first)
        let body = experiment.body
        #expect(body.keys == ["dataset", "hidden", "learning_rate", "vary"])

        let rate = try #require(body.entry("learning_rate"))
        #expect(rate.keyLocation.line == 11)
        #expect(rate.keyLocation.column == 1)
        #expect(rate.value.string == "0.1")
        #expect(rate.value.scalar?.doubleValue == 0.1)
        #expect(rate.value.location == SourceLocation(file: "Chapters/test.md", line: 11, column: 16))

        let hidden = try #require(body["hidden"]?.sequence)
        #expect(hidden.compactMap { $0.scalar?.intValue } == [4, 4])
        #expect(hidden[1].location.line == 10)
        #expect(hidden[1].location.column == 13)

        let vary = try #require(body["vary"]?.mapping)
        #expect(vary.keys == ["activation", "seed"])
        #expect(vary.entry("seed")?.keyLocation == SourceLocation(file: "Chapters/test.md", line: 14, column: 3))
        let activations = try #require(vary["activation"]?.sequence)
        #expect(activations.map { $0.string } == ["tanh", "relu"])
        #expect(activations[1].location == SourceLocation(file: "Chapters/test.md", line: 13, column: 22))
    }

    @Test func directiveIsReplacedByClosureHTMLAsBlock() {
        let output = html(Self.chapter)
        #expect(output.contains("<div class=\"directive\" data-name=\"experiment\" data-id=\"xor-tanh\"></div>\n"))
        #expect(output.contains("<div class=\"directive\" data-name=\"activations\" data-id=\"\"></div>"))
        #expect(!output.contains("<pre>"))
        #expect(!output.contains("<p><div"))
    }

    @Test func unknownDirectiveHasExactDiagnosticWithSuggestion() throws {
        let (document, diagnostics) = parse(
            """
            Intro.

            ```{experimnt} xor
            epochs: 10
            ```
            """)
        #expect(document.directives.isEmpty)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(
            diagnostic.description
                == "Chapters/test.md:3:4: error: unknown directive '{experimnt}'; did you mean '{experiment}'?")
        // The block is left as the code the author wrote.
        #expect(render(document).contains("<pre><code class=\"language-{experimnt}\">epochs: 10\n</code></pre>"))
    }

    @Test func unknownDirectiveWithoutCloseMatchHasNoSuggestion() throws {
        let diagnostic = try #require(parse("```{zzz}\n```\n").1.first)
        #expect(diagnostic.description == "Chapters/test.md:1:4: error: unknown directive '{zzz}'")
        #expect(diagnostic.notes == ["known directives: {experiment}, {activations}, {dataset}, {question}"])
    }

    @Test func customDirectiveNames() {
        let result = ChapterSource.parse(text: "```{plot} a\n```\n", path: "x.md", directiveNames: ["plot"])
        #expect(result.diagnostics.isEmpty)
        #expect(result.document.directives.first?.name == "plot")
    }

    @Test func malformedYAMLBodyIsReportedAtTheRightLine() throws {
        let (document, diagnostics) = parse(
            """
            ---
            title: T
            ---
            Some text.

            ```{experiment} broken
            epochs: 10
            hidden: [4, 4
            seed: 1
            ```
            """)
        #expect(document.directives.isEmpty)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location?.file == "Chapters/test.md")
        // libyaml notices the unclosed flow sequence on the next line (9); the note points
        // back at the '[' on line 8.
        #expect(diagnostic.location?.line == 9)
        #expect(diagnostic.message.hasPrefix("malformed YAML in {experiment} body: "))
        #expect(diagnostic.notes.contains { $0.contains("Chapters/test.md:8:9") })
    }

    @Test func badIndentationIsReportedAtItsLine() throws {
        let (_, diagnostics) = parse("```{dataset} d\nkind: spiral\n  points: 100\n```\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location?.line == 3)
    }

    @Test func bodyThatIsNotAMappingIsAnError() throws {
        let diagnostic = try #require(parse("Text\n\n```{question}\n- a\n- b\n```\n").1.first)
        #expect(
            diagnostic.description
                == "Chapters/test.md:4:1: error: the body of {question} must be 'key: value' lines, found a list")
    }

    @Test func duplicateKeysAreErrorsAtTheRepeatedKey() throws {
        let (document, diagnostics) = parse("```{experiment} d\nepochs: 10\nseed: 1\nepochs: 20\n```\n")
        #expect(document.directives.isEmpty)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.description == "Chapters/test.md:4:1: error: duplicate key 'epochs' in {experiment} body")
        #expect(diagnostic.notes == ["first defined at Chapters/test.md:2:1"])
    }

    @Test func reportsAllProblemsOfAFile() {
        let (document, diagnostics) = parse(
            """
            ```{experimnt} a
            ```

            ```{experiment} b
            x: [1
            ```

            ```{experiment} c
            epochs: 3
            ```

            ```{datset} d
            ```
            """)
        #expect(diagnostics.map { $0.location?.line } == [1, 6, 12])
        #expect(document.directives.map(\.argument) == ["c"])
        #expect(document.directives.first?.index == 0)
    }

    @Test func directiveInsideListItemHasIndentedColumns() throws {
        let (document, diagnostics) = parse("- Try it:\n\n  ```{experiment} nested\n  epochs: 5\n  ```\n")
        #expect(diagnostics.isEmpty)
        let directive = try #require(document.directives.first)
        #expect(directive.location == SourceLocation(file: "Chapters/test.md", line: 3, column: 3))
        #expect(directive.body.entry("epochs")?.keyLocation == SourceLocation(file: "Chapters/test.md", line: 4, column: 3))
        #expect(directive.body["epochs"]?.location.column == 11)
    }

    @Test func quotedScalarsAreMarked() throws {
        let body = try #require(parse("```{dataset} d\nname: \"42\"\nsize: 42\n```\n").0.directives.first?.body)
        #expect(body["name"]?.scalar?.isQuoted == true)
        #expect(body["name"]?.scalar?.intValue == nil)
        #expect(body["size"]?.scalar?.intValue == 42)
    }

    @Test func unclosedDirectiveFenceIsAnError() throws {
        let (document, diagnostics) = parse("Intro.\n\n```{experiment} open\nepochs: 1\n\n# Not a heading now\n")
        #expect(document.directives.isEmpty)
        let diagnostic = try #require(diagnostics.first)
        #expect(
            diagnostic.description
                == "Chapters/test.md:3:1: error: {experiment} block is not closed; it runs to the end of the file")
    }

    @Test func tildeFencesAndLongerFencesWork() {
        let (document, diagnostics) = parse("~~~{dataset} moons\nnoise: 0.1\n~~~\n\n````{question} q1\nprompt: Why?\n````\n")
        #expect(diagnostics.isEmpty)
        #expect(document.directives.map(\.argument) == ["moons", "q1"])
    }
}
