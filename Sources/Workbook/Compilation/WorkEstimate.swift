import ChapterMarkdown
import Foundation
import PlaygroundTrainer

/// How long the runs a build must train will take, estimated before training from
/// runs × epochs × examples × network parameters. The rate is measured with `labbook bench`
/// on this project's 2-core machines (about 4·10⁸ example-parameter updates per second per core
/// for the benchmark configurations); the estimate errs towards slower.
struct WorkEstimate {
    static let unitsPerSecond = 3.0e8

    struct Item {
        var experiment: ExperimentSpec
        var units: Double
    }

    var items: [Item]

    init(jobs: [RunJob], experiments: [ExperimentSpec]) {
        let keys = Set(jobs.map(\.key))
        items = experiments.map { spec in
            let units = spec.combinations.flatMap(\.jobs).filter { keys.contains($0.key) }.reduce(0.0) { sum, job in
                sum + Self.units(job.configuration)
            }
            return Item(experiment: spec, units: units)
        }.filter { $0.units > 0 }
    }

    /// Forward and backward passes over every example, plus one loss evaluation of all points.
    static func units(_ c: TrainingConfiguration) -> Double {
        let sizes = c.layerSizes
        let parameters = zip(sizes, sizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
        let points = Double(c.sampleCount)
        return Double(max(c.epochs, 1)) * points * Double(parameters)
    }

    var seconds: Double { items.reduce(0) { $0 + $1.units } / Self.unitsPerSecond }
    var minutes: Double { seconds / 60 }

    func summary(workers: Int) -> String {
        "training \(items.count) experiment\(items.count == 1 ? "" : "s"): about \(Self.duration(seconds)) of CPU time (\(Self.duration(seconds / Double(max(workers, 1)))) on \(workers) core\(workers == 1 ? "" : "s"))"
    }

    /// One error at each of the largest experiments, the first saying what the budget is.
    func refusal(budgetMinutes: Double) -> [Diagnostic] {
        let largest = items.sorted { $0.units > $1.units }.prefix(5)
        return largest.enumerated().map { index, item in
            let share = item.units / Self.unitsPerSecond
            var message = "experiment '\(item.experiment.id)' would train for about \(Self.duration(share))"
            if index == 0 {
                message +=
                    "; the whole build would take about \(Self.duration(seconds)), over the budget of \(Self.duration(budgetMinutes * 60))"
            }
            return .error(
                message, at: item.experiment.location,
                hint: "lower epochs, seeds or the sweep, or raise the budget with --max-training-minutes",
                id: .tooMuchWork)
        }
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 90 { return "\(Int(seconds.rounded())) s" }
        if seconds < 5400 { return "\(Int((seconds / 60).rounded())) min" }
        return String(format: "%.1f h", locale: Locale(identifier: "en_US_POSIX"), seconds / 3600)
    }
}
