import ChapterMarkdown
import Foundation
import PlaygroundTrainer

/// The HTML of one experiment on its page: figures, results table, Playground link and the
/// folded full configuration. Every number comes from the results analysis (``CombinationResults``).
struct ExperimentHTML {
    let spec: ExperimentSpec
    let figures: [PlannedFigure]
    let rendered: [String: RenderedFigure]
    let results: [CombinationResults]
    /// Vector figures for print (the handout) instead of PNGs.
    let vector: Bool
    let figurePrefix: String
    /// The "Data and runs" link; nil when the edition writes no downloads for it.
    var downloads: ExperimentDownloads? = nil
    /// A worksheet in the student edition: this (instructor) page adds the sheet's key.
    var worksheetKey = false

    var html: String {
        var out = "<div class=\"lb-experiment\" id=\"\(spec.id)\">\n"
        if let title = spec.title { out += "<h3 class=\"lb-experiment-title\">\(HTML.escape(title))</h3>\n" }
        for figure in figures {
            out += figureHTML(figure)
        }
        out += divergenceWarning()
        if spec.showsTable {
            out += ResultsTableHTML(panels: panels, display: spec.display, rowLinks: spec.isSweep).html
        }
        if worksheetKey {
            let key = WorksheetTableHTML(
                panels: panels, display: spec.display, record: spec.recordItems, runs: spec.worksheetRuns, blank: false, id: spec.id)
            out += key.keyHTML
        }
        if !spec.isSweep, spec.base.configuration.isShowableInPlayground {
            let c = spec.combinations[0].settings
            let url = PlaygroundLink.url(for: c.configuration, seed: c.seeds[0], display: display)
            let resets =
                c.resetCount > 0
                ? " <span class=\"lb-reset-note\">The link opens seed \(HTML.escape(c.seeds[0]))'s page (reset 0); press the reset button r times, training after each press, to see run \"reset r\".</span>"
                : ""
            // Said beside the link: what the lesson's page still lets a student change.
            let hidden = spec.playgroundHiding.stillChangeable.map { " <span class=\"lb-reset-note\">\(HTML.escape($0))</span>" } ?? ""
            out +=
                "<p class=\"lb-links\"><a class=\"lb-playground\" href=\"\(HTML.escape(url))\">Open in the Playground ↗</a>\(resets)\(hidden)</p>\n"
        } else if let reason = spec.combinations.lazy.compactMap(\.settings.configuration.datasetOutsidePlayground).first {
            // Said, not left out in silence: the reader should not look for a link.
            out += "<p class=\"lb-links lb-no-link\">No Playground link: \(HTML.escape(reason)).</p>\n"
        }
        if let downloads { out += DownloadsPage.linkHTML(downloads) }
        out += configuration()
        out += "</div>\n"
        return out
    }

    var panels: [ResultPanel] { ResultPanel.panels(of: spec, results: results) }

    var display: PlaygroundLink.DisplayOptions {
        .init(showTestData: spec.showTestData, discretize: spec.discretize, hiding: spec.playgroundHiding)
    }

    func figureHTML(_ planned: PlannedFigure) -> String {
        PanelFigureHTML(
            ownerID: spec.id, ownerName: FigureDescription.subject(caption: spec.caption, title: spec.title), authorCaption: spec.caption,
            display: spec.display,
            panels: panels, rendered: rendered, vector: vector, figurePrefix: figurePrefix
        ).html(planned, slider: sliderHTML(planned), coveredBySlider: isCoveredBySlider(planned))
    }

    /// A later timeline of an experiment whose first timeline carries the slider: the slider
    /// shows its frames too, side by side with the first kind's, so on screen it would repeat them.
    func isCoveredBySlider(_ planned: PlannedFigure) -> Bool {
        let kinds = SliderFrames.kinds(of: spec)
        guard !vector, kinds.contains(planned.kind), let first = spec.figures.first(where: kinds.contains), planned.kind != first
        else { return false }
        return SliderFrames.combinations(spec, results: results) != nil
    }

    /// The epoch slider goes with the first timeline figure (boundary or network) on screen.
    func sliderHTML(_ planned: PlannedFigure) -> String {
        let kinds = SliderFrames.kinds(of: spec)
        guard !vector, planned.kind == spec.figures.first(where: kinds.contains),
            let combinations = SliderFrames.combinations(spec, results: results)
        else { return "" }
        return EpochSliderHTML(
            ownerID: spec.id, kinds: kinds, combinations: combinations,
            rendered: rendered, figurePrefix: figurePrefix, subject: FigureDescription.subject(caption: spec.caption, title: spec.title)
        ).html
    }

    func divergenceWarning() -> String {
        var out = ""
        for (combination, result) in zip(spec.combinations, results) {
            let diverged = result.runs.filter { $0.status == .diverged }
            guard !diverged.isEmpty else { continue }
            let which = combination.assignments.isEmpty ? "" : " (\(combination.label))"
            out +=
                "<p class=\"lb-warning\">Training diverged\(HTML.escape(which)) for seed \(HTML.escape(diverged.map(\.seed).joined(separator: ", "))): the loss became NaN or infinite at epoch \(diverged[0].divergedAtEpoch ?? 0). The curves stop there; the tables count the run as not reaching the target.</p>\n"
        }
        return out
    }

    func configuration() -> String {
        var out = "<details class=\"lb-config\"><summary>Full configuration of <code>\(HTML.escape(spec.id))</code></summary>\n<table>\n"
        let varied = Dictionary(uniqueKeysWithValues: spec.sweep.map { ($0.key.rawValue, $0.values) })
        for (key, value) in spec.base.configuration.resolvedSettings {
            let shown = varied[key].map { "varied: " + $0.map(\.text).joined(separator: " | ") } ?? value
            out += "<tr><th>\(HTML.escape(key))</th><td><code>\(HTML.escape(shown))</code></td></tr>\n"
        }
        out += "<tr><th>seeds</th><td><code>\(HTML.escape(spec.combinations[0].settings.seeds.joined(separator: ", ")))</code></td></tr>\n"
        out += "</table>\n</details>\n"
        return out
    }
}
