import Plotting

/// How a figure made of panels is laid out so that its text stays readable where it is shown.
///
/// Text inside a figure is 11 px at the figure's natural size, and a page never enlarges a
/// figure beyond it; only a narrower layout keeps the text that size where the figure is
/// shown smaller. So:
/// - **every screen and paper**: a grid of panels is at most ``maximumWidth`` wide: its panels
///   drawn a little narrower when that is enough, else re-laid out with fewer columns. At
///   1280 px (a projector's usual width) the text column is 960 px, so such a figure is shown
///   at natural size (11 px text); across an A4 page's 178 mm column it prints its 11 px text
///   at 6.2 pt.
/// - **phones**: a grid also gets a one-column layout (``narrow(_:)``), written as its own SVG
///   beside the figure (`stem.narrow.svg`) and chosen by the page below 40rem.
enum ReadableLayout {
    /// The widest a grid of panels is drawn, in CSS px: 11 px text printed across 178 mm is
    /// 6.2 pt at this width.
    static let maximumWidth = 900.0

    /// The figure with its grid (if it is one) re-laid out to at most ``maximumWidth``.
    static func fitted(_ figure: any Figure) -> any Figure {
        // A figure with words beside its drawing (hidden space, the backprop card) is laid out
        // as its drawing is; the words stay.
        if var described = figure as? DescribedFigure {
            described.figure = fitted(described.figure)
            return described
        }
        guard let grid = figure as? SmallMultiples else { return figure }
        return grid.fitting(maxWidth: maximumWidth)
    }

    /// The panels one under another, for a phone; nil for a figure that is not a grid of
    /// several columns (it has no narrower layout).
    static func narrow(_ figure: any Figure) -> SmallMultiples? {
        if let described = figure as? DescribedFigure { return narrow(described.figure) }
        guard let grid = figure as? SmallMultiples, grid.columns > 1 else { return nil }
        return grid.restacked(columns: 1)
    }
}
