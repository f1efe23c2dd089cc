/// A canvas that only records what was drawn, in absolute coordinates (translations applied).
/// Tests use it to check layout — e.g. that no two labels overlap — without any backend.
public struct RecordingCanvas: Canvas {
    public enum Command: Sendable, Hashable {
        case save
        case restore
        case translate(x: Double, y: Double)
        case clip(Rect)
        case fill(Path, Color)
        case stroke(Path, StrokeStyle)
        case text(String, at: Point, style: TextStyle, anchor: TextAnchor, rotation: Double)
        case cells(PixelGrid, in: Rect)
    }

    /// A piece of text and the box it covers on the canvas (rotated by quarter turns when needed).
    public struct PlacedText: Sendable, Hashable {
        public var text: String
        public var box: Rect
    }

    public let size: Size
    public private(set) var commands: [Command] = []
    public private(set) var placedTexts: [PlacedText] = []
    private let metrics: any FontMetrics
    private var offset = Point.zero
    private var savedOffsets: [Point] = []

    public init(size: Size, metrics: any FontMetrics = ApproximateFontMetrics()) {
        self.size = size
        self.metrics = metrics
    }

    public func measure(_ text: String, style: TextStyle) -> TextExtents {
        metrics.measure(text, style: style)
    }

    public mutating func save() {
        savedOffsets.append(offset)
        commands.append(.save)
    }

    public mutating func restore() {
        offset = savedOffsets.popLast() ?? .zero
        commands.append(.restore)
    }

    public mutating func translate(x: Double, y: Double) {
        offset = Point(x: offset.x + x, y: offset.y + y)
        commands.append(.translate(x: x, y: y))
    }

    public mutating func clip(to rect: Rect) { commands.append(.clip(shifted(rect))) }
    public mutating func fill(_ path: Path, with color: Color) { commands.append(.fill(path, color)) }
    public mutating func stroke(_ path: Path, with style: StrokeStyle) { commands.append(.stroke(path, style)) }
    public mutating func drawCells(_ grid: PixelGrid, in rect: Rect) { commands.append(.cells(grid, in: shifted(rect))) }

    public mutating func drawText(
        _ text: String, at point: Point, style: TextStyle, anchor: TextAnchor,
        rotation: Double
    ) {
        let absolute = Point(x: point.x + offset.x, y: point.y + offset.y)
        commands.append(.text(text, at: absolute, style: style, anchor: anchor, rotation: rotation))
        let extents = measure(text, style: style)
        var box = anchor.box(at: .zero, extents: extents)
        if abs(abs(rotation) - .pi / 2) < 1e-9 {
            // A quarter turn swaps the box's sides around the anchor point.
            let sign = rotation > 0 ? 1.0 : -1.0
            let corners = [Point(x: box.minX, y: box.minY), Point(x: box.maxX, y: box.maxY)]
                .map { Point(x: -sign * $0.y, y: sign * $0.x) }
            box = Rect(
                x: min(corners[0].x, corners[1].x), y: min(corners[0].y, corners[1].y),
                width: box.height, height: box.width)
        }
        placedTexts.append(
            PlacedText(
                text: text,
                box: Rect(
                    x: box.minX + absolute.x, y: box.minY + absolute.y,
                    width: box.width, height: box.height)))
    }

    /// The strings drawn, in order.
    public var texts: [String] { placedTexts.map(\.text) }

    private func shifted(_ rect: Rect) -> Rect {
        Rect(x: rect.minX + offset.x, y: rect.minY + offset.y, width: rect.width, height: rect.height)
    }
}
