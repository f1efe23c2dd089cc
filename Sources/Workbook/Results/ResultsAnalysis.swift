import ChapterMarkdown
import PlaygroundTrainer

/// Makes the book's ``BookResults`` right after training: one ``CombinationResults`` per
/// combination of every experiment, from the run digests.
enum ResultsAnalysis {
    static func analyse(_ experiments: [ExperimentSpec], store: RunStore, worksheets: Set<String> = []) -> BookResults {
        var table: [String: [CombinationResults]] = [:]
        for spec in experiments {
            table[spec.id] = spec.combinations.map { combination in
                let c = combination.settings.configuration
                var results = CombinationResults(
                    runs: combination.jobs.compactMap { store.digest($0.key) }, epochBudget: c.epochs, stopRule: c.stopRule)
                // The representative run's weights, for the figures' descriptions (read from the cache).
                if results.runs.count == combination.jobs.count, !results.runs.isEmpty,
                    let run = try? store.result(combination.jobs[results.representativeIndex])
                {
                    results.network = NetworkSummary(configuration: c, parameters: run.final)
                }
                if worksheets.contains(spec.id) {
                    results.records = combination.jobs.compactMap { job in
                        (try? store.result(job)).map { RunRecord($0, stopRule: c.stopRule) }
                    }
                }
                return results
            }
        }
        return BookResults(experiments: table)
    }

    /// A warning at the experiment for each combination with diverged seeds (the build goes on;
    /// its figures, table and values say so).
    static func divergenceWarnings(_ experiments: [ExperimentSpec], results: BookResults) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for spec in experiments {
            for (combination, r) in zip(spec.combinations, results[spec.id]) {
                let diverged = r.runs.filter { $0.status == .diverged }
                guard !diverged.isEmpty else { continue }
                let which = combination.assignments.isEmpty ? "" : " (\(combination.label))"
                warnings.append(
                    .warning(
                        "experiment '\(spec.id)'\(which) diverged for seed\(diverged.count == 1 ? "" : "s") \(diverged.map(\.seed).joined(separator: ", ")): the loss became NaN or infinite at epoch \(diverged[0].divergedAtEpoch ?? 0)",
                        at: spec.location, hint: "try a smaller learning rate", id: .diverged))
            }
        }
        return warnings
    }
}
