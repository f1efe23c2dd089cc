import ChapterMarkdown

/// A numbered `<figure>` with its image, alt text and caption, for experiments and comparisons.
struct PanelFigureHTML {
    let ownerID: String
    /// "“A linear model on XOR”": how alt texts name the figure's source (its caption or
    /// title, never its ID; ``FigureDescription/subject(caption:title:)``).
    let ownerName: String
    let authorCaption: String?
    let display: PanelDisplay
    let panels: [ResultPanel]
    let rendered: [String: RenderedFigure]
    let vector: Bool
    let figurePrefix: String

    /// `slider`: an epoch slider's HTML (``EpochSliderHTML``), placed between the image and the
    /// caption; the image it replaces on screen stays for print and for pages without script.
    /// `coveredBySlider`: a timeline whose frames another figure's slider already shows (the
    /// network beside the boundary); the script hides it on screen, print keeps it.
    func html(_ planned: PlannedFigure, slider: String = "", coveredBySlider: Bool = false) -> String {
        let stem = "\(ownerID)-\(planned.kind.rawValue)"
        guard let figure = rendered[stem] else { return "" }
        let wide = panels.count > 1 || figure.width > 640
        // A figure that carries its numbers in words (the neuron figure) says them too.
        let description = FigureDescription(
            ownerID: ownerName, authorCaption: authorCaption, display: display, panels: panels, kind: planned.kind,
            extra: figure.label)
        let sliderClass = (slider.isEmpty ? "" : " lb-has-slider") + (coveredBySlider ? " lb-slider-companion" : "")
        var out = "<figure class=\"lb-figure\(wide ? " lb-wide" : "")\(sliderClass)\" id=\"\(planned.place.anchor)\">\n"
        let long = [description.longDescription, figure.details].compactMap { $0 }.joined(separator: " ").nilIfEmpty
        let describedBy = long == nil ? "" : " aria-describedby=\"\(planned.place.anchor)-description\""
        // The image is no link (no tab stop of its own); the caption's link says where it goes.
        let alt = description.altText
        out +=
            FigureImageHTML(
                stem: stem, figure: figure, alt: alt, vector: vector, figurePrefix: figurePrefix, describedBy: describedBy
            ).html
        out += slider
        out += "<figcaption><span class=\"lb-fignum\">Figure \(planned.place.label)</span> \(HTML.escape(description.caption))"
        out += " " + FigureLink.html(href: "\(figurePrefix)\(stem).svg", label: planned.place.label) + "</figcaption>\n"
        if let long {
            out += "<p class=\"lb-visually-hidden\" id=\"\(planned.place.anchor)-description\">\(HTML.escape(long))</p>\n"
        }
        out += "</figure>\n"
        return out
    }
}

extension PanelFigureHTML {
    /// Screen pages load each figure only when it nears the window (`loading="lazy"`), so a
    /// page costs what a reader scrolls to. A timeline that an epoch slider replaces on screen
    /// is hidden there from the first layout (the stylesheet's `scripting: enabled` rule), and
    /// a lazy image that is not displayed is never fetched: it stays for print and for pages
    /// without script. The handout (vector figures, for paper) loads everything at once.
    static func loading(vector: Bool) -> String {
        vector ? "" : " loading=\"lazy\" decoding=\"async\""
    }
}

extension String {
    /// nil for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// The visible link under every figure to its full-size vector file: on a phone a figure is
/// shrunk to the column, and its labels become readable only when it is opened.
enum FigureLink {
    static func html(href: String, label: String) -> String {
        "<a class=\"lb-figure-open\" href=\"\(HTML.escape(href))\">Open Figure \(HTML.escape(label)) full size</a>"
    }
}

/// A `{compare}` block: its figures over the compared experiments and one results table.
struct ComparisonHTML {
    let spec: ComparisonSpec
    let panels: [ResultPanel]
    let figures: [PlannedFigure]
    let rendered: [String: RenderedFigure]
    let vector: Bool
    /// A worksheet in the student edition: this (instructor) page adds the sheet's key.
    var worksheetKey = false

    var html: String {
        var out = "<div class=\"lb-experiment lb-comparison\" id=\"\(spec.id)\">\n"
        if let title = spec.title { out += "<h3 class=\"lb-experiment-title\">\(HTML.escape(title))</h3>\n" }
        let figure = PanelFigureHTML(
            ownerID: spec.id, ownerName: FigureDescription.subject(caption: spec.caption, title: spec.title),
            authorCaption: spec.caption, display: spec.display, panels: panels, rendered: rendered, vector: vector,
            figurePrefix: "figures/")
        for planned in figures { out += figure.html(planned) }
        if spec.tableRequested { out += ResultsTableHTML(panels: panels, display: spec.display, rowLinks: true).html }
        if worksheetKey {
            let key = WorksheetTableHTML(
                panels: panels, display: spec.display, record: RecordItem.defaults(for: panels.first?.settings.configuration.stopRule),
                runs: .all, blank: false, id: spec.id)
            out += key.keyHTML
        }
        out += "</div>\n"
        return out
    }
}
