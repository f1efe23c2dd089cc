import CPNG
import Plotting

/// A heat map as the smallest lossless PNG: one byte per cell indexing a palette of its colours
/// (a heat map has at most a few dozen shades), best compression. Attached to the image Cairo
/// embeds in SVG (`CAIRO_MIME_TYPE_PNG`), which Cairo then writes instead of its own RGBA PNG.
enum IndexedPNG {
    /// The PNG of an opaque grid of at most 256 colours, the same 8-bit pixels Cairo would
    /// write; `nil` for any other grid (Cairo's own encoding is used then).
    static func encode(_ grid: PixelGrid) -> [UInt8]? {
        guard grid.width > 0, grid.height > 0, grid.isOpaque else { return nil }
        var palette: [UInt8] = []
        var indexOf: [UInt32: UInt8] = [:]
        var indexes = [UInt8](repeating: 0, count: grid.width * grid.height)
        for (position, color) in grid.pixels.enumerated() {
            func byte(_ channel: Double) -> UInt32 { UInt32(max(0, min(255, (channel * 255).rounded()))) }
            let key = byte(color.red) << 16 | byte(color.green) << 8 | byte(color.blue)
            if let index = indexOf[key] {
                indexes[position] = index
            } else {
                guard indexOf.count < 256 else { return nil }
                let index = UInt8(indexOf.count)
                indexOf[key] = index
                palette += [UInt8(key >> 16), UInt8((key >> 8) & 0xff), UInt8(key & 0xff)]
                indexes[position] = index
            }
        }
        var image = png_image()
        image.version = png_uint_32(CPNG_IMAGE_VERSION)
        image.width = png_uint_32(grid.width)
        image.height = png_uint_32(grid.height)
        image.format = png_uint_32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_COLORMAP)
        image.colormap_entries = png_uint_32(indexOf.count)
        defer { png_image_free(&image) }
        var size = grid.width * grid.height * 2 + palette.count + 4096
        var output = [UInt8](repeating: 0, count: size)
        let written = output.withUnsafeMutableBytes { buffer in
            indexes.withUnsafeBytes { pixels in
                palette.withUnsafeBytes { colormap in
                    png_image_write_to_memory(&image, buffer.baseAddress, &size, 0, pixels.baseAddress,
                                              png_int_32(grid.width), colormap.baseAddress)
                }
            }
        }
        guard written != 0 else { return nil }
        return Array(output.prefix(size))
    }
}
