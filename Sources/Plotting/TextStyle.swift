/// Font size, weight and colour of a piece of text. The family is the backend's (DejaVu Sans for Cairo).
public struct TextStyle: Sendable, Hashable {
    public enum Weight: Sendable, Hashable { case regular, bold }

    public var size: Double
    public var weight: Weight
    public var color: Color

    public init(size: Double, weight: Weight = .regular, color: Color = .black) {
        self.size = size
        self.weight = weight
        self.color = color
    }

    public func withSize(_ size: Double) -> TextStyle {
        TextStyle(size: size, weight: weight, color: color)
    }
}

/// The measured size of a line of text. `width` is the advance width; `ascent`/`descent` are the
/// font's (not the ink's), so lines of different text align and stack evenly.
public struct TextExtents: Sendable, Hashable {
    public var width: Double
    public var ascent: Double
    public var descent: Double

    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
    }

    public var height: Double { ascent + descent }
}

/// Which point of the text's box sits at the drawing position.
public struct TextAnchor: Sendable, Hashable {
    public enum Horizontal: Sendable, Hashable { case leading, center, trailing }
    public enum Vertical: Sendable, Hashable { case top, middle, baseline, bottom }

    public var horizontal: Horizontal
    public var vertical: Vertical

    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    public static let topLeading = TextAnchor(.leading, .top)
    public static let top = TextAnchor(.center, .top)
    public static let topTrailing = TextAnchor(.trailing, .top)
    public static let leading = TextAnchor(.leading, .middle)
    public static let center = TextAnchor(.center, .middle)
    public static let trailing = TextAnchor(.trailing, .middle)
    public static let bottomLeading = TextAnchor(.leading, .bottom)
    public static let bottom = TextAnchor(.center, .bottom)
    public static let bottomTrailing = TextAnchor(.trailing, .bottom)

    /// Where the text's left baseline origin lies relative to the anchor point, before rotation.
    /// Backends move to `anchor + origin(for:)` (in the rotated frame) and show the text there.
    public func baselineOrigin(for extents: TextExtents) -> Point {
        let x: Double
        switch horizontal {
        case .leading: x = 0
        case .center: x = -extents.width / 2
        case .trailing: x = -extents.width
        }
        let y: Double
        switch vertical {
        case .top: y = extents.ascent
        case .middle: y = (extents.ascent - extents.descent) / 2
        case .baseline: y = 0
        case .bottom: y = -extents.descent
        }
        return Point(x: x, y: y)
    }

    /// The unrotated box the text occupies when drawn at `point`.
    public func box(at point: Point, extents: TextExtents) -> Rect {
        let origin = baselineOrigin(for: extents)
        return Rect(
            x: point.x + origin.x, y: point.y + origin.y - extents.ascent,
            width: extents.width, height: extents.height)
    }
}
