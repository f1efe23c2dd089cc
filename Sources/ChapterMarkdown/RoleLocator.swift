/// Finds where each inline role was written.
///
/// cmark-gfm does not track positions of inline nodes reliably, but it knows the enclosing
/// block's lines. The first time a block is asked about, its lines are scanned once for every
/// `` {name}` `` (any name); roles, visited in source order, then take that name's next
/// occurrence. One pass per block keeps a paragraph with thousands of roles linear.
struct RoleLocator {
    let path: String
    private var blocks: [Int: [String: Occurrences]] = [:]

    private struct Occurrences {
        var locations: [SourceLocation] = []
        var next = 0
    }

    init(path: String) {
        self.path = path
    }

    /// The location of the next `` {name}` `` in the block with key `block` spanning
    /// `lines` (1-based, inclusive), or the block's first line if there is none left.
    mutating func next(
        name: String, block: Int, lines range: ClosedRange<Int>, of lines: [Substring]
    ) -> SourceLocation {
        if blocks[block] == nil { blocks[block] = scan(range, of: lines) }
        guard var occurrences = blocks[block]?[name], occurrences.next < occurrences.locations.count else {
            return SourceLocation(file: path, line: range.lowerBound, column: 1)
        }
        let location = occurrences.locations[occurrences.next]
        occurrences.next += 1
        blocks[block]?[name] = occurrences
        return location
    }

    /// Every `` {name}` `` on the given lines, by name, in order.
    private func scan(_ range: ClosedRange<Int>, of lines: [Substring]) -> [String: Occurrences] {
        var found: [String: Occurrences] = [:]
        for line in range where lines.indices.contains(line - 1) {
            lines[line - 1].utf8.withContiguousBytes { bytes in
                var column = 1
                var k = 0
                while k < bytes.count {
                    if bytes[k] == UInt8(ascii: "{"), let name = Self.roleName(in: bytes, at: k + 1) {
                        found[name, default: Occurrences()].locations.append(
                            SourceLocation(file: path, line: line, column: column))
                    }
                    if bytes[k].isScalarStart { column += 1 }
                    k += 1
                }
            }
        }
        return found
    }

    /// The name in `name}` + backtick starting at `start` (a letter, then letters, digits, `-`, `_`).
    private static func roleName(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> String? {
        func isLetter(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
        guard start < bytes.count, isLetter(bytes[start]) else { return nil }
        var end = start + 1
        while end < bytes.count,
            isLetter(bytes[end]) || (0x30...0x39).contains(bytes[end]) || bytes[end] == UInt8(ascii: "-")
                || bytes[end] == UInt8(ascii: "_")
        {
            end += 1
        }
        guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: "}"), bytes[end + 1] == UInt8(ascii: "`") else {
            return nil
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
