import CCairo
import CPNG

/// Encodes a Cairo image surface as PNG with libpng's simplified writer.
///
/// Replaces `cairo_surface_write_to_png_stream` for speed: libpng's "fast" mode (cheaper filter
/// choice and compression) roughly halves encoding time, which dominates PNG rendering, and
/// opaque figures are written as RGB instead of RGBA. Output is still a pure function of the pixels.
enum PNGEncoder {
    static func encode(_ surface: OpaquePointer) throws -> [UInt8] {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface), width > 0, height > 0 else {
            throw RenderingError.cairo(status: -1, message: "image surface has no pixels")
        }

        // Cairo: premultiplied native-endian 0xAARRGGBB words. libpng: straight RGB(A) bytes.
        var opaque = true
        for row in 0..<height {
            let words = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<width where words[column] >> 24 != 0xff {
                opaque = false
                break
            }
            if !opaque { break }
        }
        let channels = opaque ? 3 : 4
        // Written in full below, so neither buffer is zeroed first (that cost as much as the
        // conversion); wrapping arithmetic lets the opaque loop run without overflow checks.
        let pixels = [UInt8](unsafeUninitializedCapacity: width * height * channels) { output, count in
            var index = 0
            for row in 0..<height {
                let words = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
                if opaque {
                    for column in 0..<width {
                        let word = words[column]
                        output[index] = UInt8(truncatingIfNeeded: word &>> 16)
                        output[index &+ 1] = UInt8(truncatingIfNeeded: word &>> 8)
                        output[index &+ 2] = UInt8(truncatingIfNeeded: word)
                        index &+= 3
                    }
                    continue
                }
                for column in 0..<width {
                    let word = words[column]
                    let alpha = word >> 24
                    var red = (word >> 16) & 0xff, green = (word >> 8) & 0xff, blue = word & 0xff
                    if alpha != 0xff && alpha != 0 {
                        red = (red * 255 + alpha / 2) / alpha
                        green = (green * 255 + alpha / 2) / alpha
                        blue = (blue * 255 + alpha / 2) / alpha
                    }
                    output[index] = UInt8(truncatingIfNeeded: red)
                    output[index + 1] = UInt8(truncatingIfNeeded: green)
                    output[index + 2] = UInt8(truncatingIfNeeded: blue)
                    output[index + 3] = UInt8(truncatingIfNeeded: alpha)
                    index += 4
                }
            }
            count = index
        }

        var image = png_image()
        image.version = png_uint_32(CPNG_IMAGE_VERSION)
        image.width = png_uint_32(width)
        image.height = png_uint_32(height)
        image.format = opaque ? png_uint_32(PNG_FORMAT_FLAG_COLOR) : CPNG_FORMAT_RGBA
        image.flags = png_uint_32(PNG_IMAGE_FLAG_FAST)
        defer { png_image_free(&image) }

        // One compression pass into a buffer larger than any result can be (stored blocks at
        // worst cost a few bytes per 64 KiB); asking libpng for the size first would compress twice.
        let rowBytes = png_int_32(width * channels)
        let raw = (width * channels + 1) * height
        var size = raw + raw / 64 + 4096
        var output = [UInt8](unsafeUninitializedCapacity: size) { _, count in count = size }
        var written = output.withUnsafeMutableBytes { buffer in
            pixels.withUnsafeBytes {
                png_image_write_to_memory(&image, buffer.baseAddress, &size, 0, $0.baseAddress, rowBytes, nil)
            }
        }
        if written == 0 && size > output.count {
            // Never expected; libpng reported the size it needs, so try once more with it.
            output = [UInt8](repeating: 0, count: size)
            written = output.withUnsafeMutableBytes { buffer in
                pixels.withUnsafeBytes {
                    png_image_write_to_memory(&image, buffer.baseAddress, &size, 0, $0.baseAddress, rowBytes, nil)
                }
            }
        }
        guard written != 0 else { throw RenderingError.pngEncoding(message: message(of: image)) }
        return Array(output.prefix(size))
    }

    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
