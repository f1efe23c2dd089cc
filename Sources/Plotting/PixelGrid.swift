/// A small raster of colours (row 0 at the top) that backends draw with nearest-neighbour
/// sampling, so each value stays a crisp cell: heat maps, node thumbnails, colour-bar legends.
public struct PixelGrid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// Row-major: `pixels[row * width + column]`.
    public private(set) var pixels: [Color]

    public init(width: Int, height: Int, fill: Color = .clear) {
        precondition(width >= 0 && height >= 0, "PixelGrid dimensions must not be negative")
        self.width = width
        self.height = height
        self.pixels = Array(repeating: fill, count: width * height)
    }

    public init(width: Int, height: Int, pixels: [Color]) {
        precondition(pixels.count == width * height, "PixelGrid needs width × height pixels")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    public subscript(column: Int, row: Int) -> Color {
        get { pixels[row * width + column] }
        set { pixels[row * width + column] = newValue }
    }

    public var isOpaque: Bool { pixels.allSatisfy { $0.alpha >= 1 } }

    /// A horizontal stretch of equal cells in one row.
    public struct Run: Sendable, Hashable {
        public var row: Int
        public var column: Int
        public var length: Int
    }

    /// Cells grouped by colour, each group a list of horizontal runs, groups in order of first
    /// appearance. Vector backends fill one path per colour: far smaller than one rectangle per
    /// cell, and crisp in every viewer (SVG renderers smooth embedded images).
    public func runsByColor() -> [(color: Color, runs: [Run])] {
        var order: [Color] = []
        var groups: [Color: [Run]] = [:]
        for row in 0..<height {
            var column = 0
            while column < width {
                let color = self[column, row]
                var end = column + 1
                while end < width && self[end, row] == color { end += 1 }
                if groups[color] == nil { order.append(color) }
                groups[color, default: []].append(Run(row: row, column: column, length: end - column))
                column = end
            }
        }
        return order.map { ($0, groups[$0]!) }
    }
}
