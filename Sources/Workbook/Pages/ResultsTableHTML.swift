import ChapterMarkdown
import PlaygroundTrainer

/// A results table: a row per panel (an experiment's combinations, or compared experiments),
/// medians with their range, the epochs to the target by the censored rule of
/// ``CombinationResults``.
struct ResultsTableHTML {
    let panels: [ResultPanel]
    let display: PanelDisplay
    /// Playground links per row (for sweeps and comparisons; a lone experiment has its own link).
    let rowLinks: Bool
    /// A worksheet's table: the same rows and columns, the result cells left empty to write in.
    var blank = false

    var html: String {
        let c = panels[0].settings.configuration
        let classification = !c.isRegression
        let links = rowLinks && panels.contains { $0.settings.configuration.isShowableInPlayground }
        var out = "<div class=\"lb-table-scroll\"><table class=\"lb-results\(blank ? " lb-blank-table" : "")\">\n<thead><tr>"
        for label in panels[0].labels { out += "<th scope=\"col\">\(HTML.escape(label.name))</th>" }
        if let rule = c.stopRule {
            out +=
                "<th scope=\"col\" class=\"num\">Epochs to \(HTML.escape(ValueFormatting.rule(rule)))<br><small>median (range), seeds reaching it</small></th>"
        }
        out += "<th scope=\"col\" class=\"num\">Final train loss</th><th scope=\"col\" class=\"num\">Final test loss</th>"
        if classification { out += "<th scope=\"col\" class=\"num\">Test accuracy</th>" }
        if links { out += "<th scope=\"col\" class=\"lb-links-col\">Playground</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for panel in panels {
            let r = panel.results
            out += "<tr>"
            for label in panel.labels { out += "<td>\(HTML.escape(label.value))</td>" }
            if blank {
                let cells = (c.stopRule != nil ? 1 : 0) + 2 + (classification ? 1 : 0)
                out += String(repeating: "<td class=\"num lb-blank-cell\"></td>", count: cells)
            } else {
                if c.stopRule != nil { out += epochsCell(r) }
                out += "<td class=\"num\">\(statisticText(r.finalTrainLoss, r, ValueFormatting.loss))</td>"
                out += "<td class=\"num\">\(statisticText(r.finalTestLoss, r, ValueFormatting.loss))</td>"
                if classification { out += "<td class=\"num\">\(statisticText(r.finalTestAccuracy, r, ValueFormatting.percent))</td>" }
            }
            if links {
                let settings = panel.settings
                if settings.configuration.isShowableInPlayground {
                    let url = PlaygroundLink.url(
                        for: settings.configuration, seed: settings.seeds[0],
                        display: display.linkOptions)
                    out += "<td class=\"lb-links-col\"><a class=\"lb-playground\" href=\"\(HTML.escape(url))\">open ↗</a></td>"
                } else {
                    out += "<td class=\"lb-links-col\"></td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n<caption>\(HTML.escape(captionText))</caption>\n</table></div>\n"
        return out
    }

    func epochsCell(_ r: CombinationResults) -> String {
        let reached = "<br><small>\(r.reachedCount) of \(r.seedCount)</small>"
        let range = r.reachedEpochs.map { ValueFormatting.range($0) { String(Int($0)) } }
        guard let median = r.medianEpochs else {
            let note = range.map { " <span class=\"lb-range\">(reached: \($0))</span>" } ?? ""
            return "<td class=\"num lb-not-reached\">not reached in \(r.epochBudget)\(note)\(reached)</td>"
        }
        let collapsed = r.reachedEpochs.map { ValueFormatting.printsAsOne($0) { String(Int($0)) } } ?? true
        let spread = collapsed ? "" : " <span class=\"lb-range\">(\(range ?? ""))</span>"
        return "<td class=\"num\">\(median)\(spread)\(reached)</td>"
    }

    func statisticText(_ statistic: Statistic?, _ r: CombinationResults, _ format: (Double) -> String) -> String {
        guard let statistic else { return r.divergedCount > 0 ? "diverged" : "—" }
        if statistic.count == 1 { return format(statistic.median) }
        // Every run prints alike: the value once, and that it is every run's ("0.020 (all 5)").
        if ValueFormatting.printsAsOne(statistic, format) {
            return "\(format(statistic.median))<br><span class=\"lb-range\">(all \(statistic.count))</span>"
        }
        return "\(format(statistic.median))<br><span class=\"lb-range\">(\(format(statistic.minimum))–\(format(statistic.maximum)))</span>"
    }

    var captionText: String {
        // The runs each row shows: one sentence when every row has the same seeds, else the
        // seeds named per row (a sweep over the seed, a comparison of experiments with
        // different seed counts) — never the first row's seeds for all.
        let seedLists = panels.map(\.settings.seeds)
        let same = Set(seedLists).count == 1 && Set(panels.map(\.settings.resetCount)).count == 1
        let seeds = seedLists[0]
        let rule = panels[0].settings.configuration.stopRule
        if blank {
            var text: String
            if same {
                text =
                    seeds.count > 1
                    ? "To fill in: \(seeds.count) seeds (\(seeds.joined(separator: ", "))) per row; write the median with the fewest–most in brackets."
                    : "To fill in: one seed (\(seeds[0]))."
            } else {
                text = "To fill in: \(perRow)."
                if seedLists.contains(where: { $0.count > 1 }) {
                    text += " Where a row has several seeds, write the median with the fewest–most in brackets."
                }
            }
            if let rule {
                text += " Epochs to \(ValueFormatting.rule(rule)): write how many seeds reached it, or \"not reached\"."
            }
            return text
        }
        let resets = panels[0].settings.resetCount
        var text: String
        if !same {
            text = "\(perRow)."
            if panels.contains(where: { $0.results.seedCount > 1 }) {
                text +=
                    " Where a row has several runs: medians with the range in brackets; a median of an even number of runs is the lower middle run's value."
            }
        } else if resets > 0 {
            text =
                "\(seeds.count * (resets + 1)) runs per row: seed\(seeds.count == 1 ? "" : "s") \(seeds.joined(separator: ", ")), each on the fresh page and after \(resets) press\(resets == 1 ? "" : "es") of the reset button (same data, a new network each time); medians with the range in brackets; a median of an even number of runs is the lower middle run's value."
        } else if seeds.count > 1 {
            text = "\(seeds.count) seeds (\(seeds.joined(separator: ", "))) per row; medians with the range in brackets."
            // Said only where it applies: with an odd count the median is a seed's own value anyway.
            if seeds.count % 2 == 0 { text += " A median of an even number of seeds is the lower middle seed's value." }
        } else {
            text = "One seed (\(seeds[0]))."
        }
        let c = panels[0].settings.configuration
        if let rule, panels.contains(where: { $0.results.seedCount > 1 }) {
            let run = panels.contains { $0.results.runNoun == "runs" } ? "run" : "seed"
            text +=
                " Epochs to \(ValueFormatting.rule(rule)): a \(run) that did not reach it within \(c.epochs) epochs counts as slower than all that did, so the median is \"not reached\" when fewer than half reached it; the range covers the \(run)s that reached it."
        }
        return text
    }

    /// The runs of each row, for rows that differ: "Seeds 2 and 6, one per row", or each row
    /// by its label: "hidden layers = 0: seed 1; hidden layers = 1: seeds 1, 2 and 3".
    var perRow: String {
        let settings = panels.map(\.settings)
        if settings.allSatisfy({ $0.seeds.count == 1 && $0.resetCount == 0 }) {
            let names = settings.map { $0.seeds[0] }
            return "\(names.count == 1 ? "Seed" : "Seeds") \(NetworkSummary.list(names)), one per row"
        }
        return panels.map { panel in
            let seeds = panel.settings.seeds
            var runs = "\(seeds.count == 1 ? "seed" : "seeds") \(NetworkSummary.list(seeds))"
            let resets = panel.settings.resetCount
            if resets > 0 { runs += ", each on the fresh page and after \(resets) press\(resets == 1 ? "" : "es") of the reset button" }
            return panel.labels.isEmpty ? runs : "\(panel.title): \(runs)"
        }.joined(separator: "; ").capitalizedFirst
    }
}

extension String {
    /// The text with its first character upper-cased ("seed 2" → "Seed 2").
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
