import ChapterMarkdown
import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// `labbook.yml`: the book's title, cover and experiment defaults; problems are `file:line:col`
/// errors like those of chapters. And the rule that makes an experiment a worksheet.
@Suite struct BookSettingsTests {
    @Test func aMissingFileGivesTodaysDefaults() {
        let (settings, diagnostics) = BookSettings.load(
            folder: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"), displayPath: "labbook.yml")
        #expect(diagnostics.isEmpty)
        #expect(settings.title == "Neural networks in the Playground" && settings.language == "en" && settings.defaults.isEmpty)
    }

    @Test func everyKeyIsRead() {
        let (settings, diagnostics) = BookSettings.parse(
            "title: Nets\nsubtitle: By hand\nauthors: [A, B]\nlanguage: de-CH\ncourse: ML 1\ndefaults:\n  seeds: 4\n  student: results\n",
            displayPath: "labbook.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(settings.title == "Nets" && settings.subtitle == "By hand" && settings.authors == ["A", "B"])
        #expect(settings.language == "de-CH" && settings.course == "ML 1")
        #expect(settings.defaults.map(\.key) == ["seeds", "student"])
    }

    @Test func anUnknownKeyIsAnErrorAtItsLineWithASuggestion() {
        let (_, diagnostics) = BookSettings.parse("title: Nets\ntitel: typo\n", displayPath: "labbook.yml")
        #expect(
            diagnostics.map(\.line) == [
                "labbook.yml:2:1: error: unknown key 'titel' in labbook.yml; did you mean 'title'? [labbook.unknown-key]"
            ])
        #expect(diagnostics.first?.end == SourceLocation(file: "labbook.yml", line: 2, column: 6))
    }

    @Test func badDefaultsAreErrorsAtTheirLines() {
        let (settings, diagnostics) = BookSettings.parse(
            "defaults:\n  seeds: many\n  student: worksheets\n  vary: x\n", displayPath: "book/labbook.yml")
        let lines = diagnostics.map(\.line)
        #expect(lines.count == 3, "\(lines)")
        #expect(diagnostics.has(.badValue, at: "book/labbook.yml:2:10"))
        #expect(diagnostics.has(.badValue, at: "book/labbook.yml:3:12"))
        #expect(lines.contains { $0.contains("did you mean 'worksheet'?") })
        #expect(diagnostics.has(.notADefault, at: "book/labbook.yml:4:3"))
        #expect(settings.defaults.isEmpty)
    }

    @Test func aMalformedFileIsAnErrorNotACrash() {
        let (_, diagnostics) = BookSettings.parse("title: [unclosed\n", displayPath: "labbook.yml")
        #expect(diagnostics.count == 1 && diagnostics[0].line.hasPrefix("labbook.yml:"))
        let (_, notMapping) = BookSettings.parse("- a\n- b\n", displayPath: "labbook.yml")
        #expect(notMapping.map(\.message) == ["labbook.yml must be a mapping of 'key: value' lines, found a list"])
    }

    @Test func defaultsApplyUnlessTheExperimentWritesTheKey() {
        var settings = BookSettings()
        settings.defaults = BookSettings.parse("defaults:\n  seeds: 4\n  epochs: 77\n", displayPath: "labbook.yml").settings.defaults
        let plan = BookLoader.analyse(
            sources: [("01-a.md", "Chapters/01-a.md", "---\ntitle: A\n---\n\n```{experiment} a\nepochs: 5\n```\n")],
            settings: settings)
        #expect(!plan.hasErrors, "\(plan.diagnostics)")
        let spec = plan.experiments["a"]!.spec
        #expect(spec.seedCount == 4 && spec.base.configuration.epochs == 5)
    }

    // MARK: - The worksheet rule

    static let chapter = """
        ---
        title: A
        ---

        ## One

        ```{experiment} in-section
        epochs: 5
        ```

        ```{question} q1
        prompt: Why?
        ```

        ## Two

        ```{experiment} referred
        epochs: 6
        ```

        ```{experiment} told
        epochs: 7
        student: results
        ```

        ```{experiment} plain
        epochs: 8
        ```

        ## Three

        ```{experiment} chosen
        epochs: 9
        student: worksheet
        ```

        ```{question} q2
        prompt: What did {ref}`referred` and {value}`told.test-loss` show?
        ```

        """

    @Test func worksheetsFollowTheRule() {
        let plan = BookLoader.analyse(sources: [("01-a.md", "Chapters/01-a.md", Self.chapter)], edition: .student)
        #expect(!plan.hasErrors, "\(plan.diagnostics)")
        // Same section as a question, referred to by one, or chosen: worksheets. Written
        // `results` wins over the rule; an experiment with neither shows its results.
        #expect(plan.worksheets == ["in-section", "referred", "chosen"])
        var settings = BookSettings()
        settings.defaults = BookSettings.parse("defaults:\n  student: results\n", displayPath: "labbook.yml").settings.defaults
        let allResults = BookLoader.analyse(sources: [("01-a.md", "Chapters/01-a.md", Self.chapter)], settings: settings, edition: .student)
        #expect(allResults.worksheets == ["chosen"])
    }

    @Test func anIDInNoEditionStaysAnErrorAndEditionOnlyErrorsSaySo() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-settings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let chapters = root.appendingPathComponent("Chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        let text = """
            ---
            title: A
            ---

            <!-- instructor-only -->
            ```{experiment} secret
            epochs: 5
            ```
            <!-- /instructor-only -->

            ```{experiment} open
            epochs: 5
            ```

            ```{compare} both
            experiments: [secret, open]
            ```

            Fine: {value}`secret.test-loss`. Wrong: {value}`nowhere.test-loss`.

            """
        try Data(text.utf8).write(to: chapters.appendingPathComponent("01-a.md"))
        let plan = BookLoader.load(chaptersFolder: chapters, displayPrefix: "Chapters/", edition: .student)
        let lines = plan.diagnostics.map(\.line)
        #expect(lines.count == 2, "\(lines)")
        #expect(plan.diagnostics.has(.withheldReference, at: "Chapters/01-a.md:16:14"))
        #expect(lines.contains { $0.contains("(in the student edition only)") })
        #expect(plan.diagnostics.has(.unknownReference, at: "Chapters/01-a.md:19:"))
        #expect(lines.filter { $0.contains("edition") }.count == 1)
    }
}
