import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Testing

@testable import Workbook

/// The one rule for medians, the representative run and rankings, on made-up runs (no training).
@Suite("Results analysis")
struct ResultsAnalysisTests {
    /// A run's digest as the cache stores it (JSON, non-finite numbers as strings).
    static func run(_ seed: String, reached: Int?, loss: Double, status: RunStatus? = nil) -> RunDigest {
        let status = status ?? (reached == nil ? .completed : .reachedTarget)
        let lossText = loss.isFinite ? "\(loss)" : "\"nan\""
        let halfText = loss.isFinite ? "\(loss / 2)" : "\"nan\""
        let json = """
            {"seed": "\(seed)", "reset": 0, "status": "\(status.rawValue)", "epochsRun": \(reached ?? 100),
             "targetEpoch": \(reached.map(String.init) ?? "null"), "divergedAtEpoch": \(status == .diverged ? "7" : "null"),
             "finalTrainLoss": \(halfText), "finalTestLoss": \(lossText), "finalTrainAccuracy": 0.9, "finalTestAccuracy": 0.8}
            """
        return try! RunStore.decoder.decode(RunDigest.self, from: Data(json.utf8))
    }
    static let rule = StopRule(metric: .testLoss, comparison: .lessOrEqual, threshold: 0.02)

    @Test func runsThatMissTheTargetCountAsSlowerThanTheBudget() {
        // Two of five never reach it: the median run is the third fastest of the five.
        let r = CombinationResults(
            runs: [
                Self.run("1", reached: nil, loss: 0.05), Self.run("2", reached: 300, loss: 0.02),
                Self.run("3", reached: 120, loss: 0.02), Self.run("4", reached: nil, loss: 0.04),
                Self.run("5", reached: 200, loss: 0.02),
            ], epochBudget: 1000, stopRule: Self.rule)
        #expect(r.order == [2, 4, 1, 3, 0])
        #expect(r.representative.seed == "2")
        #expect(r.medianEpochs == 300)
        #expect(r.reachedEpochs?.minimum == 120 && r.reachedEpochs?.maximum == 300)
        #expect(r.medianNote == "median of 5 seeds; 2 did not reach the target within 1000 epochs")
    }

    @Test func theMedianIsNotReachedWhenFewerThanHalfReachIt() {
        let r = CombinationResults(
            runs: [
                Self.run("1", reached: nil, loss: 0.05), Self.run("2", reached: 300, loss: 0.02),
                Self.run("3", reached: nil, loss: 0.03), Self.run("4", reached: nil, loss: 0.04),
                Self.run("5", reached: 200, loss: 0.02),
            ], epochBudget: 1000, stopRule: Self.rule)
        #expect(r.medianEpochs == nil)
        // The representative is the median of the censored order: the best of the runs that missed.
        #expect(r.representative.seed == "3")
        let text = ValueText(spec: Self.spec(seeds: 5), results: [r])
            .text(ResolvedValue(experimentID: "e", combinations: [0], metric: .epochs, plain: false))
        #expect(text.text == "not reached in 1000 epochs by the median seed (2 of 5 reached it)")
        #expect(text.notReached)
    }

    @Test func anEvenNumberOfRunsTakesTheLowerMiddleRunsOwnValue() {
        let r = CombinationResults(
            runs: [
                Self.run("1", reached: 6000, loss: 0.02), Self.run("2", reached: 6555, loss: 0.02),
                Self.run("3", reached: 5000, loss: 0.02), Self.run("4", reached: 9000, loss: 0.02),
            ], epochBudget: 10_000, stopRule: Self.rule)
        #expect(r.medianEpochs == 6000)
        #expect(Statistic([1, 2, 3, 4])?.median == 2)
    }

    @Test func aRangeOfOneValueIsPrintedOnce() {
        let statistic = Statistic([0.02, 0.02, 0.02])!
        #expect(ValueFormatting.range(statistic, ValueFormatting.loss) == "0.020")
        let r = CombinationResults(
            runs: [Self.run("1", reached: 50, loss: 0.02), Self.run("2", reached: 50, loss: 0.02)], epochBudget: 100,
            stopRule: Self.rule)
        let spec = Self.spec(seeds: 2)
        let table = ResultsTableHTML(
            panels: ResultPanel.panels(of: spec, results: [r]), display: spec.display, rowLinks: false)
        // Printed once, and said to be every run's (issue 23): no "0.020 (0.020–0.020)".
        #expect(table.statisticText(r.finalTestLoss, r, ValueFormatting.loss) == "0.020<br><span class=\"lb-range\">(all 2)</span>")
        #expect(!table.epochsCell(r).contains("lb-range"))
    }

    @Test func divergedRunsCountAsNotReachingTheTargetAndHaveNoLoss() {
        let r = CombinationResults(
            runs: [Self.run("1", reached: nil, loss: .nan, status: .diverged), Self.run("2", reached: 40, loss: 0.01)],
            epochBudget: 100, stopRule: Self.rule)
        #expect(r.reachedCount == 1 && r.divergedCount == 1)
        #expect(r.order == [1, 0])
        #expect(r.finalTestLoss?.count == 1)
    }

    /// The ranking Chapter 16 got wrong: He had the lowest median (124) with 5 of 6 seeds;
    /// Xavier 184 with 6 of 6. `best` is by median epochs, censored rule — He wins.
    @Test func bestRanksByMedianEpochsNotBySeedsReached() {
        let xavier = CombinationResults(
            runs: (1...6).map { Self.run("\($0)", reached: [150, 170, 184, 185, 190, 200][$0 - 1], loss: 0.02) },
            epochBudget: 1000, stopRule: Self.rule)
        let he = CombinationResults(
            runs: (1...6).map { Self.run("\($0)", reached: [100, 110, 124, 130, 140, nil][$0 - 1], loss: 0.02) },
            epochBudget: 1000, stopRule: Self.rule)
        #expect(Ranking.order([xavier, he], candidates: [0, 1], by: .epochs) == [1, 0])
        #expect(he.medianEpochs == 124 && xavier.medianEpochs == 184)
    }

    @Test func bestNamesTheSettingAndBestLossGivesTheLoss() throws {
        let spec = try #require(Self.sweepSpec())
        let results = [
            CombinationResults(runs: [Self.run("1", reached: 90, loss: 0.3)], epochBudget: 100, stopRule: Self.rule),
            CombinationResults(runs: [Self.run("1", reached: 40, loss: 0.129)], epochBudget: 100, stopRule: Self.rule),
        ]
        let text = ValueText(spec: spec, results: results)
        func value(_ metric: ValueMetric) -> String {
            text.text(ResolvedValue(experimentID: spec.id, combinations: [0, 1], metric: metric, plain: true)).text
        }
        #expect(value(.best) == "0.1")
        #expect(value(.bestByLoss) == "0.1")
        #expect(value(.bestLoss) == "0.129")
        #expect(value(.bestEpochs) == "40")
    }

    static func spec(seeds: Int) -> ExperimentSpec {
        let plan = BookLoader.analyse(sources: [
            (
                "01-a.md", "Chapters/01-a.md",
                "---\ntitle: A\n---\n\n```{experiment} e\nseeds: \(seeds)\nuntil: test-loss <= 0.02\n```\n"
            )
        ])
        return plan.experiments["e"]!.spec
    }

    static func sweepSpec() -> ExperimentSpec? {
        let plan = BookLoader.analyse(sources: [
            (
                "01-a.md", "Chapters/01-a.md",
                "---\ntitle: A\n---\n\n```{experiment} l2\nuntil: test-loss <= 0.02\nregularization: L2\nvary:\n  regularization-rate: [0.01, 0.1]\n```\n"
            )
        ])
        return plan.experiments["l2"]?.spec
    }
}

extension ResultsAnalysisTests {
    @Test func aSeedSelectorReadsOnlyThatSeedsRuns() {
        let r = CombinationResults(
            runs: [Self.run("1", reached: 10, loss: 0.01), Self.run("2", reached: 90, loss: 0.03)], epochBudget: 100,
            stopRule: Self.rule)
        let picked = ValueText.runs(r, seed: "2", reset: nil)
        #expect(picked.seedCount == 1 && picked.medianEpochs == 90)
        #expect(ValueText.runs(r, seed: nil, reset: nil).seedCount == 2)
    }
}

extension ResultsAnalysisTests {
    @Test func reachedAsACountAndAsAShare() {
        let r = CombinationResults(
            runs: [
                Self.run("1", reached: 10, loss: 0.01), Self.run("2", reached: nil, loss: 0.03),
                Self.run("3", reached: 30, loss: 0.01), Self.run("4", reached: 40, loss: 0.01),
            ],
            epochBudget: 100, stopRule: Self.rule)
        let text = ValueText(spec: Self.spec(seeds: 4), results: [r])
        func value(_ metric: ValueMetric) -> String {
            text.text(ResolvedValue(experimentID: "e", combinations: [0], metric: metric, plain: false)).text
        }
        #expect(value(.reached) == "3 of 4 seeds")
        #expect(value(.reachedCount) == "3")
        #expect(value(.reachedShare) == "75 %")
        #expect(value(.testLossRange) == "0.010–0.030")
        #expect(value(.trainAccuracyRange) == "90.0 % in all 4 seeds")
        #expect(value(.gapRange) == "0.005–0.015")
    }
}
