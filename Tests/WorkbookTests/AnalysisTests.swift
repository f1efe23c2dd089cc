import ChapterMarkdown
import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Testing

@testable import Workbook

/// The analyser on chapters in memory: typed settings, one ID rule, limits before work.
@Suite("Analysis")
struct AnalysisTests {
    static func analyse(_ body: String) -> BookPlan {
        BookLoader.analyse(sources: [("01-a.md", "Chapters/01-a.md", "---\ntitle: A\n---\n\n" + body)])
    }

    static func errors(_ plan: BookPlan) -> [String] {
        plan.diagnostics.filter { $0.severity == .error }.map(\.line)
    }

    @Test(arguments: ["experiment", "dataset", "activations", "question"])
    func everyDirectiveIDFollowsOneRule(directive: String) {
        let body = directive == "question" ? "prompt: Why?\n" : ""
        let plan = Self.analyse("```{\(directive)} ../../../escaped\n\(body)```\n")
        let errors = Self.errors(plan)
        #expect(errors.count == 1)
        #expect(plan.diagnostics.has(.badID, at: "Chapters/01-a.md:5:1"))
    }

    @Test func quotesInAnIDNeverReachHTML() {
        let plan = Self.analyse("```{dataset} a\"b onload=\"x\n```\n")
        #expect(Self.errors(plan).count == 1)
        #expect(plan.figures.isEmpty)
    }

    @Test func settingsAreTypedOnceWhateverTheSpelling() throws {
        let plan = Self.analyse(
            """
            ```{experiment} s
            hidden: [4, 2]
            vary:
              activation: [ReLU, tanh]
              learning-rate: [0.010, 1e-3]
            ```

            {value}`s[activation=relu, learning-rate=0.01].test-loss` and {value}`s[activation=tanh,learning-rate=0.001].seeds`
            """)
        #expect(Self.errors(plan).isEmpty)
        let spec = try #require(plan.experiments["s"]?.spec)
        #expect(spec.sweep.map { $0.values.map(\.text) } == [["relu", "tanh"], ["0.01", "0.001"]])
        #expect(spec.combinations.map(\.label).first == "activation = relu, learning rate = 0.01")
        guard case .value(let value) = plan.chapters[0].roles[0] else { Issue.record("not a value"); return }
        #expect(value.combinations == [0])
        // The same configuration written two ways is the same run.
        let other = Self.analyse("```{experiment} t\nhidden: 4,2\nactivation: relu\nlearning-rate: 0.01\n```\n")
        #expect(other.experiments["t"]?.spec.combinations[0].jobs[0].key == spec.combinations[0].jobs[0].key)
    }

    @Test(arguments: [
        ("batch-size: 1e30", "batch-size"), ("batch-size: 1e999", "batch-size"), ("epochs: 2.5", "epochs"), ("noise: nan", "noise"),
        ("seeds: -3", "seeds"),
    ])
    func numbersAreRangeCheckedBeforeConversion(line: String, key: String) {
        let plan = Self.analyse("```{experiment} n\n\(line)\n```\n")
        let errors = Self.errors(plan)
        #expect(errors.count == 1)
        #expect(errors.first?.contains("Chapters/01-a.md:6:") == true)
        #expect(errors.first?.contains("\(key):") == true)
    }

    /// 10⁸ combinations are refused at once, before any is built.
    @Test func aHugeSweepIsCountedBeforeItIsBuilt() {
        let values = "[" + (1...100).map(String.init).joined(separator: ", ") + "]"
        let started = Date()
        let plan = Self.analyse(
            "```{experiment} big\nvary:\n  epochs: \(values)\n  batch-size: \(values)\n  noise: \((0...49).map(String.init).joined(separator: ", ").wrappedInBrackets)\n  seed: \(values)\n```\n"
        )
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(plan.diagnostics.has(.tooManyCombinations, at: "Chapters/01-a.md:6:1"))
        #expect(Self.errors(plan).contains { $0.contains("vary makes 50000000 combinations") })
    }

    @Test func aSelectorWithABadValueIsAnErrorAtTheRole() {
        let plan = Self.analyse("```{experiment} s\nvary:\n  activation: [relu, tanh]\n```\n\n{value}`s[activation=relux].test-loss`\n")
        #expect(plan.diagnostics.has(.badReference, at: "Chapters/01-a.md:10:1"))
    }

    @Test func questionsAreParsedAndResolvedDuringAnalysis() throws {
        let plan = Self.analyse(
            """
            ```{experiment} e
            until: test-loss <= 0.02
            ```

            ```{question} q
            prompt: After how many epochs? See {ref}`e`.
            answer: "{number}`e.epochs`"
            ```
            """)
        #expect(Self.errors(plan).isEmpty)
        guard case .question(let question) = plan.chapters[0].blocks[1] else { Issue.record("no question"); return }
        #expect(question.prompt?.roles == [.figure(plan.figures["e"]![0].place)])
        guard case .value(let value)? = question.answer?.roles.first else { Issue.record("no value"); return }
        #expect(value.plain && value.metric == .epochs)
    }
}

extension String {
    fileprivate var wrappedInBrackets: String { "[" + self + "]" }
}

/// Resets, and values of one seed or one reset.
@Suite("Resets and run selectors")
struct ResetAnalysisTests {
    @Test func resetsMakeRunsOfOneSeedOnTheSameData() throws {
        let plan = AnalysisTests.analyse("```{experiment} r\nseeds: 2\nresets: 3\n```\n")
        let spec = try #require(plan.experiments["r"]?.spec)
        #expect(spec.combinations[0].jobs.map { "\($0.seed)/\($0.reset)" } == ["1/0", "1/1", "1/2", "1/3", "2/0", "2/1", "2/2", "2/3"])
        #expect(Set(spec.combinations[0].jobs.map(\.key)).count == 8)
        // The fresh page keeps the key it had before resets existed.
        let fresh = AnalysisTests.analyse("```{experiment} f\nseeds: 2\n```\n").experiments["f"]!.spec
        #expect(fresh.combinations[0].jobs[0].key == spec.combinations[0].jobs[0].key)
    }

    @Test func seedAndResetSelectorsPickRuns() throws {
        let plan = AnalysisTests.analyse(
            """
            ```{experiment} r
            seeds: 2
            resets: 2
            until: test-loss <= 0.02
            ```

            {value}`r[seed=2].test-loss`, {value}`r[reset=1].epochs`, {value}`r[seed=9].epochs`, {value}`r[reset=3].epochs`.
            """)
        let errors = AnalysisTests.errors(plan)
        #expect(errors.count == 2)
        #expect(plan.diagnostics.count { $0.id == .badReference } == 2)
        #expect(errors.contains { $0.contains("valid: reset=0 (the fresh page) to reset=2") })
        guard case .value(let first) = plan.chapters[0].roles[0], case .value(let second) = plan.chapters[0].roles[1] else {
            Issue.record("values not resolved")
            return
        }
        #expect(first.runSeed == "2" && first.runReset == nil)
        #expect(second.runReset == 1 && second.runSeed == nil)
    }

    @Test func noisePastTheSliderIsAWarningNotAnError() {
        let plan = AnalysisTests.analyse("```{experiment} n\ndataset: spiral\nnoise: 80\n```\n")
        #expect(AnalysisTests.errors(plan).isEmpty)
        #expect(
            plan.diagnostics.contains { $0.severity == .warning && $0.line.contains("noise: 80 is beyond the Playground's control (0–50)") }
        )
    }
}

@Suite("Diagnostic kinds")
struct DiagnosticKindTests {
    @Test func everyKindOfProblemCarriesItsID() {
        let plan = AnalysisTests.analyse(
            """
            ```{experiment} a
            noise: 70
            ```

            ```{experiment} b
            learning_rate: 0.1
            activation: relux
            ```

            ```{experiment} a
            ```

            ```{dataset} ../x
            ```

            {value}`nothing.epochs` {value}`a[activation=relu].epochs`
            """)
        let ids = Set(plan.diagnostics.map(\.id))
        #expect(ids == [.unknownKey, .badValue, .beyondPlayground, .duplicateID, .badID, .unknownReference, .badReference])
        #expect(plan.diagnostics.first { $0.id == .unknownKey }?.line.hasSuffix("[labbook.unknown-key]") == true)
    }
}

@Suite("Weights by name")
struct WeightValueTests {
    @Test func weightsAndBiasesAreNamedAsTheFigureShowsTheNodes() {
        let plan = AnalysisTests.analyse(
            """
            ```{experiment} w
            hidden: [3]
            ```

            {value}`w[from=x1, to=1.2].weight` {value}`w[from=X2, to=1.3].weight` {value}`w[node=output].bias`
            {value}`w[from=x1, to=output].weight` {value}`w[node=2.1].bias` {value}`w.weight`
            """)
        let errors = AnalysisTests.errors(plan)
        #expect(errors.count == 3)
        #expect(plan.diagnostics.count { $0.id == .badReference } == 3)
        #expect(errors.contains { $0.contains("nodes: x1, x2, 1.1, 1.2, 1.3, output") })
        let nodes = plan.chapters[0].roles.prefix(3).compactMap { role -> String? in
            if case .value(let value) = role { return value.node }
            return nil
        }
        #expect(nodes == ["x1 → 1.2", "x2 → 1.3", "output"])
    }
}
