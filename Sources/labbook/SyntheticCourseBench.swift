import Foundation
import Workbook

/// `labbook bench --synthetic-course RUNS`: writes a course of about RUNS runs into a temporary
/// folder, builds it from an empty cache and reports the CPU seconds of training and of
/// rendering, and the bytes written per format. It answers "does rendering cost less than
/// training at scale?" on a course shaped like a real one: sweeps over the learning rate, each
/// drawn as small multiples (loss, boundary, data and network panels).
struct SyntheticCourseBench {
    /// Runs per experiment: 4 learning rates × 5 seeds.
    static let runsPerExperiment = 20
    static let datasets = ["circle", "xor", "gauss", "spiral"]
    static let figures = "[loss, boundary, data, network]"

    var runs: Int
    var jobs: Int?

    struct Result {
        var experiments: Int
        var report: BuildReport
        var bytesByExtension: [String: Int]
    }

    /// The chapter text: one experiment per 20 runs, datasets in turn, seeds never repeated (a
    /// run shared by two experiments would be trained once).
    static func chapter(experiments: Int) -> String {
        var text = "---\ntitle: Synthetic course\nchapter: 1\n---\n\n## Sweeps\n\n"
        for index in 0..<experiments {
            text += """
                ```{experiment} sweep\(index + 1)
                dataset: \(datasets[index % datasets.count])
                hidden: [4, 2]
                activation: tanh
                epochs: 200
                seed: \(index * 5 + 1)
                seeds: 5
                vary:
                  learning-rate: [0.003, 0.01, 0.03, 0.1]
                show: \(figures)
                caption: Synthetic sweep \(index + 1)
                ```


                """
        }
        return text
    }

    func run() throws -> Result {
        let experiments = max(1, (runs + Self.runsPerExperiment - 1) / Self.runsPerExperiment)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-synthetic-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let chapters = root.appendingPathComponent("Chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        try Data(Self.chapter(experiments: experiments).utf8).write(to: chapters.appendingPathComponent("01-sweeps.md"))
        var options = BuildOptions(chapters: chapters, output: root.appendingPathComponent("Output"),
                                   cache: root.appendingPathComponent("cache"), jobs: jobs)
        options.trainingBudgetMinutes = 600
        let report = try Builder(options: options).build()
        return Result(experiments: experiments, report: report,
                      bytesByExtension: Self.bytes(under: options.output))
    }

    /// Total file sizes under `folder` by extension.
    static func bytes(under folder: URL) -> [String: Int] {
        var totals: [String: Int] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])
        while let url = enumerator?.nextObject() as? URL {
            guard let size = try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize else { continue }
            totals[url.pathExtension.isEmpty ? "other" : url.pathExtension, default: 0] += size
        }
        return totals
    }
}
