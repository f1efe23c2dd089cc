import ChapterMarkdown
import PlaygroundTrainer

/// Makes the book's ``BookResults`` right after training: one ``CombinationResults`` per
/// combination of every experiment, from the run digests.
enum ResultsAnalysis {
    static func analyse(
        _ experiments: [ExperimentSpec], store: RunStore, worksheets: Set<String> = [], memory: ResultsMemory? = nil
    ) -> BookResults {
        var table: [String: [CombinationResults]] = [:]
        for spec in experiments {
            let worksheet = worksheets.contains(spec.id)
            table[spec.id] = spec.combinations.map { combination in
                guard let memory else { return analyse(combination, store: store, worksheet: worksheet) }
                return memory.results(.init(combination: combination, worksheet: worksheet)) {
                    analyse(combination, store: store, worksheet: worksheet)
                }
            }
        }
        return BookResults(experiments: table)
    }

    /// One combination's results: its runs' digests, the representative run's network and, for
    /// a worksheet, every run's record.
    static func analyse(_ combination: Combination, store: RunStore, worksheet: Bool) -> CombinationResults {
        let c = combination.settings.configuration
        var results = CombinationResults(
            runs: combination.jobs.compactMap { store.digest($0.key) }, epochBudget: c.epochs, stopRule: c.stopRule)
        // The representative run's weights, for the figures' descriptions (read from the cache).
        if results.runs.count == combination.jobs.count, !results.runs.isEmpty,
            let run = try? store.result(combination.jobs[results.representativeIndex])
        {
            results.network = NetworkSummary(configuration: c, parameters: run.final)
        }
        if worksheet {
            results.records = combination.jobs.compactMap { job in
                (try? store.result(job)).map { RunRecord($0, stopRule: c.stopRule) }
            }
        }
        return results
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
