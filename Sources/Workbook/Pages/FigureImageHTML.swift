import ChapterMarkdown

/// A figure's image on a screen page, laid out so its text stays readable (see
/// ``ReadableLayout``): a grid's one-column SVG is chosen below ``phoneQuery`` through
/// `<picture>`; on a phone a figure that has no narrower layout keeps at least the width at which
/// its smallest text reads ``phoneText`` CSS px and scrolls sideways inside its frame (pinch
/// zoom and the full-size view enlarge it further); on larger screens a wide figure may break
/// out of the text column by up to 1.25rem a side (the stylesheet, `--lb-width`), so a grid
/// of at most ``ReadableLayout/maximumWidth`` px is shown at natural size at 1280 px.
/// The handout (vector) keeps the plain image: paper has its own rules.
struct FigureImageHTML {
    let stem: String
    let figure: RenderedFigure
    let alt: String
    let vector: Bool
    let figurePrefix: String
    /// ` aria-describedby="…"`, or empty.
    var describedBy = ""

    /// The media query of the phone layout; the stylesheet uses the same width.
    static let phoneQuery = "(max-width: 40rem)"
    /// The smallest text a phone shows, in CSS px (2 % above the 9 px goal: rounding).
    static let phoneText = 9.2

    var html: String {
        let image =
            "<img src=\"\(figurePrefix)\(stem)\(vector ? ".svg" : ".png")\"\(PanelFigureHTML.loading(vector: vector)) width=\"\(Int(figure.width))\" height=\"\(Int(figure.height))\" alt=\"\(HTML.escape(alt))\"\(describedBy)>"
        guard !vector else {
            // In the handout the image links to its own file: a PDF reader opens it full size
            // there, and the link's box in the PDF is where the figure printed, which the
            // handout checks (scripts/handout-check) measure.
            let link = "<a class=\"lb-figure-file\" href=\"\(figurePrefix)\(stem).svg\">\(image)</a>"
            return "<div class=\"lb-figure-frame\" style=\"--lb-print-height: \(Self.printHeight(figure))mm\">\(link)</div>\n"
        }
        var phone = FigureLayout(width: figure.width, height: figure.height, smallestText: figure.smallestText)
        var picture = image
        if let narrow = figure.narrow {
            phone = narrow
            picture =
                "<picture><source media=\"\(Self.phoneQuery)\" srcset=\"\(figurePrefix)\(stem).\(RenderedFigure.narrowExtension)\" width=\"\(Int(narrow.width))\" height=\"\(Int(narrow.height))\">\(image)</picture>"
        }
        // The width/height ratio lets present mode fit the figure to the screen's height too.
        let ratio = figure.height > 0 ? Int((figure.width / figure.height * 1000).rounded()) : 1500
        let style =
            "--lb-width: \(Int(figure.width.rounded(.up)))px; --lb-ratio: \(Self.decimal(thousandths: ratio)); --lb-phone-min: \(Self.phoneMinimum(phone))px"
        return "<div class=\"lb-figure-frame\" style=\"\(style)\">\(picture)</div>\n"
    }

    /// The smallest text a handout prints, in pt (just above the 6 pt goal: rounding; the
    /// tallest figure, a network timeline of 1254 px, then fits an A4 page with its caption).
    static let printText = 6.05

    /// The printed height (mm, whole) at which the figure's smallest text prints ``printText``
    /// pt: the print stylesheet lets a figure be that tall (up to a page) before it shrinks it
    /// to fit its height limit.
    static func printHeight(_ figure: RenderedFigure) -> Int {
        let text = figure.smallestText ?? 11
        let millimetresPerPixel = printText * 25.4 / 72 / max(text, 1)
        return Int((figure.height * millimetresPerPixel).rounded(.up))
    }

    /// "1.356" from 1356, written without locale or formatter.
    static func decimal(thousandths: Int) -> String {
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// The width (CSS px, whole) at which a layout's smallest text reads ``phoneText`` px, never
    /// more than its natural width (a page does not enlarge a figure).
    static func phoneMinimum(_ layout: FigureLayout) -> Int {
        guard let text = layout.smallestText, text > 0 else { return 0 }
        return Int(min(layout.width, (layout.width * phoneText / text).rounded(.up)))
    }
}
