import PlaygroundTrainer

/// Summaries of an experiment's combinations, read from run digests.
struct ResultsLookup {
    let store: RunStore

    func summary(_ combination: Combination) -> RunSummary {
        let digests = combination.jobs.compactMap { store.digest($0.key) }
        return RunSummary(runs: digests, epochBudget: combination.settings.configuration.epochs)
    }

    /// The text of `{value}`… for an experiment.
    func value(_ reference: ValueReference, spec: ExperimentSpec) -> (text: String, notReached: Bool) {
        if reference.metric.needsSweep {
            let candidates = spec.combinations.filter { $0.matches(reference.selectors.map { ($0.key, $0.value) }) }
            let ranked = candidates.map { ($0, summary($0)) }
            guard let best = rank(ranked, by: reference.metric).first else { return ("n/a", true) }
            return (best.0.shortLabel, false)
        }
        let combination = spec.combinations.first { $0.matches(reference.selectors.map { ($0.key, $0.value) }) } ?? spec.combinations[0]
        return ValueEvaluator(summary: summary(combination)).text(reference.metric)
    }

    /// Best first: fastest to the target (median epochs), then lowest test loss; or by loss or accuracy.
    func rank(_ items: [(Combination, RunSummary)], by metric: ValueMetric) -> [(Combination, RunSummary)] {
        func loss(_ s: RunSummary) -> Double { s.finalTestLoss?.median ?? .infinity }
        func accuracy(_ s: RunSummary) -> Double { s.finalTestAccuracy?.median ?? -.infinity }
        func epochs(_ s: RunSummary) -> Double {
            // Combinations that reached it with fewer seeds rank after those that always did.
            guard let e = s.targetEpochs else { return .infinity }
            return Double(s.seeds - s.reachedTarget) * 1e9 + e.median
        }
        return items.enumerated().sorted { a, b in
            let (x, y) = (a.element.1, b.element.1)
            switch metric {
            case .bestLoss: return (loss(x), a.offset) < (loss(y), b.offset)
            case .bestAccuracy: return (-accuracy(x), a.offset) < (-accuracy(y), b.offset)
            default: return (epochs(x), loss(x), a.offset) < (epochs(y), loss(y), b.offset)
            }
        }.map(\.element)
    }
}
