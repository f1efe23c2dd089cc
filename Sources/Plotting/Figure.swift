/// A chart that can draw itself on any canvas at its `size`. Figures are plain values: build one
/// on any task, render it on another. `SmallMultiples` changes a panel's `size` to fit its cell,
/// so figures lay out relative to `size` and never assume a fixed one.
public protocol Figure: Sendable {
    var size: Size { get set }
    func draw<C: Canvas>(on canvas: inout C)
}
