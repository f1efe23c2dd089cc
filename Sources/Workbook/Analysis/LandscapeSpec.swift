/// The `landscape` figure's slice: `landscape-grid` cells per side (odd, so that the final
/// weights are the centre cell) and α, β from −`landscape-range` to +`landscape-range`.
public struct LandscapeSpec: Sendable, Hashable {
    public var grid = 31
    public var range = 1.0

    /// Up to 101 × 101 = 10 201 loss evaluations per panel, each a pass over the training set.
    static let grids = 5...101
    /// A range of 0.01 to 10 times each neuron's own size.
    static let ranges = 0.01...10.0

    public init() {}

    var keyText: String { "landscape=\(grid),\(range)" }
    /// As written in the key ("1.0", "0.25"): Swift's shortest round-tripping form.
    var rangeText: String { "\(range)" }
}
