/// Writes the PNG container around already filtered scanlines: signature, `IHDR`, an optional
/// `PLTE`, one `IDAT` and `IEND` (PNG specification, 3rd edition, §5 and §11).
///
/// Labbook's PNGs are 8-bit truecolour (opaque figures), truecolour with alpha, or 8-bit palette
/// (heat maps), non-interlaced; every scanline starts with its filter byte.
struct PNGFile {
    enum ColorType: UInt8 {
        case truecolor = 2
        case indexed = 3
        case truecolorAlpha = 6

        var bytesPerPixel: Int {
            switch self {
            case .truecolor: return 3
            case .indexed: return 1
            case .truecolorAlpha: return 4
            }
        }
    }

    var width: Int
    var height: Int
    var colorType: ColorType
    /// RGB triples, only for `.indexed`.
    var palette: [UInt8] = []

    /// `scanlines`: `height` rows of one filter byte followed by `width * bytesPerPixel` bytes.
    func encode(scanlines: UnsafeRawBufferPointer, level: Int32) throws -> [UInt8] {
        precondition(scanlines.count == height * (1 + width * colorType.bytesPerPixel), "scanlines do not match the header")
        let compressed = try ZlibStream.compress(scanlines, level: level)
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        bytes.reserveCapacity(compressed.count + palette.count + 64)
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, colorType.rawValue, 0, 0, 0]  // bit depth, colour type, deflate, adaptive filters, no interlace
        Self.appendChunk("IHDR", header, to: &bytes)
        if colorType == .indexed { Self.appendChunk("PLTE", palette, to: &bytes) }
        Self.appendChunk("IDAT", compressed, to: &bytes)
        Self.appendChunk("IEND", [], to: &bytes)
        return bytes
    }

    private static func appendChunk(_ type: StaticString, _ data: [UInt8], to bytes: inout [UInt8]) {
        bytes.appendBigEndian(UInt32(data.count))
        let start = bytes.count
        type.withUTF8Buffer { bytes += $0 }
        bytes += data
        let crc = bytes.withUnsafeBytes { ZlibStream.crc32(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        bytes.appendBigEndian(crc)
    }
}

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)])
    }
}
