import PlaygroundTrainer

/// The caption and alt text of an experiment figure, written from the results analysis, so the
/// words under a figure name the same run and numbers as the figure, the table and the prose.
struct FigureDescription {
    /// The experiment's or comparison's ID, its author caption and display options.
    let ownerID: String
    let authorCaption: String?
    let display: PanelDisplay
    let panels: [ResultPanel]
    let kind: FigureKind

    /// Runs per panel (seeds × (resets + 1)) and what they are called.
    private var seeds: Int { panels[0].results.seedCount }
    private var noun: String { panels[0].results.runNoun }
    private var configuration: TrainingConfiguration { panels[0].settings.configuration }

    /// "Loss curves. {author's caption} Training (grey) and test (black) loss … seed 3 bold: the
    /// median of 5 seeds; 2 did not reach the target within 3000 epochs."
    var caption: String {
        var parts = [kind.displayName + "."]
        if let caption = authorCaption, !caption.isEmpty {
            parts.append(caption.hasSuffix(".") ? caption : caption + ".")
        }
        switch kind {
        case .boundary:
            parts.append(
                seeds > 1
                    ? "\(panels.count > 1 ? "Each panel shows the" : "The") median seed's network after training (\(ruleText))."
                    : "After training (\(singleRunNames)).")
            parts.append(Self.markerText(testData: display.showTestData))
        case .network:
            parts.append(
                "Each square shows what that neuron outputs over the plane; lines are weights (blue positive, orange negative, thicker for larger); the small square at a neuron's corner is its bias. Each hidden neuron is labelled layer.position from the top (1.2: first hidden layer, second neuron), as inline values name them."
            )
            if display.weightsOnLinks {
                parts.append("Each weight's value is written on its link and each bias (b) under its neuron, rounded to two decimals.")
            }
            if seeds > 1 { parts.append("The median seed's network (\(ruleText)).") }
        case .loss:
            parts.append(
                "Training loss (grey) and test loss (black) per epoch, at most \(configuration.epochs) epochs\(seeds > 1 ? ", \(seeds) \(noun); the median \(noun == "seeds" ? "seed" : "run") bold (\(ruleText))" : "")."
            )
        case .data:
            parts.append(
                (display.showTestData ? "Training and test points. " : "Training points only. ")
                    + Self.markerText(testData: display.showTestData))
        case .lossOverlay:
            parts.append(
                "Test loss per epoch, one colour and dash per \(panelNoun); each \(panelNoun)'s \(seeds) seed\(seeds == 1 ? "" : "s") thin, its median seed bold (\(ruleText)), on one pair of axes."
            )
        case .result:
            parts.append(
                "Each point is the median over \(seeds) seeds (the lower middle seed for an even count), the bar the fewest–most; triangles above the plot count the seeds that did not reach the target within \(configuration.epochs) epochs."
            )
        case .metricGrid:
            parts.append(
                "Each cell is the median over \(seeds) seeds, the value the table gives; the best cell (by the rule of the `best` values) is outlined."
            )
        case .activations:
            break
        case .boundaryTimeline:
            parts.append(
                "\(overTimeSubject) at \(overTimeEpochs), each panel titled with its epoch and the training and test loss there, on common axes."
            )
        case .networkTimeline:
            parts.append("\(overTimeSubject) at \(overTimeEpochs), each titled with its epoch and the training and test loss there.")
        case .weights:
            parts.append(
                "\(overTimeSubject): every weight (solid) and bias (dashed) against the epoch, one colour per layer; the grey lines mark \(overTimeEpochs)."
            )
        case .runs:
            let drawn = display.runsOf.map { kind -> String in
                switch kind {
                case .boundary: "its decision boundary"
                case .loss: "its training (grey) and test (black) loss"
                case .network: "its network"
                case .data: "its data"
                }
            }
            parts.append(
                "One small panel per run, \(seeds) \(noun)\(panels.count > 1 ? " per \(panelNoun)" : ""): \(drawn.joined(separator: ", ")). Panels are titled as the results table names runs; the median run (\(ruleText)), the one the other figures show, is marked “median”. \(display.sharedAxes || !display.runsOf.contains(.loss) ? "All panels share their axes." : "Loss panels each have their own axes.")"
            )
            if display.runsOf.contains(.boundary) { parts.append(Self.markerText(testData: display.showTestData)) }
        case .landscape:
            let landscape = display.landscape
            let directions =
                landscape.directions == .initial
                ? "α moves every weight and bias toward the initial weights (α = 1 is where training started) and β along a random direction at right angles to that, each neuron's part scaled to that neuron's own size (filter-normalised, after Li et al. 2018)"
                : "α and β move every weight and bias along two random directions, each neuron's part scaled to that neuron's own size (filter-normalised, after Li et al. 2018)"
            let scale = panels.count == 1 ? "the slice's" : display.sharedAxes ? "all panels'" : "each panel's"
            parts.append(
                "The training loss over a square slice of weight space through the \(seeds > 1 ? "median \(noun == "seeds" ? "seed" : "run")'s" : "run's") final weights, at the centre: \(directions), from −\(landscape.rangeText) to \(landscape.rangeText) on a \(landscape.grid) × \(landscape.grid) grid. Colours are \(LandscapeFigure.bands) bands of equal steps of log loss between \(scale) lowest and highest loss, dark where the loss is low; the bar above the plot gives the loss at each band's edges. The red line is the training path projected onto the slice, a marker at each sampled epoch, hollow at the start and large at the end (the centre)."
            )
        case .hiddenSpace:
            let wholeLayer = display.hiddenSpace.map { configuration.layerSizes[$0.layer] == 2 } ?? false
            parts.append(
                "Each training point is placed at the outputs of two hidden neurons for that point instead of at its inputs\(display.showTestData ? " (test points too)" : ""); the grey lines are the input plane's grid lines x₁, x₂ = −6, −4, …, 6 carried through the network into this plane. "
                    + (wholeLayer
                        ? "The two neurons are their whole layer, so the output depends on them alone: the background is the output for each pair of values, and where the classes lie on either side of its boundary the hidden layer has made them separable by a line."
                        : "Their layer has more neurons, so the output is not a function of these two alone and no background is drawn."))
            if display.hiddenSpace?.overTime == true {
                parts.append(
                    "\(overTimeSubject) at \(overTimeEpochs), each panel titled with its epoch and the training and test loss there; the panels of a run share their axes, so what moves is the data."
                )
            }
            if panels.count > 1 {
                let activations = Set(panels.map(\.settings.configuration.activation))
                parts.append(
                    !display.sharedAxes
                        ? "Each \(panelNoun) has its own axes."
                        : activations.count == 1
                            ? "All \(panelNoun)s share their axes."
                            : "\(panelNoun.capitalizedFirst)s of the same activation share their axes; each activation has its own, as different activations' outputs span different ranges (tanh's −1 to 1, ReLU's 0 up)."
                )
            }
        case .neuronMaps:
            parts.append(
                "Each panel is one hidden neuron of the \(seeds > 1 ? "median \(noun == "seeds" ? "seed" : "run")'s" : "run's") trained network, named layer.position from the top as the network figure labels it: its output over the input plane, blue where positive, orange where negative, white near 0 — the full-size picture of that neuron's square in the network figure\(configuration.hidden.count > 1 ? "; one row per hidden layer" : "")."
            )
        case .backprop:
            parts.append(
                "Forward: each neuron's z (its bias plus each input times its weight) and its output a = activation(z). Backward: the output error a − y; each neuron's δ = ∂E/∂z (the output's is the error times the activation's slope, a hidden neuron's the δs of the next layer times their weights, times its own slope); each weight's gradient ∂E/∂w = δ of the neuron it feeds × the output a of the neuron it comes from, a bias's gradient its neuron's δ; the step −lr·gradient and the new value (b′ is the new bias). The numbers are the trainer's own for one step on this example alone, from the \(seeds > 1 ? "median \(noun == "seeds" ? "seed" : "run")'s" : "run's") network; values to five decimals, gradients to four significant digits."
            )
        case .neuron:
            parts.append(
                "Each input times its weight gives a product; the products plus the bias give z, and the activation of z gives the neuron's output a. The numbers are the \(seeds > 1 ? "median seed's" : "run's") network's, rounded to three decimals; the curve on the right is the activation with (z, a) marked."
            )
        }
        if panels.count > 1 && kind.isPerCombination {
            parts.append(
                display.sharedAxes || kind != .loss
                    ? "One panel per combination, on common axes." : "One panel per combination, each with its own axes.")
        }
        return parts.joined(separator: " ")
    }

    /// The one run of each panel, named as the tables name runs: "seed 1", or "seed 2 and
    /// seed 6, one per panel" — never the first panel's seed for all.
    private var singleRunNames: String {
        let names = panels.compactMap { $0.results.runs.first.map(CombinationResults.name) }
        let distinct = names.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return distinct.count <= 1 ? (distinct.first ?? "seed \(configuration.seed)") : NetworkSummary.list(distinct) + ", one per panel"
    }

    /// The epochs the figures over time show for a panel's representative run.
    private func snapshotEpochs(_ panel: ResultPanel) -> [Int] {
        display.snapshots.epochs(lastEpoch: panel.results.representative.epochsRun)
    }

    // A sweep's panels are its combinations' runs (a sweep over `seed` has one seed each), and a
    // run that stopped early has other snapshot epochs than the rest: each is named then.

    /// Whose network a figure over time shows: "The median seed's network (…)", "Each
    /// combination's network"…
    private var overTimeSubject: String {
        let median = "median \(noun == "seeds" ? "seed" : "run")'s network (\(ruleText))"
        return seeds > 1
            ? (panels.count > 1 ? "Each \(panelNoun)'s " : "The ") + median
            : panels.count > 1
                ? "Each \(panelNoun)'s network" + (singleRunNames.contains(" and ") ? " (\(singleRunNames))" : "")
                : "The network (\(singleRunNames))"
    }

    /// "epochs 0, 1, 10" when every panel has the same snapshot epochs, else each panel's.
    private var overTimeEpochs: String {
        let lists = panels.map { snapshotEpochs($0).map(String.init).joined(separator: ", ") }
        return Set(lists).count <= 1
            ? "epochs " + lists[0]
            : "each one's snapshot epochs (" + zip(panels, lists).map { "\($0.title): \($1)" }.joined(separator: "; ") + ")"
    }

    private var panelNoun: String { panels[0].labels.first?.name == "experiment" ? "experiment" : "combination" }

    private var ruleText: String {
        configuration.stopRule != nil
            ? "by epochs to the target; seeds that did not reach it count as slowest"
            : "by final test loss"
    }

    /// How the data classes and splits are told apart, in shape as well as colour.
    static func markerText(testData: Bool) -> String {
        "Blue circles are positive points, orange squares negative"
            + (testData ? "; test points have a dark outline, training points a white one." : ".")
    }

    /// The alt text's limit: a screen reader reads an alt text in one breath, so it says what
    /// the figure is and its main result; every further number is in ``longDescription``.
    static let altLimit = 250

    /// "“A linear model on XOR”": how alt texts name an experiment — by its caption, else its
    /// title, never its internal ID — cut at a word to at most 70 characters.
    static func subject(caption: String?, title: String?) -> String {
        guard var name = [caption, title].compactMap({ $0?.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty })
        else { return "this experiment" }
        while name.hasSuffix(".") { name.removeLast() }
        if name.count > 70 {
            let cut = name.prefix(69)
            name = String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
        }
        return "“\(name)”"
    }

    /// An author's caption as an alt text: a sentence ("The figure shows the moons data set, …."),
    /// cut after its last whole sentence within ``altLimit``.
    static func sentence(_ caption: String) -> String {
        var text = caption.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return text }
        if !text.hasSuffix(".") { text += "." }
        let second = text.dropFirst().first
        let lowered = second.map { $0.isLowercase } ?? false ? text.prefix(1).lowercased() + text.dropFirst() : text
        text = "The figure shows " + lowered
        while text.count > altLimit, let stop = text.dropLast().lastIndex(of: ".") {
            text = String(text[...stop])
        }
        return text.count > altLimit ? String(text.prefix(altLimit - 1)) + "…" : text
    }

    /// The figure's sentences: what it is (`head`), then a sentence per panel (and the figure's
    /// own numbers, `extra`), as many as fit in ``altLimit``.
    private var sentences: (head: String, details: [String]) {
        var head = "\(kind.displayName) of \(ownerID)."
        if panels.count > 1 && kind.isPerCombination { head += " One panel per \(panelNoun)." }
        var details = panels.map { panel -> String in
            let text = panelText(panel)
            return (panel.title.isEmpty ? text.capitalizedFirst : "For \(panel.title), \(text)") + "."
        }
        if let extra, !extra.isEmpty { details.append(extra.capitalizedFirst + (extra.hasSuffix(".") ? "" : ".")) }
        return (head, details)
    }

    /// The figure's own numbers in words (a neuron figure's computation), after the panels.
    var extra: String? = nil

    /// What the figure shows in full sentences of at most ``altLimit`` characters, the main
    /// result first; what does not fit is in ``longDescription``.
    var altText: String {
        let (head, details) = sentences
        return Self.fitting(head, details).text
    }

    /// Sentences joined while they fit: the text and how many details it kept whole. The first
    /// detail that does not fit is shortened to its leading clauses (up to a "; ") when they
    /// fit, so the main result is said; the long description then carries it whole.
    static func fitting(_ head: String, _ details: [String]) -> (text: String, kept: Int) {
        var text = head.count > altLimit ? String(head.prefix(altLimit - 1)) + "…" : head
        var kept = 0
        for detail in details {
            if text.count + 1 + detail.count <= altLimit {
                text += " " + detail
                kept += 1
                continue
            }
            var clauses = detail.dropLast().components(separatedBy: "; ")
            while clauses.count > 1 {
                clauses.removeLast()
                let short = clauses.joined(separator: "; ") + "."
                if text.count + 1 + short.count <= altLimit {
                    text += " " + short
                    break
                }
            }
            break
        }
        return (text, kept)
    }

    /// More than the alt text can carry, for `aria-describedby`: the panels' sentences the alt
    /// text had no room for, every run's epoch to the target (loss curves), more of the
    /// strongest weights (network); nil where the alt text says it all.
    var longDescription: String? {
        let (head, details) = sentences
        let kept = Self.fitting(head, details).kept
        var parts = Array(details.dropFirst(kept))
        let texts: [String] = panels.compactMap { panel in
            let prefix = panel.title.isEmpty ? "" : panel.title + ": "
            let r = panel.results
            switch kind {
            case .loss:
                guard r.seedCount > 1 else { return nil }
                let seeds = r.runs.map { run -> String in
                    let outcome: String
                    if run.status == .diverged {
                        outcome = "diverged at epoch \(run.divergedAtEpoch ?? run.epochsRun)"
                    } else if r.stopRule != nil {
                        outcome = run.targetEpoch.map { "reached it at epoch \($0)" } ?? "did not reach it in \(r.epochBudget) epochs"
                    } else {
                        outcome = "ended at test loss \(ValueFormatting.loss(run.finalTestLoss))"
                    }
                    // Named as the results table names runs: "seed 1, reset 3".
                    return "\(CombinationResults.name(run)) \(outcome)"
                }
                return prefix + seeds.joined(separator: "; ")  // names with commas ("seed 1, reset 2")
            case .network:
                guard let network = r.network, !network.strongestWeights.isEmpty else { return nil }
                return prefix + network.weightsText(count: 5)
            case .backprop, .neuronMaps, .hiddenSpace, .landscape:
                return nil  // the figure's own numbers are its label and details
            case .runs:
                return prefix + r.runs.map { "\(CombinationResults.name($0)): \(Self.outcome($0, r))" }.joined(separator: "; ")
            case .boundary, .data, .lossOverlay, .result, .metricGrid, .activations, .boundaryTimeline, .networkTimeline,
                .weights, .neuron:
                return nil  // the sentences above say it all
            }
        }
        if !texts.isEmpty {
            let run = noun == "seeds" ? "seed" : "run"
            let what =
                kind == .loss
                ? "Each \(run) by epochs to the target: "
                : kind == .runs
                    ? "How each run ended: "
                    : "The strongest weights of the \(seeds > 1 ? "median \(run)'s " : "")network: "
            parts.append(what + texts.joined(separator: "; ") + ".")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// "reached it at epoch 120, final test loss 0.012", "diverged at epoch 40".
    static func outcome(_ run: RunDigest, _ r: CombinationResults) -> String {
        if run.status == .diverged { return "diverged at epoch \(run.divergedAtEpoch ?? run.epochsRun)" }
        var text = ""
        if r.stopRule != nil {
            text = run.targetEpoch.map { "reached the target at epoch \($0), " } ?? "did not reach the target in \(r.epochBudget) epochs, "
        }
        text += "final test loss \(ValueFormatting.loss(run.finalTestLoss))"
        if let accuracy = run.finalTestAccuracy { text += ", test accuracy \(ValueFormatting.percent(accuracy))" }
        return text
    }

    /// One panel in a sentence (without its full stop), lower-case first: "median seed 3 reached
    /// test loss ≤ 0.02 at epoch 412, with final test loss 0.012 and test accuracy 99.2 %".
    private func panelText(_ panel: ResultPanel) -> String {
        let r = panel.results
        let c = panel.settings.configuration
        let run = r.representative
        let name = CombinationResults.name(run)
        // Runs are named as the results table names them ("seed 1, reset 3").
        let who = r.seedCount > 1 ? (r.runNoun == "seeds" ? "median seed \(run.seed)" : "the median run (\(name))") : name
        let accuracy = run.finalTestAccuracy.map { " and test accuracy \(ValueFormatting.percent($0))" } ?? ""
        let results = "final test loss \(ValueFormatting.loss(run.finalTestLoss))\(accuracy)"
        let target: String
        if let rule = c.stopRule {
            if let epoch = run.targetEpoch, run.status != .diverged {
                target = "reached \(ValueFormatting.rule(rule)) at epoch \(epoch)"
            } else {
                target = run.status == .diverged ? "diverged" : "did not reach \(ValueFormatting.rule(rule)) in \(r.epochBudget) epochs"
            }
        } else {
            target = "ran \(run.epochsRun) epochs"
        }
        switch kind {
        case .boundary:
            var text = "\(who) \(target), with \(results)"
            if let where_ = r.network?.boundaryText { text += "; " + where_ }
            return text
        case .network:
            let shape =
                c.hidden.isEmpty
                ? "no hidden layer" : "hidden layers \(c.hidden.map(String.init).joined(separator: ", ")) (\(c.activation.rawValue))"
            var text = "the network of \(who) has inputs \(c.features.map(\.label).joined(separator: ", ")) and \(shape)"
            if let network = r.network, !network.strongestWeights.isEmpty {
                text += "; its strongest weights are " + network.weightsText(count: 3)
            }
            return text
        case .loss:
            if r.seedCount == 1 { return "one run, \(name), which \(target), with \(results)" }
            var text = "\(r.seedCount) \(r.runNoun)"
            if r.stopRule != nil { text += ", of which \(r.reachedCount) reached the target" }
            return text + "; the bold curve is \(who), which \(target), with \(results)"
        case .backprop, .neuronMaps, .hiddenSpace:
            return "the network of \(who)"
        case .landscape:
            return "the training loss around the final weights of \(who)"
        case .runs:
            var text = "\(r.seedCount) \(r.runNoun), \(who) marked"
            if let rule = c.stopRule { text += "; \(r.reachedCount) reached \(ValueFormatting.rule(rule))" }
            if let losses = r.finalTestLoss {
                text +=
                    losses.isSingleValue
                    ? "; final test loss \(ValueFormatting.loss(losses.minimum))"
                    : "; final test loss \(ValueFormatting.loss(losses.minimum)) to \(ValueFormatting.loss(losses.maximum))"
            }
            return text
        case .neuron:
            let neuron = display.neuron.map { $0.name == "output" ? "the output neuron" : "neuron \($0.name)" } ?? "a neuron"
            return "it works through \(neuron) of the network of \(who)"
        case .boundaryTimeline, .networkTimeline, .weights:
            let what = kind == .weights ? "weights and biases" : kind == .boundaryTimeline ? "boundary" : "network"
            return
                "the \(what) of \(who) at epochs \(snapshotEpochs(panel).map(String.init).joined(separator: ", ")); it \(target), with \(results)"
        case .data, .activations:
            return c.pointSet.map { "the points of \($0.fileName)" } ?? "the \(c.datasetDisplayName.lowercased()) data set"
        case .lossOverlay, .result, .metricGrid:
            var text = r.stopRule == nil ? "" : "\(r.reachedCount) of \(r.seedCount) \(r.runNoun) reached the target, "
            if r.stopRule != nil {
                text += r.medianEpochs.map { "median \($0) epochs" } ?? "median not reached in \(r.epochBudget) epochs"
            }
            let medianLoss = r.finalTestLoss.map { "median final test loss \(ValueFormatting.loss($0.median))" } ?? "diverged"
            return text.isEmpty ? medianLoss : text + ", " + medianLoss
        }
    }
}
