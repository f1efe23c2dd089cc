/// The data ranges a chart would show on its own, before ticks round them outwards.
public struct DataExtent: Sendable, Hashable {
    public var x: ClosedRange<Double>?
    public var y: ClosedRange<Double>?

    public init(x: ClosedRange<Double>? = nil, y: ClosedRange<Double>? = nil) {
        self.x = x
        self.y = y
    }

    /// The smallest extent covering both.
    public func union(_ other: DataExtent) -> DataExtent {
        DataExtent(x: Self.union(x, other.x), y: Self.union(y, other.y))
    }

    static func union(_ a: ClosedRange<Double>?, _ b: ClosedRange<Double>?) -> ClosedRange<Double>? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
    }

    /// The range of the finite values in `values`, or `nil` if there are none.
    static func range(of values: some Sequence<Double>) -> ClosedRange<Double>? {
        var low = Double.infinity, high = -Double.infinity
        for value in values where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        return low <= high ? low...high : nil
    }
}

/// A chart whose axis ranges can be fixed by the caller, so that panels of one comparison share
/// their x and y ranges (issue 9: "every panel of one figure shares its x and y ranges").
/// With `xDomain`/`yDomain` nil the chart fits its own data.
public protocol AxisSharing: Figure {
    /// What the chart's data covers on its own (for a log axis: the positive values only).
    var dataExtent: DataExtent { get }
    var xDomain: ClosedRange<Double>? { get set }
    var yDomain: ClosedRange<Double>? { get set }
}

extension Array where Element: AxisSharing {
    /// The charts with one x range and one y range: the union of all their data. Charts then
    /// round the shared range to the same ticks, so their axes match exactly.
    public func sharingAxes(x shareX: Bool = true, y shareY: Bool = true) -> [Element] {
        let extent = map(\.dataExtent).reduce(DataExtent()) { $0.union($1) }
        return map { chart in
            var chart = chart
            if shareX, let x = extent.x { chart.xDomain = x }
            if shareY, let y = extent.y { chart.yDomain = y }
            return chart
        }
    }
}

extension SmallMultiples {
    /// Gives all panels of the same chart kind (all loss charts, all result charts, …) one
    /// shared x and y range; other panels are left alone. Boundary and data charts always share
    /// the Playground's plane (their `domain`, −6…6 by default).
    public func sharingAxes(x shareX: Bool = true, y shareY: Bool = true) -> SmallMultiples {
        var copy = self
        var extents: [ObjectIdentifier: DataExtent] = [:]
        for panel in panels {
            guard let chart = panel.figure as? any AxisSharing else { continue }
            let kind = ObjectIdentifier(type(of: chart))
            extents[kind] = (extents[kind] ?? DataExtent()).union(chart.dataExtent)
        }
        for index in copy.panels.indices {
            guard var chart = copy.panels[index].figure as? any AxisSharing,
                let extent = extents[ObjectIdentifier(type(of: chart))]
            else { continue }
            if shareX, let x = extent.x { chart.xDomain = x }
            if shareY, let y = extent.y { chart.yDomain = y }
            copy.panels[index].figure = chart
        }
        return copy
    }
}
