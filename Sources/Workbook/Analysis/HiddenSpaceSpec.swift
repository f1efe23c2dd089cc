/// The `hidden-space` figure's two neurons (`neurons: [1.1, 1.2]`), of one hidden layer.
public struct HiddenSpaceSpec: Sendable, Hashable {
    /// Hidden layer (1 = the first) and the neurons' positions in it (0-based), x axis first.
    public var layer: Int
    public var first: Int
    public var second: Int
    /// `snapshots:` is written on the experiment: the figure is a timeline, one panel per
    /// snapshot epoch (and the epoch slider on screen), instead of the final network alone.
    public var overTime = false

    var keyText: String { "hidden-space=\(layer).\(first + 1),\(layer).\(second + 1)" + (overTime ? "+snapshots" : "") }
}
