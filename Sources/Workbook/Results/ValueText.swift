import PlaygroundTrainer

/// The text of an inline value, read from the book's results by the rules of
/// ``CombinationResults`` and ``Ranking``. `{value}` gives the number with a short qualifier
/// ("121 epochs (median of 5 seeds)"); `{number}` the bare number ("121").
struct ValueText {
    let spec: ExperimentSpec
    let results: [CombinationResults]

    /// The text and whether it reports a target not reached (styled differently).
    func text(_ value: ResolvedValue) -> (text: String, notReached: Bool) {
        let metric = value.metric
        if metric.comparesCombinations { return best(value) }
        let r = Self.runs(results[value.combinations[0]], seed: value.runSeed, reset: value.runReset)
        let plain = value.plain
        let qualifier = r.seedCount > 1 ? " (median of \(r.seedCount) \(r.runNoun))" : ""
        switch metric {
        case .epochs:
            guard let median = r.medianEpochs else {
                if plain { return ("not reached", true) }
                let who =
                    r.seedCount == 1
                    ? ""
                    : r.reachedCount == 0
                        ? " (none of the \(r.seedCount) \(r.runNoun) reached it)"
                        : " by the median seed (\(r.reachedCount) of \(r.seedCount) reached it)"
                return ("not reached in \(r.epochBudget) epochs\(who)", true)
            }
            if plain { return (ValueFormatting.epochs(median), false) }
            var text = "\(median) epochs"
            if r.seedCount > 1 {
                text +=
                    r.notReachedCount == 0
                    ? qualifier
                    : " (median of \(r.seedCount) \(r.runNoun); \(r.notReachedCount) did not reach it in \(r.epochBudget) epochs)"
            }
            return (text, false)
        case .epochsRange:
            guard let range = r.reachedEpochs else {
                return (plain ? "not reached" : "not reached in \(r.epochBudget) epochs", true)
            }
            let text = ValueFormatting.range(range) { String(Int($0)) }
            if plain { return (text, false) }
            return (text + " epochs" + Self.allAlike(range, { String(Int($0)) }, r, reachedOnly: true), false)
        case .reached:
            if r.seedCount == 1 {
                if plain { return (r.reachedCount == 1 ? "1 of 1" : "0 of 1", r.reachedCount == 0) }
                if let epoch = r.runs[0].targetEpoch, r.runs[0].status != .diverged {
                    return ("reached the target at epoch \(epoch)", false)
                }
                return ("did not reach the target in \(r.epochBudget) epochs", true)
            }
            return (plain ? "\(r.reachedCount) of \(r.seedCount)" : "\(r.reachedCount) of \(r.seedCount) \(r.runNoun)", r.reachedCount == 0)
        case .reachedCount: return (String(r.reachedCount), r.reachedCount == 0)
        case .reachedShare:
            return (ValueFormatting.share(r.reachedCount, of: r.seedCount), r.reachedCount == 0)
        case .testLoss: return median(r.finalTestLoss, ValueFormatting.loss, r, plain)
        case .trainLoss: return median(r.finalTrainLoss, ValueFormatting.loss, r, plain)
        case .testAccuracy: return median(r.finalTestAccuracy, ValueFormatting.percent, r, plain)
        case .trainAccuracy: return median(r.finalTrainAccuracy, ValueFormatting.percent, r, plain)
        case .gap: return median(r.gap, ValueFormatting.loss, r, plain)
        case .testLossRange: return range(r.finalTestLoss, ValueFormatting.loss, r, plain)
        case .trainLossRange: return range(r.finalTrainLoss, ValueFormatting.loss, r, plain)
        case .testAccuracyRange: return range(r.finalTestAccuracy, ValueFormatting.percent, r, plain)
        case .trainAccuracyRange: return range(r.finalTrainAccuracy, ValueFormatting.percent, r, plain)
        case .gapRange: return range(r.gap, ValueFormatting.loss, r, plain)
        case .budget: return (String(r.epochBudget), false)
        case .seeds: return (String(spec.seedCount), false)
        case .resets: return (String(spec.base.resetCount), false)
        case .runs: return (String(r.seedCount), false)
        case .weight, .bias:
            // The representative run's final value, as the network figure draws it.
            let table = value.metric == .weight ? r.network?.weightsByLink : r.network?.biasesByNode
            guard let number = value.node.flatMap({ table?[$0] }) else { return ("n/a", true) }
            let text = NetworkSummary.weight(number)
            return (plain || r.seedCount == 1 ? text : "\(text) (median seed \(r.representative.seed))", false)
        case .best, .bestEpochs, .bestByLoss, .bestLoss, .bestByAccuracy, .bestAccuracy:
            return best(value)
        }
    }

    /// The analysis of only the runs a `[seed=…]` / `[reset=…]` selector picks.
    static func runs(_ r: CombinationResults, seed: String?, reset: Int?) -> CombinationResults {
        guard seed != nil || reset != nil else { return r }
        let picked = r.runs.filter { run in
            (seed == nil || run.seed == seed) && (reset == nil || run.reset == reset)
        }
        return CombinationResults(runs: picked, epochBudget: r.epochBudget, stopRule: r.stopRule)
    }

    private func median(
        _ statistic: Statistic?, _ format: (Double) -> String, _ r: CombinationResults, _ plain: Bool
    ) -> (String, Bool) {
        guard let statistic else { return (r.divergedCount > 0 ? "diverged" : "n/a", true) }
        let text = format(statistic.median)
        return (plain || r.seedCount == 1 ? text : "\(text) (median of \(r.seedCount) \(r.runNoun))", false)
    }

    private func range(
        _ statistic: Statistic?, _ format: (Double) -> String, _ r: CombinationResults, _ plain: Bool
    ) -> (String, Bool) {
        guard let statistic else { return (r.divergedCount > 0 ? "diverged" : "n/a", true) }
        let text = ValueFormatting.range(statistic, format)
        return (plain ? text : text + Self.allAlike(statistic, format, r, reachedOnly: false), false)
    }

    /// " in all 5 runs" when a range of several runs prints as one value, so "0.020" does not
    /// read as one run's; empty otherwise. `reachedOnly`: the range covers the runs that
    /// reached the target ("in all 4 seeds that reached it").
    static func allAlike(
        _ statistic: Statistic, _ format: (Double) -> String, _ r: CombinationResults, reachedOnly: Bool
    ) -> String {
        guard statistic.count > 1, ValueFormatting.printsAsOne(statistic, format) else { return "" }
        let whose = reachedOnly && statistic.count < r.seedCount ? " that reached it" : ""
        return " in all \(statistic.count) \(r.runNoun)\(whose)"
    }

    /// The winner of a sweep among the selected combinations: its setting or its value.
    private func best(_ value: ResolvedValue) -> (String, Bool) {
        let criterion: Ranking.Criterion
        switch value.metric {
        case .bestByLoss, .bestLoss: criterion = .loss
        case .bestByAccuracy, .bestAccuracy: criterion = .accuracy
        default: criterion = .epochs
        }
        guard let winner = Ranking.order(results, candidates: value.combinations, by: criterion).first else {
            return ("n/a", true)
        }
        let combination = spec.combinations[winner]
        let r = results[winner]
        switch value.metric {
        case .best, .bestByLoss, .bestByAccuracy:
            // The varied values that differ among the candidates name the winner.
            let varying = spec.sweep.indices.filter { axis in
                Set(value.combinations.map { spec.combinations[$0].assignments[axis] }).count > 1
            }
            let names = (varying.isEmpty ? Array(spec.sweep.indices) : varying).map { combination.assignments[$0].text }
            return (names.joined(separator: ", "), false)
        case .bestEpochs:
            return text(ResolvedValue(experimentID: spec.id, combinations: [winner], metric: .epochs, plain: value.plain))
        case .bestLoss:
            return median(r.finalTestLoss, ValueFormatting.loss, r, value.plain)
        default:
            return median(r.finalTestAccuracy, ValueFormatting.percent, r, value.plain)
        }
    }
}
