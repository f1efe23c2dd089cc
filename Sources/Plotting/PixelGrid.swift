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
}
