/// Maps data values on one axis to the unit interval 0…1 (then to pixels by the plot rectangle).
public struct AxisScale: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case linear, logarithmic }

    public var kind: Kind
    /// Data range shown. For `.logarithmic` both ends must be positive.
    public var lower: Double
    public var upper: Double

    public init(kind: Kind = .linear, lower: Double, upper: Double) {
        self.kind = kind
        self.lower = lower
        self.upper = upper
    }

    /// 0 at `lower`, 1 at `upper`; values outside map outside 0…1, non-positive values on a log
    /// scale map to −∞ (callers skip them).
    public func normalized(_ value: Double) -> Double {
        switch kind {
        case .linear:
            return upper == lower ? 0.5 : (value - lower) / (upper - lower)
        case .logarithmic:
            guard value > 0 else { return -.infinity }
            let (a, b) = (log10Of(lower), log10Of(upper))
            return b == a ? 0.5 : (log10Of(value) - a) / (b - a)
        }
    }
}

/// One tick on an axis.
public struct Tick: Sendable, Hashable {
    public var value: Double
    public var label: String
    /// Drawn darker (the 0 tick of the Playground's axes).
    public var isEmphasised: Bool

    public init(value: Double, label: String, isEmphasised: Bool = false) {
        self.value = value
        self.label = label
        self.isEmphasised = isEmphasised
    }
}
