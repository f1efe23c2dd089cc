/// Median, minimum and maximum of one metric over the runs of a combination.
///
/// The median of an even number of runs is the lower middle value — a value one run really
/// had — never an average of two (no "6277.5 epochs").
public struct Statistic: Hashable, Sendable {
    public var median: Double
    public var minimum: Double
    public var maximum: Double
    public var count: Int

    public init?(_ values: [Double]) {
        let finite = values.filter(\.isFinite).sorted()
        guard !finite.isEmpty else { return nil }
        median = finite[(finite.count - 1) / 2]
        minimum = finite[0]
        maximum = finite[finite.count - 1]
        count = finite.count
    }

    /// Whether the range collapses to one value (printed once).
    public var isSingleValue: Bool { minimum == maximum }
}
