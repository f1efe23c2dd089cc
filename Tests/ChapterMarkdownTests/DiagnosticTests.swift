import Testing

@testable import ChapterMarkdown

@Suite("Diagnostics and helpers")
struct DiagnosticTests {
    @Test func descriptionFormat() {
        let location = SourceLocation(file: "Chapters/01-xor.md", line: 42, column: 7)
        #expect(location.description == "Chapters/01-xor.md:42:7")
        let error = Diagnostic.error("unknown activation 'relu6'", at: location, notes: ["n"], hint: "h", id: .badValue)
        #expect(error.description == "Chapters/01-xor.md:42:7: error: unknown activation 'relu6'")
        #expect(error.fullDescription == "Chapters/01-xor.md:42:7: error: unknown activation 'relu6'\n    note: n\n    hint: h")
        #expect(Diagnostic.warning("slow", at: location, id: .beyondPlayground).description == "Chapters/01-xor.md:42:7: warning: slow")
        #expect(Diagnostic.error("no chapters", at: nil, id: .noChaptersFolder).description == "error: no chapters")
    }

    @Test func collectorCountsAndSorts() {
        var collector = DiagnosticCollector()
        collector.warning("w", at: SourceLocation(file: "b.md", line: 1), id: .diverged)
        collector.error("e2", at: SourceLocation(file: "a.md", line: 9, column: 2), id: .badValue)
        collector.error("e1", at: SourceLocation(file: "a.md", line: 9, column: 1), id: .badValue)
        collector.error("global", at: nil, id: .noChaptersFolder)
        #expect(collector.hasErrors)
        #expect(collector.errorCount == 3)
        #expect(collector.warningCount == 1)
        #expect(collector.sorted.map(\.message) == ["global", "e1", "e2", "w"])
    }

    @Test func suggestions() {
        let names = ["experiment", "activations", "dataset", "question"]
        #expect(suggestion(for: "experimnt", among: names) == "experiment")
        #expect(suggestion(for: "Dataset", among: names) == "dataset")
        #expect(suggestion(for: "activation", among: names) == "activations")
        #expect(suggestion(for: "plot", among: names) == nil)
        #expect(suggestion(for: "valeu", among: ["value", "ref"]) == "value")
        #expect(suggestion(for: "rfe", among: ["value", "ref"]) == "ref")
        #expect(suggestion(for: "tanh", among: ["relu", "sigmoid"]) == nil)
    }

    @Test func htmlEscape() {
        #expect(HTML.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        #expect(HTML.escapeText("f'(x) < \"y\"") == "f'(x) &lt; \"y\"")
    }
}

/// Ends of diagnostics read from the source when the call site gave none.
@Suite("Diagnostic ranges")
struct DiagnosticRangeTests {
    static func end(_ line: String, column: Int, end: Int? = nil) -> Int? {
        let file = "a.md"
        let diagnostic = Diagnostic.error(
            "x", at: SourceLocation(file: file, line: 1, column: column), id: .badValue,
            end: end.map { SourceLocation(file: file, line: 1, column: $0) })
        return DiagnosticRanges.complete([diagnostic], texts: [file: line]).first?.end?.column
    }

    @Test func aTokenEndsAtASpaceAListSeparatorOrAKeysColon() {
        #expect(Self.end("learning_rate: 0.01", column: 1) == 14)
        #expect(Self.end("learning-rate: 0.01", column: 16) == 20)
        #expect(Self.end("features: [x1, x3]", column: 16) == 18)
        #expect(Self.end("until: test-loss <= 0.02", column: 8) == 17)
    }

    @Test func bracketsQuotesAndRolesRunToTheirClose() {
        #expect(Self.end("epochs: [1, [2]]", column: 9) == 17)
        #expect(Self.end("```{experimnet} typo", column: 4) == 16)
        #expect(Self.end("See {value}`a.epochs` here", column: 5) == 22)
        #expect(Self.end("title: \"a b\" c", column: 8) == 13)
        #expect(Self.end("```{experiment} dup  ", column: 1) == 20)
    }

    @Test func spacesOrAnUnclosedBracketRunToTheEndOfTheLine() {
        #expect(Self.end("dataset: [xor  ", column: 10) == 14)
        #expect(Self.end("a   b", column: 2) == 6)
        #expect(Self.end("", column: 1) == 1)
    }

    @Test func manyProblemsOnOneHugeLineStayCheap() {
        let line = String(repeating: "[", count: 1_000_000)
        let diagnostics = (1...5000).map {
            Diagnostic.error("x", at: SourceLocation(file: "a.md", line: 1, column: $0 * 100), id: .refusedHTML)
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = DiagnosticRanges.complete(diagnostics, texts: ["a.md": line]) }
        #expect(elapsed < .seconds(5))
    }

    @Test func anEndTheCallSiteGaveIsKeptButNotPastTheLine() {
        #expect(Self.end("noise: 70", column: 8, end: 10) == 10)
        #expect(Self.end("noise: 70", column: 8, end: 40) == 10)
        #expect(Self.end("noise: 70", column: 8, end: 3) == 10)  // before the start: replaced
    }
}
