#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// An input feature computed from a point (x₁, x₂), in the Playground's fixed input order.
public enum Feature: String, CaseIterable, Codable, Sendable, Comparable {
    case x1 = "x"
    case x2 = "y"
    case x1Squared = "xSquared"
    case x2Squared = "ySquared"
    case x1TimesX2 = "xTimesY"
    case sinX1 = "sinX"
    case sinX2 = "sinY"

    /// The Playground id (`x`, `xSquared`, …) is the raw value; this is the name Labbook's
    /// directives and flags use.
    public var name: String {
        switch self {
        case .x1: "x1"
        case .x2: "x2"
        case .x1Squared: "x1^2"
        case .x2Squared: "x2^2"
        case .x1TimesX2: "x1*x2"
        case .sinX1: "sin(x1)"
        case .sinX2: "sin(x2)"
        }
    }

    /// The label the Playground draws next to the input node.
    public var label: String {
        switch self {
        case .x1: "X₁"
        case .x2: "X₂"
        case .x1Squared: "X₁²"
        case .x2Squared: "X₂²"
        case .x1TimesX2: "X₁X₂"
        case .sinX1: "sin(X₁)"
        case .sinX2: "sin(X₂)"
        }
    }

    /// Accepts Labbook's names (`x1`, `x1^2`, `x1*x2`, `sin(x1)`, case-insensitive, spaces
    /// ignored) and the Playground ids (`x`, `xSquared`, `xTimesY`, `sinX`).
    public init?(parsing text: String) {
        let compact = text.filter { !$0.isWhitespace }
        if let feature = Feature(rawValue: compact) { self = feature; return }
        let lower = compact.lowercased()
        let aliases: [String: Feature] = [
            "x1": .x1, "x2": .x2, "x1^2": .x1Squared, "x2^2": .x2Squared, "x1²": .x1Squared,
            "x2²": .x2Squared, "x1*x2": .x1TimesX2, "x1x2": .x1TimesX2, "sin(x1)": .sinX1,
            "sin(x2)": .sinX2, "xsquared": .x1Squared, "ysquared": .x2Squared,
            "xtimesy": .x1TimesX2, "sinx": .sinX1, "siny": .sinX2,
        ]
        guard let feature = aliases[lower] else { return nil }
        self = feature
    }

    /// Every accepted spelling, for error messages.
    public static var validNames: [String] { allCases.map(\.name) }

    public func value(x: Double, y: Double) -> Double {
        switch self {
        case .x1: x
        case .x2: y
        case .x1Squared: x * x
        case .x2Squared: y * y
        case .x1TimesX2: x * y
        case .sinX1: sin(x)
        case .sinX2: sin(y)
        }
    }

    private var order: Int { Feature.allCases.firstIndex(of: self)! }
    public static func < (lhs: Feature, rhs: Feature) -> Bool { lhs.order < rhs.order }
}
