import CDeflate

/// Compresses bytes into a zlib stream (RFC 1950) with libdeflate.
///
/// Why libdeflate and not zlib through libpng: on the seed course's figures, libdeflate at level
/// 4 writes PNGs 11 % smaller than zlib at level 3 (libpng's fast mode, used before) in less CPU
/// time, and at level 6 as small as zlib at level 6 in half the time. The stream is a pure
/// function of the input bytes, the level and the library version (part of
/// `FigureRenderer.rendererVersion`).
enum ZlibStream {
    /// Raster figures: levels 2 and 4 took the same time on the bench's figures, 4 is smaller;
    /// 6 saves another 5 % of bytes for 5–10 % more time.
    static let figureLevel: Int32 = 4

    static func compress(_ input: UnsafeRawBufferPointer, level: Int32) throws -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(level) else {
            throw RenderingError.pngEncoding(message: "libdeflate has no compressor for level \(level)")
        }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_zlib_compress_bound(compressor, input.count)
        var written = 0
        let output = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            written = libdeflate_zlib_compress(compressor, input.baseAddress, input.count, buffer.baseAddress, bound)
            count = written
        }
        // The bound is an upper limit for any input, so a zero result means libdeflate failed.
        guard written > 0 else { throw RenderingError.pngEncoding(message: "libdeflate could not compress \(input.count) bytes") }
        return output
    }

    /// The CRC-32 PNG chunks end with.
    static func crc32(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        libdeflate_crc32(crc, bytes.baseAddress, bytes.count)
    }
}
