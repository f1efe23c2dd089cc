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
            parts.append(seeds > 1 ? "Network of the median seed (by final test loss) after training." : "After training (seed \(spec.base.configuration.seed)).")
            if spec.showTestData { parts.append("Test points have a dark outline.") }
        case "network":
            parts.append("Each square shows what that neuron outputs over the plane; lines are weights (blue positive, orange negative, width ∝ size).")
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
        var out = "<table class=\"lb-results\">\n<thead><tr>"
        for axis in spec.sweep { out += "<th>\(HTML.escape(axis.key.rawValue))</th>" }
        out += "<th class=\"num\">Seeds</th>"
        if hasRule { out += "<th class=\"num\">Epochs to \(HTML.escape(c.stopRule!.description)) (median, range)</th><th class=\"num\">Reached</th>" }
        out += "<th class=\"num\">Final train loss</th><th class=\"num\">Final test loss</th>"
        if classification { out += "<th class=\"num\">Test accuracy</th>" }
        if spec.isSweep && c.isShowableInPlayground { out += "<th>Playground</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for combination in spec.combinations {
            let s = results.summary(combination)
            out += "<tr>"
            for assignment in combination.assignments {
                out += "<td>\(HTML.escape(assignment.value.isEmpty ? "none" : assignment.value))</td>"
            }
            out += "<td class=\"num\">\(s.seeds)</td>"
            if hasRule {
                if let e = s.targetEpochs {
                    let range = e.minimum == e.maximum ? "" : " (\(ValueFormatting.epochs(e.minimum))–\(ValueFormatting.epochs(e.maximum)))"
                    out += "<td class=\"num\">\(ValueFormatting.epochs(e.median))\(range)</td>"
                } else {
                    out += "<td class=\"num lb-not-reached\">not reached in \(s.epochBudget) epochs</td>"
                }
                out += "<td class=\"num\">\(s.reachedTarget)/\(s.seeds)</td>"
            }
            out += "<td class=\"num\">\(spreadText(s.finalTrainLoss, ValueFormatting.loss))</td>"
            out += "<td class=\"num\">\(spreadText(s.finalTestLoss, ValueFormatting.loss))</td>"
            if classification { out += "<td class=\"num\">\(spreadText(s.finalTestAccuracy, ValueFormatting.percent))</td>" }
            if spec.isSweep && c.isShowableInPlayground {
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
        out += "</tbody>\n</table>\n"
        return out
    }

    func spreadText(_ spread: Spread?, _ format: (Double) -> String) -> String {
        guard let spread else { return "—" }
        if spread.count == 1 || spread.minimum == spread.maximum { return format(spread.median) }
        return "\(format(spread.median)) <span class=\"lb-range\">(\(format(spread.minimum))–\(format(spread.maximum)))</span>"
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
