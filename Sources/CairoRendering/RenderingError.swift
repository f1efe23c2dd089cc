import CCairo

/// Everything that can go wrong while rendering or reading back a figure.
public enum RenderingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The font file does not exist (or cannot be read).
    case fontMissing(path: String)
    /// FreeType could not open the font file (error code from FreeType).
    case fontUnreadable(path: String, freeTypeError: Int32)
    /// Cairo reported an error status.
    case cairo(status: Int32, message: String)
    /// The figure has a size that cannot be rendered (zero, negative, or too large).
    case invalidSize(width: Double, height: Double)
    /// libpng could not decode an image.
    case pngDecoding(message: String)
    /// A PNG could not be written (libdeflate failed).
    case pngEncoding(message: String)

    public var description: String {
        switch self {
        case .fontMissing(let path):
            return "font not found at \(path); install fonts-dejavu-core"
        case .fontUnreadable(let path, let code):
            return "FreeType could not read the font at \(path) (error \(code))"
        case .cairo(_, let message):
            return "Cairo error: \(message)"
        case .invalidSize(let width, let height):
            return "cannot render a figure of size \(width) × \(height)"
        case .pngDecoding(let message):
            return "cannot decode PNG: \(message)"
        case .pngEncoding(let message):
            return "cannot encode PNG: \(message)"
        }
    }

    static func check(_ status: cairo_status_t) throws {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        let message = cairo_status_to_string(status).map { String(cString: $0) } ?? "unknown"
        throw RenderingError.cairo(status: Int32(status.rawValue), message: message)
    }
}
