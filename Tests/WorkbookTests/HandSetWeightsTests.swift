import ChapterMarkdown
import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Testing

@testable import Workbook

/// `weights:` and `biases:`: the initial network set by hand, as a list in the downloads' order
/// or by name, over the seed's network.
@Suite("Hand-set weights")
struct HandSetWeightsTests {
    static func analyse(_ body: String) -> BookPlan {
        BookLoader.analyse(sources: [("01-a.md", "Chapters/01-a.md", "---\ntitle: A\n---\n\n" + body)])
    }

    /// The initial network of the experiment's first run, as the trainer builds it.
    static func initial(_ plan: BookPlan, _ id: String) throws -> NetworkParameters {
        let job = try #require(plan.experiments[id]?.spec.combinations.first?.jobs.first)
        return Trainer(configuration: job.configuration).run(seed: job.seed).initial
    }

    static let shape = "dataset: xor\nhidden: [2]\nseed: 7\nepochs: 0\n"

    /// Values by name replace exactly those weights and biases; every other keeps the seed's.
    /// The same network written as full lists (the seed's values with those replaced) is the
    /// same network, bit for bit.
    @Test func byNameAndByListAgree() throws {
        let seeded = try Self.initial(Self.analyse("```{experiment} s\n\(Self.shape)```\n"), "s")
        let named = Self.analyse(
            """
            ```{experiment} n
            \(Self.shape)weights:
              X1 -> 1.2: 0.75
              1.1 → output: -1.5
              bias 1.1: 0.3
            ```

            """)
        #expect(named.diagnostics.filter { $0.severity == .error }.isEmpty, "\(named.diagnostics.map(\.line))")
        let byName = try Self.initial(named, "n")
        let names = try #require(named.experiments["n"]?.spec.base.configuration.parameterNames)
        #expect(names.weights == ["x1 -> 1.1", "x2 -> 1.1", "x1 -> 1.2", "x2 -> 1.2", "1.1 -> output", "1.2 -> output"])
        var expected = seeded
        expected.weights[2] = 0.75
        expected.weights[4] = -1.5
        expected.biases[0] = 0.3
        #expect(byName == expected)
        #expect(byName.weights[0] == seeded.weights[0] && byName.biases[2] == seeded.biases[2])

        let listText =
            "weights: [\(expected.weights.map { "\($0)" }.joined(separator: ", "))]\nbiases: [\(expected.biases.map { "\($0)" }.joined(separator: ", "))]\n"
        let listed = Self.analyse("```{experiment} l\n\(Self.shape)\(listText)```\n")
        #expect(try Self.initial(listed, "l") == byName)
    }

    /// The downloads' run JSON gives back the lists as written, and a network of zeros answers
    /// 0 everywhere: with `epochs: 0` its loss, read by `{value}`, is ½·mean(1) = 0.5.
    @Test func handSetWeightsRoundTripThroughTheDownloads() throws {
        let book = try FixtureBook("inside")
        defer { book.remove() }
        try book.build()
        let url = book.output.appendingPathComponent("data/listed/seed-1.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let initial = try #require(json["initial"] as? [String: Any])
        #expect(initial["weights"] as? [Double] == [0.5, -1.25, 2, 0.125, -0.75, 1])
        #expect(initial["biases"] as? [Double] == [0.25, -0.5, 0.0625])
        #expect(json["playgroundUrl"] is NSNull, "the Playground cannot load weights")

        let page = try book.page("01-by-hand.html")
        let plan = Builder(options: book.options).check()
        let job = try #require(plan.experiments["silent"]?.spec.combinations[0].jobs[0])
        let run = Trainer(configuration: job.configuration).run(seed: job.seed)
        #expect(run.finalTestLoss == 0.5 && run.epochsRun == 0)
        #expect(
            page.contains(
                "its test loss is\n<span class=\"lb-value\" title=\"from experiment silent\">\(ValueFormatting.loss(run.finalTestLoss))</span>"
            ), "the inline value prints the loss")
    }

    /// A list of the wrong length and an unknown name are errors at their lines, naming what
    /// would be valid.
    @Test func wrongCountsAndUnknownNamesAreErrorsAtTheirLines() {
        let plan = Self.analyse(
            """
            ```{experiment} c
            \(Self.shape)weights: [1, 2, 3]
            ```

            ```{experiment} u
            \(Self.shape)weights:
              x1 -> 1.1: 0.5
              x3 -> 1.1: 0.5
            ```

            ```{experiment} b
            \(Self.shape)biases: [0.1, 0.2]
            ```

            """)
        let errors = plan.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 3, "\(errors.map(\.line))")
        #expect(plan.diagnostics.has(.weightCount, at: "Chapters/01-a.md:10:"))
        #expect(plan.diagnostics.has(.unknownWeightName, at: "Chapters/01-a.md:20:"))
        #expect(plan.diagnostics.has(.weightCount, at: "Chapters/01-a.md:28:"))
        let unknown = errors.first { $0.id == .unknownWeightName }?.line ?? ""
        #expect(unknown.contains("x1 -> 1.1") && unknown.contains("bias output"), "lists the valid names")
        let count = errors.first { $0.id == .weightCount }?.line ?? ""
        #expect(count.contains("3 weights given") && count.contains("has 6"))
    }
}
