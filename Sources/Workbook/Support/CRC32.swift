/// The CRC-32 of ZIP entries (ISO 3309, polynomial 0xEDB88320, reflected): a value that takes
/// bytes in any number of pieces, so an entry's checksum needs no second pass.
struct CRC32: Sendable, Hashable {
    private var state: UInt32 = 0xFFFF_FFFF

    init() {}

    init<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        update(bytes)
    }

    mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var crc = state
        for byte in bytes {
            crc = Self.table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        state = crc
    }

    /// The checksum of everything so far.
    var value: UInt32 { state ^ 0xFFFF_FFFF }

    private static let table: [UInt32] = (0..<256).map { index in
        var c = UInt32(index)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
}
