/// Cairo numbers SVG ids (`surface68`, `image12`, `pattern3`, …) from a process-wide counter, so
/// the same figure gets different ids depending on what was rendered before or concurrently.
/// This renumbers every such id, and every `#id` reference, in order of first appearance,
/// making the SVG a pure function of the figure.
enum SVGIdentifierNormalizer {
    /// Only these prefixes are renumbered; colours like `#f59322` and glyph ids (`glyph0-1`,
    /// already per document) are left alone.
    static let prefixes: [[UInt8]] = [
        "surface", "image", "pattern", "clip", "mask", "source", "linear", "radial",
        "filter",
    ].map { Array($0.utf8) }

    static func normalize(_ svg: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(svg.count)
        var numbering: [[UInt8]: [UInt8]] = [:]  // old id → new id
        var counters: [[UInt8]: Int] = [:]
        var index = 0
        let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#")
        while index < svg.count {
            let byte = svg[index]
            output.append(byte)
            index += 1
            // An id starts right after `id="` or after `#` (in `url(#…)` and `xlink:href="#…"`).
            let startsId = byte == hash || (byte == quote && endsWithIdAttribute(output))
            guard startsId, let (prefix, end) = identifier(in: svg, at: index) else { continue }
            let old = Array(svg[index..<end])
            let new: [UInt8]
            if let known = numbering[old] {
                new = known
            } else {
                let next = (counters[prefix] ?? 0) + 1
                counters[prefix] = next
                new = prefix + Array(String(next).utf8)
                numbering[old] = new
            }
            output.append(contentsOf: new)
            index = end
        }
        return output
    }

    private static func endsWithIdAttribute(_ bytes: [UInt8]) -> Bool {
        let pattern = Array(" id=\"".utf8)
        return bytes.count >= pattern.count && Array(bytes.suffix(pattern.count)) == pattern
    }

    /// A known prefix followed by digits and then `"` or `)`: returns the prefix and the end index.
    private static func identifier(in bytes: [UInt8], at start: Int) -> ([UInt8], Int)? {
        for prefix in prefixes {
            let digitsStart = start + prefix.count
            guard digitsStart < bytes.count, Array(bytes[start..<digitsStart]) == prefix else { continue }
            var end = digitsStart
            while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
            guard end > digitsStart, end < bytes.count,
                bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: ")")
            else { continue }
            return (prefix, end)
        }
        return nil
    }
}
