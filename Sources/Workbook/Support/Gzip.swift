import CDeflate
import Foundation

/// gzip (RFC 1952) with libdeflate, for the downloads: every run's losses of an experiment in
/// one `.csv.gz`, a fifth of the plain text's size, which pandas, NumPy's `loadtxt`, R's
/// `read.csv` and every archive tool open as they are. libdeflate writes no time or name in
/// the header, so the same text gives the same bytes in any build.
enum Gzip {
    /// Level 10, libdeflate's first "near-optimal" level: on the seed course's largest losses
    /// file (6.9 MB of CSV) it gave 1.77 MB in 0.50 s, where level 9 gave 1.92 MB in 1.02 s
    /// (levels 11 and 12: no smaller, slower). Part of the downloads' cache key through
    /// ``DownloadFormat/version``: a change of level changes the bytes.
    static func compress(_ data: Data, level: Int32 = 10) throws -> Data {
        guard let compressor = libdeflate_alloc_compressor(level) else {
            throw FileError(path: "", reason: "libdeflate has no compressor for level \(level)")
        }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_gzip_compress_bound(compressor, data.count)
        var out = Data(count: bound)
        let written = data.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                libdeflate_gzip_compress(compressor, input.baseAddress, input.count, output.baseAddress, bound)
            }
        }
        guard written > 0 else { throw FileError(path: "", reason: "libdeflate could not compress \(data.count) bytes") }
        out.count = written
        return out
    }

    /// The text of a gzip file (tests and tools that read a download back).
    static func decompress(_ data: Data) -> Data? {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(decompressor) }
        // The trailer's last four bytes: the original size modulo 2^32 (ample for downloads).
        guard data.count >= 18 else { return nil }
        let size = data.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        var out = Data(count: size)
        var actual = 0
        let result = data.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                libdeflate_gzip_decompress(decompressor, input.baseAddress, input.count, output.baseAddress, size, &actual)
            }
        }
        guard result == LIBDEFLATE_SUCCESS else { return nil }
        out.count = actual
        return out
    }
}
