/// Alphanumeric tokens that stand in for math, directives, roles and heading anchors
/// while cmark processes the chapter.
///
/// Letters and digits are inert in CommonMark (no emphasis, escapes or links), so a
/// token comes out of the renderer exactly as it went in and can be swapped for the
/// real HTML afterwards. The prefix is chosen so it does not occur in the chapter,
/// which keeps author text from ever being mistaken for a token.
///
/// Tokens are ASCII, so searching and splicing work on UTF-8 bytes: one linear pass
/// however many tokens a chapter has.
struct PlaceholderScheme: Sendable, Hashable {
    enum Kind: UInt8, Sendable {
        /// The first line of a math span.
        case math = 0x4D  // M
        /// A further line of a multi-line math span (keeps line numbers intact).
        case mathContinuation = 0x4E  // N
        case directive = 0x44  // D
        case role = 0x52  // R
        case heading = 0x48  // H
    }

    /// A token found in a string; `range` is in UTF-8 bytes.
    struct Match {
        var kind: Kind
        var index: Int
        var range: Range<Int>
    }

    let prefix: String

    /// Picks `LBKX`, `LBKXQ`, `LBKXQQ`… — the first prefix absent from `source`: one Q more
    /// than the longest `LBKXQ…` run in it, found in one pass (trying prefixes one by one
    /// would take a pass per Q, quadratic for a chapter full of them).
    init(avoiding source: String) {
        let base = Array("LBKX".utf8)
        var longestRun = -1
        source.utf8.withContiguousBytes { bytes in
            var i = 0
            while let start = bytes.firstRange(of: base, from: i) {
                var end = start + base.count
                while end < bytes.count, bytes[end] == UInt8(ascii: "Q") { end += 1 }
                longestRun = max(longestRun, end - start - base.count)
                i = end
            }
        }
        prefix = "LBKX" + String(repeating: "Q", count: longestRun + 1)
    }

    func token(_ kind: Kind, _ index: Int) -> String {
        "\(prefix)\(Character(Unicode.Scalar(kind.rawValue)))\(index)Z"
    }

    /// All tokens in `text`, in order.
    func matches(in text: String) -> [Match] {
        text.utf8.withContiguousBytes { matches(in: $0) }
    }

    func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        let prefixBytes = Array(prefix.utf8)
        var result: [Match] = []
        var searchStart = 0
        while let found = bytes.firstRange(of: prefixBytes, from: searchStart) {
            var cursor = found + prefixBytes.count
            searchStart = cursor
            guard cursor < bytes.count, let kind = Kind(rawValue: bytes[cursor]) else { continue }
            cursor += 1
            let digitsStart = cursor
            var index = 0
            while cursor < bytes.count, (0x30...0x39).contains(bytes[cursor]), cursor - digitsStart < 18 {
                index = index * 10 + Int(bytes[cursor] - 0x30)
                cursor += 1
            }
            guard cursor > digitsStart, cursor < bytes.count, bytes[cursor] == UInt8(ascii: "Z") else { continue }
            result.append(Match(kind: kind, index: index, range: found..<(cursor + 1)))
            searchStart = cursor + 1
        }
        return result
    }

    /// Rebuilds `text`, asking `replacement` for each token (`nil` keeps the token).
    func substitute(in text: String, _ replacement: (Match) throws -> String?) rethrows -> String {
        try splice(text) { match, output, _, _ in
            guard let html = try replacement(match) else { return nil }
            output.append(contentsOf: html.utf8)
            return 0
        }
    }

    /// Rebuilds `text` token by token. The text before each token is copied to `output`, then
    /// `handle(match, &output, chunkStart, following)` may edit the output (`chunkStart` is
    /// where that copied text begins; `following` are the bytes after the token) and returns
    /// `nil` to keep the token, or how many of the following bytes it consumed with the token.
    func splice(
        _ text: String,
        _ handle: (Match, inout [UInt8], _ chunkStart: Int, _ following: Slice<UnsafeBufferPointer<UInt8>>) throws -> Int?
    ) rethrows -> String {
        try text.utf8.withContiguousBytes { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var last = 0
            for match in matches(in: bytes) where match.range.lowerBound >= last {
                let chunkStart = output.count
                output.append(contentsOf: bytes[last..<match.range.lowerBound])
                if let consumed = try handle(match, &output, chunkStart, bytes[match.range.upperBound...]) {
                    last = min(match.range.upperBound + max(consumed, 0), bytes.count)
                } else {
                    output.append(contentsOf: bytes[match.range])
                    last = match.range.upperBound
                }
            }
            output.append(contentsOf: bytes[last...])
            return String(decoding: output, as: UTF8.self)
        }
    }
}
