/// The `landscape` figure's slice: `landscape-grid` cells per side (odd, so that the final
/// weights are the centre cell), α and β from −`landscape-range` to +`landscape-range`, along
/// `landscape-directions`.
public struct LandscapeSpec: Sendable, Hashable {
    /// The two directions of the slice through the final weights.
    public enum Directions: String, Sendable, Hashable, CaseIterable {
        /// Two filter-normalised random directions (Li et al. 2018).
        case random
        /// α toward the initial weights (α = 1 is where training started), β a filter-normalised
        /// random direction at right angles to it: the slice holds the path's both ends.
        case initial
    }

    public var grid = 31
    /// The range written (`landscape-range`); nil for the default of the directions.
    public var writtenRange: Double? = nil
    public var directions = Directions.random

    /// Up to 101 × 101 = 10 201 loss evaluations per panel, each a pass over the training set.
    static let grids = 5...101
    /// A range of 0.01 to 10 times each neuron's own size.
    static let ranges = 0.01...10.0

    public init() {}

    /// How far α and β reach: as written, else 1 (every neuron moved by about its own size),
    /// or 1.5 toward the initial weights, so that the start (α = 1) is inside the picture with
    /// as much beyond it as there is loss to see.
    public var range: Double { writtenRange ?? (directions == .initial ? 1.5 : 1.0) }

    var keyText: String { "landscape=\(grid),\(range)" + (directions == .random ? "" : ",\(directions.rawValue)") }
    /// As written in the key ("1.0", "0.25"): Swift's shortest round-tripping form.
    var rangeText: String { "\(range)" }
}
