import CCairo

/// Encodes a Cairo image surface as PNG: Cairo's pixels straight into PNG scanlines, compressed
/// with libdeflate (`ZlibStream`), wrapped by `PNGFile`.
///
/// Replaces `cairo_surface_write_to_png_stream` and libpng's writer for speed and size: one
/// pass converts the pixels (opaque figures, nearly all of them, become RGB instead of RGBA), no
/// filter (on figures, flat areas and text, "none" compresses best; Sub, Up and per-row choice
/// were larger), and libdeflate (`ZlibStream.figureLevel`). Output is a pure function of the pixels.
enum PNGEncoder {
    static func encode(_ surface: OpaquePointer, level: Int32 = ZlibStream.figureLevel) throws -> [UInt8] {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface), width > 0, height > 0 else {
            throw RenderingError.cairo(status: -1, message: "image surface has no pixels")
        }
        let rows = (0..<height).map { UnsafeRawPointer(data + $0 * stride).assumingMemoryBound(to: UInt32.self) }
        if let scanlines = opaqueScanlines(rows, width: width) {
            return try scanlines.withUnsafeBytes {
                try PNGFile(width: width, height: height, colorType: .truecolor).encode(scanlines: $0, level: level)
            }
        }
        return try alphaScanlines(rows, width: width).withUnsafeBytes {
            try PNGFile(width: width, height: height, colorType: .truecolorAlpha).encode(scanlines: $0, level: level)
        }
    }

    /// RGB scanlines, or `nil` as soon as a pixel is not fully opaque. Cairo's pixels are
    /// premultiplied native-endian 0xAARRGGBB words; opaque ones are plain RGB.
    private static func opaqueScanlines(_ rows: [UnsafePointer<UInt32>], width: Int) -> [UInt8]? {
        var opaque = true
        // Written in full below, so the buffer is not zeroed first; wrapping arithmetic lets the
        // loop run without overflow checks.
        let scanlines = [UInt8](unsafeUninitializedCapacity: rows.count * (1 + 3 * width)) { output, count in
            var index = 0
            for words in rows {
                output[index] = 0  // filter: none
                index &+= 1
                var alphas: UInt32 = 0xff
                for column in 0..<width {
                    let word = words[column]
                    alphas &= word &>> 24
                    output[index] = UInt8(truncatingIfNeeded: word &>> 16)
                    output[index &+ 1] = UInt8(truncatingIfNeeded: word &>> 8)
                    output[index &+ 2] = UInt8(truncatingIfNeeded: word)
                    index &+= 3
                }
                if alphas != 0xff {
                    opaque = false
                    break
                }
            }
            count = opaque ? index : 0
        }
        return opaque ? scanlines : nil
    }

    /// RGBA scanlines with straight (un-premultiplied) colour.
    private static func alphaScanlines(_ rows: [UnsafePointer<UInt32>], width: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: rows.count * (1 + 4 * width)) { output, count in
            var index = 0
            for words in rows {
                output[index] = 0
                index += 1
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
    }
}
