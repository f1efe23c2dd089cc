/// Byte-level helpers: the parser's delimiters and tokens are ASCII, so scanning UTF-8 bytes
/// finds them in linear time without building `Character`s.
extension Substring.UTF8View {
    /// Calls `body` with the bytes, contiguous (a native string already is; others are copied once).
    func withContiguousBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try withContiguousStorageIfAvailable(body) { return result }
        return try Array(self).withUnsafeBufferPointer(body)
    }
}

extension String.UTF8View {
    /// Calls `body` with the bytes, contiguous (a native string already is; others are copied once).
    public func withContiguousBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try withContiguousStorageIfAvailable(body) { return result }
        return try Array(self).withUnsafeBufferPointer(body)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first occurrence of `needle` at or after `start`, or `nil`.
    public func firstRange(of needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= count else { return nil }
        var i = start
        let last = count - needle.count
        while i <= last {
            if self[i] == first {
                var k = 1
                while k < needle.count, self[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

extension UInt8 {
    /// `true` for the first byte of a UTF-8 sequence (so counting these counts Unicode scalars).
    var isScalarStart: Bool { self & 0xC0 != 0x80 }
}
