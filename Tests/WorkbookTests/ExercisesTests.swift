import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Testing

@testable import Workbook

/// Exercises written the way public Playground courses write them: links that hide features,
/// noise past the slider, the reset button. They build, with only the warnings they deserve.
@Suite("Exercises from other courses")
struct ExercisesTests {
    @Test func linksWithHiddenFeaturesNoiseAndResetsBuild() throws {
        let book = try FixtureBook("exercises")
        defer { book.remove() }
        let report = try book.build()
        #expect(
            report.warnings.map(\.line) == [
                "Chapters/02-noisy-spiral.md:8:1: warning: noise: 80 is beyond the Playground's control (0–50); a link still trains with it [labbook.beyond-playground]"
            ])

        let plan = Builder(options: book.options).check()
        // The hidden product feature is not an input: the network is the linear model of x1, x2.
        let linear = try #require(plan.experiments["linear-xor"]?.spec)
        #expect(linear.base.configuration.features == [.x1, .x2])
        #expect(linear.base.configuration.hidden.isEmpty)
        let store = RunStore(cache: BuildCache(root: book.cache))
        _ = store.loadCached(linear.combinations.flatMap(\.jobs))
        let accuracy = try #require(ResultsAnalysis.analyse([linear], store: store)["linear-xor"][0].finalTestAccuracy)
        #expect(accuracy.median < 0.7, "a linear model stays near chance on XOR")
        // Weights by name: the figure's network, the representative run's final numbers.
        let run = try store.result(linear.combinations[0].jobs[0])
        let weight = run.final.weights[run.final.linkIndex(layer: 1, from: 0, to: 0)]
        let bias = run.final.bias(layer: 1, node: 0)
        let linearPage = try book.page("01-linear-xor.html")
        #expect(linearPage.contains(">\(NetworkSummary.weight(weight))</span>"))
        #expect(linearPage.contains(">\(NetworkSummary.weight(bias))</span>"))

        // Noise 80 generates with 0.8: the data are noisier than the slider's maximum allows.
        let spiral = try #require(plan.experiments["noisy-spiral"]?.spec)
        #expect(spiral.base.configuration.noise == 80)

        // Resets: four networks on seed 1's data, one value per press.
        let page = try book.page("03-resets.html")
        #expect(page.contains("title=\"from experiment resets\">4</span>"))
        #expect(page.contains("press the reset button r times"))
        let resets = try #require(plan.experiments["resets"]?.spec)
        #expect(resets.combinations[0].jobs.map(\.reset) == [0, 1, 2, 3])
        #expect(Set(resets.combinations[0].jobs.map(\.seed)) == ["1"])
    }
}
