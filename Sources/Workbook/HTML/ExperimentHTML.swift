import ChapterMarkdown
import Foundation
import PlaygroundTrainer

/// The HTML of one experiment on its page: figures, results table, Playground link and the
/// folded full configuration.
struct ExperimentHTML {
    let spec: ExperimentSpec
    let figures: [(kind: String, place: FigurePlace)]
    let rendered: [String: RenderedFigure]
    let results: ResultsLookup
    /// Vector figures for print (the handout) instead of PNGs.
    let vector: Bool
    let figurePrefix: String

    var html: String {
        var out = "<div class=\"lb-experiment\" id=\"\(HTML.escape(spec.id))\">\n"
        if let title = spec.title { out += "<p class=\"lb-experiment-title\"><strong>\(HTML.escape(title))</strong></p>\n" }
        for (kind, place) in figures {
            out += figureHTML(kind: kind, place: place)
        }
        out += divergenceWarning()
        if spec.showsTable { out += table() }
        if !spec.isSweep, spec.base.configuration.isShowableInPlayground {
            let c = spec.combinations[0].settings
            let url = PlaygroundLink.url(for: c.configuration, seed: c.seeds[0], display: display)
            out += "<p class=\"lb-links\"><a class=\"lb-playground\" href=\"\(HTML.escape(url))\">Open in the Playground ↗</a></p>\n"
        }
        out += configuration()
        out += "</div>\n"
        return out
    }

    var display: PlaygroundLink.DisplayOptions {
        .init(showTestData: spec.showTestData, discretize: spec.discretize)
    }

    func figureHTML(kind: String, place: FigurePlace) -> String {
        let stem = "\(spec.id)-\(kind)"
        guard let figure = rendered[stem] else { return "" }
        let wide = spec.isSweep || figure.width > 640
        let src = figurePrefix + stem + (vector ? ".svg" : ".png")
        var out = "<figure class=\"lb-figure\(wide ? " lb-wide" : "")\" id=\"\(place.anchor)\">\n"
        out += "<a href=\"\(figurePrefix)\(stem).svg\"><img src=\"\(src)\" width=\"\(Int(figure.width))\" height=\"\(Int(figure.height))\" alt=\"\(HTML.escape(altText(kind)))\"></a>\n"
        out += "<figcaption><span class=\"lb-fignum\">Figure \(place.label)</span> \(HTML.escape(captionText(kind)))</figcaption>\n"
        out += "</figure>\n"
        return out
    }

    func altText(_ kind: String) -> String {
        "\(kindName(kind)) of experiment \(spec.id): \(spec.base.configuration.shortDescription)"
    }

    func kindName(_ kind: String) -> String {
        switch kind {
        case "boundary": "Decision boundary"
        case "network": "Network"
        case "loss": "Loss curves"
        case "data": "Data"
        default: kind
        }
    }

    /// "Loss curves. {caption} Training (grey) and test (black) loss, 5 seeds, median bold."
    func captionText(_ kind: String) -> String {
        var parts = [kindName(kind) + "."]
        if let caption = spec.caption, !caption.isEmpty {
            parts.append(caption.hasSuffix(".") ? caption : caption + ".")
        }
        let seeds = spec.seedCount
        let epochs = spec.base.configuration.epochs
        switch kind {
        case "boundary":
            parts.append(seeds > 1 ? "The median seed's network after training (median by epochs to the target, or by final test loss without one)." : "After training (seed \(spec.base.configuration.seed)).")
            if spec.showTestData { parts.append("Test points have a dark outline.") }
        case "network":
            parts.append("Each square shows what that neuron outputs over the plane; lines are weights (blue positive, orange negative, thicker for larger); the small square at a neuron's corner is its bias.")
        case "loss":
            parts.append("Training loss (grey) and test loss (black) per epoch, at most \(epochs) epochs\(seeds > 1 ? ", \(seeds) seeds, the median seed bold" : "").")
        case "data":
            parts.append(spec.showTestData ? "Training and test points." : "Training points only.")
        default: break
        }
        if spec.isSweep { parts.append("One panel per combination.") }
        return parts.joined(separator: " ")
    }

    func divergenceWarning() -> String {
        var out = ""
        for combination in spec.combinations {
            let diverged = combination.jobs.compactMap { results.store.digest($0.key) }.filter { $0.status == .diverged }
            guard !diverged.isEmpty else { continue }
            let which = combination.assignments.isEmpty ? "" : " (\(combination.label))"
            out += "<p class=\"lb-warning\">Training diverged\(HTML.escape(which)) for seed \(HTML.escape(diverged.map(\.seed).joined(separator: ", "))): the loss became NaN or infinite at epoch \(diverged[0].divergedAtEpoch ?? 0). The curves stop there.</p>\n"
        }
        return out
    }

    func table() -> String {
        let c = spec.base.configuration
        let hasRule = c.stopRule != nil
        let classification = !c.isRegression
        let links = spec.isSweep && c.isShowableInPlayground
        var out = "<table class=\"lb-results\">\n<thead><tr>"
        for axis in spec.sweep { out += "<th>\(HTML.escape(axis.key.rawValue))</th>" }
        if hasRule {
            out += "<th class=\"num\">Epochs to \(HTML.escape(c.stopRule!.description))<br><small>median (range), seeds reaching it</small></th>"
        }
        out += "<th class=\"num\">Final train loss</th><th class=\"num\">Final test loss</th>"
        if classification { out += "<th class=\"num\">Test accuracy</th>" }
        if links { out += "<th>Playground</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for combination in spec.combinations {
            let s = results.summary(combination)
            out += "<tr>"
            for assignment in combination.assignments {
                out += "<td>\(HTML.escape(assignment.value.isEmpty ? "none" : assignment.value))</td>"
            }
            if hasRule {
                if let e = s.targetEpochs {
                    let range = e.minimum == e.maximum ? "" : " <span class=\"lb-range\">(\(ValueFormatting.epochs(e.minimum))–\(ValueFormatting.epochs(e.maximum)))</span>"
                    out += "<td class=\"num\">\(ValueFormatting.epochs(e.median))\(range)<br><small>\(s.reachedTarget) of \(s.seeds)</small></td>"
                } else {
                    out += "<td class=\"num lb-not-reached\">not reached in \(s.epochBudget) epochs<br><small>0 of \(s.seeds)</small></td>"
                }
            }
            out += "<td class=\"num\">\(spreadText(s.finalTrainLoss, ValueFormatting.loss))</td>"
            out += "<td class=\"num\">\(spreadText(s.finalTestLoss, ValueFormatting.loss))</td>"
            if classification { out += "<td class=\"num\">\(spreadText(s.finalTestAccuracy, ValueFormatting.percent))</td>" }
            if links {
                let settings = combination.settings
                if settings.configuration.isShowableInPlayground {
                    let url = PlaygroundLink.url(for: settings.configuration, seed: settings.seeds[0], display: display)
                    out += "<td><a class=\"lb-playground\" href=\"\(HTML.escape(url))\">open ↗</a></td>"
                } else {
                    out += "<td></td>"
                }
            }
            out += "</tr>\n"
        }
        let seedsNote = spec.seedCount > 1 ? "\(spec.seedCount) seeds (\(spec.combinations[0].settings.seeds.joined(separator: ", "))) per row; losses and accuracy are medians with the range in brackets." : "One seed (\(c.seed))."
        out += "</tbody>\n<caption>\(HTML.escape(seedsNote))</caption>\n</table>\n"
        return out
    }

    func spreadText(_ spread: Spread?, _ format: (Double) -> String) -> String {
        guard let spread else { return "—" }
        if spread.count == 1 || spread.minimum == spread.maximum { return format(spread.median) }
        return "\(format(spread.median))<br><span class=\"lb-range\">(\(format(spread.minimum))–\(format(spread.maximum)))</span>"
    }

    func configuration() -> String {
        var out = "<details class=\"lb-config\"><summary>Full configuration of <code>\(HTML.escape(spec.id))</code></summary>\n<table>\n"
        let varied = Dictionary(uniqueKeysWithValues: spec.sweep.map { ($0.key.rawValue, $0.values) })
        for (key, value) in spec.base.configuration.resolvedSettings {
            let shown = varied[key].map { "varied: " + $0.map { $0.isEmpty ? "none" : $0 }.joined(separator: " | ") } ?? value
            out += "<tr><th>\(HTML.escape(key))</th><td><code>\(HTML.escape(shown))</code></td></tr>\n"
        }
        out += "<tr><th>seeds</th><td><code>\(HTML.escape(spec.combinations[0].settings.seeds.joined(separator: ", ")))</code></td></tr>\n"
        out += "</table>\n</details>\n"
        return out
    }
}
