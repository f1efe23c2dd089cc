/// A YAML scalar exactly as written, with where it was written.
///
/// Values are kept as text: the directive layer decides whether `0.1` is a learning
/// rate or a label, and can then report "expected a number" at this scalar's location.
public struct YAMLScalar: Sendable, Hashable, CustomStringConvertible {
    /// The scalar's value after YAML unquoting (`"a b"` → `a b`), otherwise as written.
    public var text: String
    /// Location of the scalar's first character in the chapter file.
    public var location: SourceLocation
    /// `true` for quoted and block (`|`, `>`) scalars: the author explicitly wrote a string.
    public var isQuoted: Bool

    public init(text: String, location: SourceLocation, isQuoted: Bool = false) {
        self.text = text
        self.location = location
        self.isQuoted = isQuoted
    }

    public var description: String { text }

    /// Just past the scalar as written, when that is known from its text: a plain scalar on one
    /// line. For quoted and multi-line ones nil, and ``DiagnosticRanges`` reads the end from the
    /// source instead.
    public var end: SourceLocation? {
        guard !isQuoted, !text.isEmpty, !text.contains("\n") else { return nil }
        return location.advanced(by: text.unicodeScalars.count)
    }

    /// `true` for an empty value (`key:`), `~` or `null` written without quotes.
    public var isNull: Bool { !isQuoted && ["", "~", "null", "Null", "NULL"].contains(text) }

    /// The value as an integer (`12`, `-3`, `1_000`), or `nil`.
    public var intValue: Int? { isQuoted ? nil : Int(text.replacing("_", with: "")) }

    /// The value as a floating-point number (`0.1`, `1e-3`, `5`), or `nil`.
    public var doubleValue: Double? {
        guard !isQuoted else { return nil }
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        default: return Double(text.replacing("_", with: ""))
        }
    }

    /// The value as a boolean (`true`/`false`, `yes`/`no`, `on`/`off`), or `nil`.
    public var boolValue: Bool? {
        guard !isQuoted else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}

/// A located YAML value: a scalar, a list, or a mapping (e.g. `vary:` → key → list).
public enum YAMLValue: Sendable, Hashable {
    case scalar(YAMLScalar)
    case sequence([YAMLValue], location: SourceLocation)
    case mapping(YAMLMapping)

    /// Where the value starts in the chapter file.
    public var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .sequence(_, let location): location
        case .mapping(let mapping): mapping.location
        }
    }

    /// The end of a scalar value as written (see ``YAMLScalar/end``); nil for lists and mappings.
    public var end: SourceLocation? { scalar?.end }

    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    /// The scalar text, or `nil` for lists and mappings.
    public var string: String? { scalar?.text }

    public var sequence: [YAMLValue]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    public var mapping: YAMLMapping? {
        if case .mapping(let mapping) = self { return mapping }
        return nil
    }

    /// "a scalar", "a list" or "a mapping", for messages like "expected a list, found a scalar".
    public var kindDescription: String {
        switch self {
        case .scalar: "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
