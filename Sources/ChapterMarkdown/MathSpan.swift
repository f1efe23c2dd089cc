/// A TeX formula written in prose with `$…$`, `$$…$$`, `\(…\)` or `\[…\]`.
///
/// Math is hidden from cmark (which would read `\[` as an escaped bracket and `a_1 * b_2`
/// as emphasis) and comes back untouched in the HTML, always with the `\(…\)` / `\[…\]`
/// delimiters so a single KaTeX auto-render configuration typesets every chapter.
public struct MathSpan: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        /// `$…$` or `\(…\)`.
        case inline
        /// `$$…$$` or `\[…\]`.
        case display
    }

    public var style: Style
    /// The TeX between the delimiters, exactly as written (block-quote markers removed
    /// from continuation lines).
    public var tex: String
    /// Where the opening delimiter is.
    public var location: SourceLocation

    public init(style: Style, tex: String, location: SourceLocation) {
        self.style = style
        self.tex = tex
        self.location = location
    }

    /// `\(tex\)` or `\[tex\]`: the normalised form written to HTML.
    public var delimited: String {
        switch style {
        case .inline: "\\(" + tex + "\\)"
        case .display: "\\[" + tex + "\\]"
        }
    }

    /// The HTML for this span: `<span class="math inline">\(…\)</span>`, or for display math
    /// `<span class="math display">\[…\]</span>` (a `<div>` when it forms a whole paragraph,
    /// see ``MathRestorer``). Only `& < >` are escaped, so the TeX reads back unchanged.
    public var html: String {
        switch style {
        case .inline: "<span class=\"math inline\">" + HTML.escapeText(delimited) + "</span>"
        case .display: "<span class=\"math display\">" + HTML.escapeText(delimited) + "</span>"
        }
    }

    /// The HTML for display math that is a paragraph on its own.
    public var blockHTML: String {
        "<div class=\"math display\">" + HTML.escapeText(delimited) + "</div>"
    }
}
