import Foundation

/// A generated course of about `runs` runs, shaped like a real one: sweeps over the learning
/// rate (4 rates × 5 seeds = 20 runs each, or more seeds for fewer, larger experiments), data
/// sets in turn, seeds never repeated (a run shared by two experiments would be trained once).
/// `labbook bench --synthetic-course` measures builds with it; the Slurm tests build it on a
/// cluster and here and compare the outputs.
public struct SyntheticCourse: Sendable {
    static let learningRates = 4
    static let datasets = ["circle", "xor", "gauss", "spiral"]

    public var runs: Int
    /// Seeds per learning rate.
    public var seeds = 5
    public var epochs = 200
    public var hidden = "[4, 2]"
    public var figures = "[loss, boundary, data, network]"

    public init(runs: Int) {
        self.runs = runs
    }

    public var runsPerExperiment: Int { Self.learningRates * seeds }
    public var experiments: Int { max(1, (runs + runsPerExperiment - 1) / runsPerExperiment) }

    /// The one chapter's text.
    public var chapter: String {
        var text = "---\ntitle: Synthetic course\nchapter: 1\n---\n\n## Sweeps\n\n"
        for index in 0..<experiments {
            text += """
                ```{experiment} sweep\(index + 1)
                dataset: \(Self.datasets[index % Self.datasets.count])
                hidden: \(hidden)
                activation: tanh
                epochs: \(epochs)
                seed: \(index * seeds + 1)
                seeds: \(seeds)
                vary:
                  learning-rate: [0.003, 0.01, 0.03, 0.1]
                show: \(figures)
                caption: Synthetic sweep \(index + 1)
                ```


                """
        }
        return text
    }

    /// Writes the book (`Chapters/01-sweeps.md`) under `root`; returns its chapters folder.
    @discardableResult
    public func write(into root: URL) throws -> URL {
        let chapters = root.appendingPathComponent("Chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        try Data(chapter.utf8).write(to: chapters.appendingPathComponent("01-sweeps.md"))
        return chapters
    }
}
