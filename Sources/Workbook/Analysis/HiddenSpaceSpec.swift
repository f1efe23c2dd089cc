/// The `hidden-space` figure's two neurons (`neurons: [1.1, 1.2]`), of one hidden layer.
public struct HiddenSpaceSpec: Sendable, Hashable {
    /// Hidden layer (1 = the first) and the neurons' positions in it (0-based), x axis first.
    public var layer: Int
    public var first: Int
    public var second: Int

    var keyText: String { "hidden-space=\(layer).\(first + 1),\(layer).\(second + 1)" }
}
