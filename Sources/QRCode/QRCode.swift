import CQRencode

/// A QR code as a square of dark and light modules, made by libqrencode (Debian's
/// libqrencode-dev). Knows nothing of pages: the HTML draws it as an SVG of its own.
public struct QRCode: Sendable, Hashable {
    /// Modules per side (without the quiet zone).
    public let size: Int
    /// Row-major, `true` for a dark module.
    public let modules: [Bool]

    /// Encodes `text` as 8-bit bytes at error correction level M (15 % of the code may be
    /// damaged: a fold or a pen mark on a printed sheet). Nil when the text is too long for a
    /// QR code (about 2,300 bytes at M).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        let encoded: UnsafeMutablePointer<QRcode>? = bytes.withUnsafeBufferPointer { buffer in
            QRcode_encodeData(Int32(buffer.count), buffer.baseAddress, 0, QR_ECLEVEL_M)
        }
        guard let code = encoded else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        // Bit 0 of each byte is the module's colour (libqrencode's documented layout).
        modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// An SVG of the code with the standard quiet zone of 4 modules: one path of unit squares,
    /// merged along each row, so it prints as crisp vectors at any size.
    public func svg(title: String, sizeCSS: String = "32mm") -> String {
        let quiet = 4
        let side = size + 2 * quiet
        var path = ""
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else { column += 1; continue }
                var end = column
                while end < size && isDark(row: row, column: end) { end += 1 }
                path += "M\(column + quiet) \(row + quiet)h\(end - column)v1h-\(end - column)z"
                column = end
            }
        }
        var escapedTitle = ""
        for character in title {
            switch character {
            case "&": escapedTitle += "&amp;"
            case "<": escapedTitle += "&lt;"
            case ">": escapedTitle += "&gt;"
            default: escapedTitle.append(character)
            }
        }
        return
            "<svg class=\"lb-qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" width=\"\(sizeCSS)\" height=\"\(sizeCSS)\" role=\"img\" shape-rendering=\"crispEdges\"><title>\(escapedTitle)</title><rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
    }
}
