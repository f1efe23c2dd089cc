import Plotting

/// A figure with the numbers it shows in words, kept beside its cached files for the page: a
/// slider frame's epoch and losses, a neuron figure's computation for its alt text.
struct DescribedFigure: Figure {
    var figure: any Figure
    /// "epoch 100: training loss 0.031, test loss 0.040".
    let label: String
    /// More numbers than alt text carries (every gradient of the backprop card), for the
    /// figure's long description; nil for none.
    var details: String? = nil

    var size: Size {
        get { figure.size }
        set { figure.size = newValue }
    }
    func draw<C: Canvas>(on canvas: inout C) { figure.draw(on: &canvas) }
}
