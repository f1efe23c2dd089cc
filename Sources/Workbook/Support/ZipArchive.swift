import Foundation

/// A ZIP archive (PKWARE APPNOTE 6.3) written in one piece: entries stored as they are, names in
/// UTF-8 and in the order added, every timestamp 1980-01-01 00:00 (the earliest a ZIP can say),
/// no extra fields. The same entries give the same bytes in any process, place or time zone.
///
/// Stored, not deflated: what Labbook zips (the QTI export) is PNGs, compressed already, and a
/// few kilobytes of XML; every unzip tool and LMS reads stored entries.
struct ZipArchive: Sendable {
    struct Entry: Sendable, Hashable {
        var name: String
        var bytes: [UInt8]
    }

    enum Problem: Error, Equatable {
        case duplicateName(String)
        /// An entry or the archive beyond the 4 GB a ZIP without ZIP64 can hold.
        case tooLarge
        /// A name that is empty, absolute, or climbs out of the archive with `..`.
        case unsafeName(String)
    }

    private(set) var entries: [Entry] = []

    mutating func add(_ name: String, _ bytes: [UInt8]) throws(Problem) {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.split(separator: "/").contains(".."), !name.contains("\\") else {
            throw .unsafeName(name)
        }
        guard !entries.contains(where: { $0.name == name }) else { throw .duplicateName(name) }
        guard bytes.count < Int(UInt32.max) else { throw .tooLarge }
        entries.append(Entry(name: name, bytes: bytes))
    }

    /// 1980-01-01 00:00 in MS-DOS date and time fields.
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    static let dosTime: UInt16 = 0
    /// Bit 11: names are UTF-8.
    static let utf8Flag: UInt16 = 1 << 11

    /// The archive's bytes.
    func bytes() throws(Problem) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = CRC32(entry.bytes).value
            let size = UInt32(entry.bytes.count)
            guard out.count < Int(UInt32.max) else { throw .tooLarge }
            let offset = UInt32(out.count)
            out.appendLittleEndian(UInt32(0x0403_4B50))
            out.appendLittleEndian(UInt16(10))  // version needed: 1.0, stored
            out.appendLittleEndian(Self.utf8Flag)
            out.appendLittleEndian(UInt16(0))  // method: stored
            out.appendLittleEndian(Self.dosTime)
            out.appendLittleEndian(Self.dosDate)
            out.appendLittleEndian(crc)
            out.appendLittleEndian(size)
            out.appendLittleEndian(size)
            out.appendLittleEndian(UInt16(name.count))
            out.appendLittleEndian(UInt16(0))
            out += name
            out += entry.bytes

            central.appendLittleEndian(UInt32(0x0201_4B50))
            central.appendLittleEndian(UInt16(3 << 8 | 20))  // made by: Unix, 2.0 (so the mode below counts)
            central.appendLittleEndian(UInt16(10))
            central.appendLittleEndian(Self.utf8Flag)
            central.appendLittleEndian(UInt16(0))
            central.appendLittleEndian(Self.dosTime)
            central.appendLittleEndian(Self.dosDate)
            central.appendLittleEndian(crc)
            central.appendLittleEndian(size)
            central.appendLittleEndian(size)
            central.appendLittleEndian(UInt16(name.count))
            central.appendLittleEndian(UInt16(0))  // extra
            central.appendLittleEndian(UInt16(0))  // comment
            central.appendLittleEndian(UInt16(0))  // disk
            central.appendLittleEndian(UInt16(0))  // internal attributes
            central.appendLittleEndian(UInt32(0o100644) << 16)  // a regular file, rw-r--r--
            central.appendLittleEndian(offset)
            central += name
        }
        guard out.count + central.count < Int(UInt32.max), entries.count < Int(UInt16.max) else { throw .tooLarge }
        let centralOffset = UInt32(out.count)
        out += central
        out.appendLittleEndian(UInt32(0x0605_4B50))
        out.appendLittleEndian(UInt16(0))
        out.appendLittleEndian(UInt16(0))
        out.appendLittleEndian(UInt16(entries.count))
        out.appendLittleEndian(UInt16(entries.count))
        out.appendLittleEndian(UInt32(central.count))
        out.appendLittleEndian(centralOffset)
        out.appendLittleEndian(UInt16(0))  // comment
        return out
    }
}

extension [UInt8] {
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        var v = value.littleEndian
        Swift.withUnsafeBytes(of: &v) { append(contentsOf: $0) }
    }
}
