import ChapterMarkdown
import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// Every error of every chapter, in one run, before any training, with file, line and column.
@Suite("Diagnostics")
struct DiagnosticsTests {
    /// Each problem as printed (location and wording) and its kind.
    static let expected: [(line: String, id: DiagnosticID)] = [
        ("Chapters/01-bad.md:5:4: error: unknown directive '{experimnet}'; did you mean '{experiment}'?", .unknownDirective),
        ("Chapters/01-bad.md:11:1: error: unknown key 'learning_rate' in {experiment}; did you mean 'learning-rate'?", .unknownKey),
        (
            "Chapters/01-bad.md:12:16: error: learning-rate: learning rate 0 is outside the accepted range; valid: a number greater than 0 (the Playground's control offers 0.00001–10)",
            .badValue
        ),
        (
            "Chapters/01-bad.md:13:13: error: batch-size: batch size 0 is outside the accepted range; valid: a whole number from 1 to 1200",
            .badValue
        ),
        (
            "Chapters/01-bad.md:14:14: error: train-ratio: train ratio 100 is outside the accepted range; valid: a percentage, a number between 0 and 100",
            .badValue
        ),
        (
            "Chapters/01-bad.md:15:8: warning: noise: 70 is beyond the Playground's control (0–50); a link still trains with it",
            .beyondPlayground
        ),
        ("Chapters/01-bad.md:16:11: error: features: unknown feature 'x3'; did you mean 'x1'?", .badValue),
        ("Chapters/01-bad.md:17:13: error: activation: unknown activation 'rellu'; did you mean 'relu'?", .badValue),
        ("Chapters/01-bad.md:18:9: error: epochs takes one value, not a list; to try several values, put it under 'vary:'", .wrongType),
        ("Chapters/01-bad.md:25:1: error: duplicate ID 'dup'; it was first used at Chapters/01-bad.md:21:1", .duplicateID),
        ("Chapters/01-bad.md:29:5: error: {value} names 'nothing', but no experiment or figure has that ID", .unknownReference),
        ("Chapters/01-bad.md:29:33: error: {ref} names 'nowhere', but no experiment or figure has that ID", .unknownReference),
    ]

    @Test func everyProblemIsReportedWithItsLocation() throws {
        let book = try FixtureBook("errors")
        defer { book.remove() }
        let plan = Builder(options: book.options).check()
        let lines = plan.diagnostics.map(\.line)
        for (line, id) in Self.expected {
            #expect(lines.contains { $0.hasPrefix(line) }, "missing: \(line)\ngot:\n\(lines.joined(separator: "\n"))")
            let location = String(line.prefix { $0 != " " }.dropLast())
            #expect(plan.diagnostics.has(id, at: location), "\(location) is not \(id)")
        }
        // Malformed YAML in a body and in front matter, at their lines.
        #expect(plan.diagnostics.contains { $0.id == .malformedYAML && $0.location?.file == "Chapters/01-bad.md" })
        #expect(plan.diagnostics.contains { $0.id == .malformedYAML && $0.location?.file == "Chapters/02-front.md" })
    }

    @Test func aBuildWithErrorsTrainsNothingAndWritesNothing() throws {
        let book = try FixtureBook("errors")
        defer { book.remove() }
        do {
            try book.build()
            Issue.record("the build should have failed")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.count >= Self.expected.count + 2)
        }
        #expect(!FileManager.default.fileExists(atPath: book.output.path))
        #expect(!FileManager.default.fileExists(atPath: book.cache.path))
    }

    @Test func inlineValuesMustNameACombinationOfASweep() {
        let chapter = """
            ```{experiment} sweep
            dataset: xor
            until: test-loss <= 0.02
            vary:
              activation: [relu, tanh]
            ```

            {value}`sweep.epochs` and {value}`sweep[activation=sigmoid].epochs` and {value}`sweep.test-los`.
            """
        let plan = BookLoader.analyse(sources: [("01-x.md", "Chapters/01-x.md", chapter)])
        let lines = plan.diagnostics.map(\.line)
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "Chapters/01-x.md:8:1: error: {value}`sweep.epochs`: 'sweep' is a sweep; name one value for each of: activation")
            })
        #expect(plan.diagnostics.count { $0.id == .badReference && $0.location?.line == 8 } == 2)
        #expect(plan.diagnostics.has(.unknownMetric, at: "Chapters/01-x.md:8:"))
        #expect(lines.contains { $0.contains("did you mean 'test-loss'?") })
    }

    @Test func aDivergingRunIsAWarningAndItsFiguresSaySo() throws {
        let chapter = """
            ```{experiment} wild
            dataset: reg-plane
            learning-rate: 10
            epochs: 50
            show: [loss]
            ```
            """
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-diverge-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let chapters = root.appendingPathComponent("Chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        try Data(chapter.utf8).write(to: chapters.appendingPathComponent("01-wild.md"))
        let options = BuildOptions(chapters: chapters, output: root.appendingPathComponent("Output"), displayPrefix: "Chapters/")
        let report = try Builder(options: options).build()
        #expect(report.warnings.has(.diverged, at: "Chapters/01-wild.md:1:1"))
        let page = try String(contentsOf: root.appendingPathComponent("Output/01-wild.html"), encoding: .utf8)
        #expect(page.contains("class=\"lb-warning\">Training diverged"))
    }
}

@Suite("Inline value references")
struct ValueReferenceTests {
    @Test func aCombinationCanBeNamedByAListValue() throws {
        let reference = try ValueReference(parsing: "q6[hidden=[3,3], learning-rate=0.01].epochs")
        #expect(reference.experimentID == "q6")
        #expect(reference.metric == .epochs)
        #expect(reference.selectors.map(\.key) == [.hidden, .learningRate])
        #expect(reference.selectors.map(\.value) == ["[3,3]", "0.01"])
        let chapter = """
            ```{experiment} q6
            until: test-loss <= 0.02
            vary:
              hidden: [[2], [3, 3]]
            ```

            {value}`q6[hidden=[3,3]].epochs` and {value}`q6[hidden=3,3].epochs`.
            """
        let plan = BookLoader.analyse(sources: [("01-x.md", "Chapters/01-x.md", chapter)])
        let errors = plan.diagnostics.filter { $0.severity == .error }.map(\.line)
        #expect(errors.count == 1, "\(errors)")  // only the unbracketed one is ambiguous
        #expect(errors.first?.contains("{value}`q6[hidden=3,3].epochs`") == true)
    }
}

@Suite("Experiments from Playground links")
struct PlaygroundURLDirectiveTests {
    @Test func aLinkIsTheStartingPointAndKeysOverrideIt() throws {
        let chapter = """
            ```{experiment} from-link
            learning-rate: 0.1
            playground-url: https://playground.tensorflow.org/#activation=relu&batchSize=5&dataset=xor&networkShape=3&seed=abc&x=true&y=true&xTimesY=true
            ```
            """
        let plan = BookLoader.analyse(sources: [("01-x.md", "Chapters/01-x.md", chapter)])
        #expect(!plan.hasErrors, "\(plan.diagnostics.map(\.line))")
        let spec = try #require(plan.experiments["from-link"]?.spec)
        let c = spec.base.configuration
        #expect(c.activation == .relu && c.batchSize == 5 && c.dataset == .xor && c.hidden == [3])
        #expect(c.seed == "abc")
        #expect(c.features == [.x1, .x2, .x1TimesX2])
        #expect(c.learningRate == 0.1)  // written beside the link, so it wins
    }
}

@Suite("Inline values inside questions")
struct QuestionReferenceTests {
    @Test func aValueInAnExplanationThatNamesNothingIsAnErrorAtItsLine() {
        let chapter = """
            ```{experiment} xor
            dataset: xor
            until: test-loss <= 0.02
            ```

            ```{question} q
            prompt: Fast?
            answer: It took {value}`xor.epochs` epochs.
            explanation: |
              Compare with {value}`xr.epochs` and {value}`xor.test-los`.
            ```
            """
        let plan = BookLoader.analyse(sources: [("01-x.md", "Chapters/01-x.md", chapter)])
        let errors = plan.diagnostics.filter { $0.severity == .error }.map(\.line)
        #expect(errors.count == 2, "\(errors)")
        #expect(plan.diagnostics.has(.unknownReference, at: "Chapters/01-x.md:10:"))
        #expect(errors.contains { $0.contains("did you mean 'xor'?") })
        #expect(plan.diagnostics.has(.unknownMetric, at: "Chapters/01-x.md:10:"))
    }
}
