import CPNG

/// A decoded PNG as 8-bit RGBA (straight alpha), read with libpng's simplified API (no setjmp).
/// Used to check rendered pixels in tests; public so other modules can inspect images too.
public struct PNGImage: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// Row-major RGBA bytes, `width * 4` per row.
    public let rgba: [UInt8]

    public init(bytes: [UInt8]) throws {
        var image = png_image()
        image.version = png_uint_32(CPNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        // libpng keeps the memory pointer until the read finishes, so both steps must run
        // while the bytes are pinned.
        let decoded: Result<PNGImage, RenderingError> = bytes.withUnsafeBytes { raw in
            guard png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count) != 0 else {
                return .failure(RenderingError.pngDecoding(message: Self.message(of: image)))
            }
            do {
                return .success(try PNGImage(finishing: &image))
            } catch let error as RenderingError {
                return .failure(error)
            } catch {
                return .failure(RenderingError.pngDecoding(message: "\(error)"))
            }
        }
        self = try decoded.get()
    }

    public init(path: String) throws {
        var image = png_image()
        image.version = png_uint_32(CPNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        guard png_image_begin_read_from_file(&image, path) != 0 else {
            throw RenderingError.pngDecoding(message: "\(path): " + Self.message(of: image))
        }
        try self.init(finishing: &image)
    }

    private init(finishing image: inout png_image) throws {
        image.format = CPNG_FORMAT_RGBA
        let width = Int(image.width), height = Int(image.height)
        let stride = width * 4
        var buffer = [UInt8](repeating: 0, count: stride * height)
        let finished = buffer.withUnsafeMutableBytes {
            png_image_finish_read(&image, nil, $0.baseAddress, png_int_32(stride), nil)
        }
        guard finished != 0 else { throw RenderingError.pngDecoding(message: Self.message(of: image)) }
        self.width = width
        self.height = height
        self.rgba = buffer
    }

    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// The pixel at column `x`, row `y` (row 0 at the top).
    public func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) outside \(width)×\(height)")
        let offset = (y * width + x) * 4
        return (rgba[offset], rgba[offset + 1], rgba[offset + 2], rgba[offset + 3])
    }
}
